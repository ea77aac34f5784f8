// The staff message on a device's screen (desktop, touch, kiosk): a large banner above everything until
// its time is up or the visitor dismisses it. In a headset VenueXRNotice shows the same text.
import { useEffect, useState } from 'react'
import { fillPlaceholders, localize, useLang } from '../i18n'
import { dismissVenueNotice, useVenue } from './venue-store'
import { venueStrings } from './venue-strings'
import './venue.css'

export function VenueNotice() {
  const notice = useVenue((s) => s.notice)
  const lang = useLang()
  useNoticeExpiry()
  if (!notice) return null
  return (
    <div className="venue-notice" role="alert" data-venue-notice>
      <strong>{localize(venueStrings.staffNotice, lang)}</strong>
      <p>{notice.text}</p>
      <button type="button" className="btn" onClick={dismissVenueNotice}>
        {fillPlaceholders(localize(venueStrings.dismiss, lang), {})}
      </button>
    </div>
  )
}

/** Clears the notice when its time is up (one timer per notice, not a poll). */
export function useNoticeExpiry(): void {
  const notice = useVenue((s) => s.notice)
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!notice) return
    const left = notice.until - performance.now()
    const timer = setTimeout(
      () => {
        if (useVenue.getState().notice?.serial === notice.serial) dismissVenueNotice()
        setTick((t) => t + 1)
      },
      Math.max(0, left),
    )
    return () => clearTimeout(timer)
  }, [notice])
}
