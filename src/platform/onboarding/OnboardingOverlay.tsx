// First-time help on desktop and touch: one screen that says how to look, move, use things and find
// the menu, in the visitor's language. Any click, tap or key dismisses it, once per visitor.
import { useEffect, useRef } from 'react'
import { useLocalize } from '../i18n'
import { useXRSession } from '../xr'
import { dismissScreenHelp, useOnboarding } from './onboarding-store'
import { onboardingStrings as s } from './onboarding-strings'
import './onboarding.css'

export function OnboardingOverlay() {
  const seen = useOnboarding((o) => o.screenSeen)
  const inXR = useXRSession((x) => x.mode !== null)
  const l = useLocalize()
  const show = !seen && !inXR
  const start = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!show) return
    start.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault()
      dismissScreenHelp()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [show])
  if (!show) return null
  const touch = window.matchMedia('(pointer: coarse)').matches
  const rows = touch ? [s.lookTouch, s.moveTouch, s.selectTouch, s.menu] : [s.look, s.move, s.select, s.menu]
  return (
    // A click or tap anywhere dismisses it (the button is there for keyboard and screen readers).
    <div
      className="onboarding"
      role="dialog"
      aria-modal="true"
      aria-labelledby="onboarding-title"
      onClick={dismissScreenHelp}
    >
      <div className="onboarding-card">
        <h2 id="onboarding-title">{l(s.title)}</h2>
        <ul>
          {rows.map((row) => (
            <li key={row.en}>{l(row)}</li>
          ))}
        </ul>
        <button type="button" className="btn btn-primary" ref={start} onClick={dismissScreenHelp}>
          {l(s.start)}
        </button>
        <p className="onboarding-dismiss">{l(touch ? s.dismissTouch : s.dismiss)}</p>
      </div>
    </div>
  )
}
