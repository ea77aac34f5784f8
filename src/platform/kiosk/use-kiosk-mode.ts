// Kiosk behaviour (`?kiosk=1`) for exhibition stands that run all day: after a few minutes without
// input the app stops any narration, ends the visit (saved scene progress, the visitor's large-text
// choice, the first-time help seen) and returns to the Chinese lobby for the next visitor, and the
// browser's context menu is off. In an XR session the headset's own presence counts as activity.
import { useEffect } from 'react'
import { stopNarration } from '../audio/narration'
import { testHooks } from '../debug'
import { useRoute } from '../url/route-store'
import { resetVisit } from '../visit'
import { useXRSession } from '../xr/xr-session'
import { createIdleTimer } from './idle-timer'

/** How long a kiosk waits without input before resetting. */
export const KIOSK_IDLE_MS = 3 * 60 * 1000

/** What the idle timeout does: the next visitor starts as a first-time visitor in the Chinese lobby. */
export function resetKiosk(): void {
  stopNarration()
  resetVisit()
  useRoute.getState().replace({ scene: undefined, lang: 'zh', diag: false })
}

export function useKioskMode(): void {
  const kiosk = useRoute((s) => s.kiosk)
  useEffect(() => {
    if (!kiosk) return
    const timer = createIdleTimer(KIOSK_IDLE_MS, performance.now())
    const onActivity = () => timer.activity(performance.now())
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
    for (const type of events) window.addEventListener(type, onActivity, { passive: true })
    const noMenu = (e: Event) => e.preventDefault()
    window.addEventListener('contextmenu', noMenu)
    const interval = setInterval(() => {
      if (useXRSession.getState().mode) return timer.activity(performance.now())
      if (!timer.check(performance.now())) return
      resetKiosk()
    }, 5000)
    // Tests run the reset the timer would, without waiting minutes.
    testHooks.kioskReset = resetKiosk
    return () => {
      for (const type of events) window.removeEventListener(type, onActivity)
      window.removeEventListener('contextmenu', noMenu)
      clearInterval(interval)
      testHooks.kioskReset = undefined
    }
  }, [kiosk])
}
