// Kiosk behaviour (`?kiosk=1`, or `?kiosk=<seconds>` for another idle time) for exhibition stands that
// run all day. After a few minutes without input the app resets for the next visitor: narration stops,
// an XR session ends, the visit ends (saved scene progress, large text, the first-time help seen), the
// comfort settings (volume, text and subtitle size, seated mode, turning, speed) return to the venue's
// defaults, and the Chinese lobby waits. The browser's context menu is off.
// In a headset, wearing it is activity: the session is visible. Taken off (the system hides or blurs
// the session), the reset follows after HEADSET_OFF_MS, sooner than a desktop kiosk's idle time.
import { useEffect } from 'react'
import { stopNarration } from '../audio/narration'
import { registerDebugView, testHooks } from '../debug'
import { applyWaitingUpdate } from '../offline'
import { useSettings } from '../settings/settings-store'
import { useRoute } from '../url/route-store'
import { resetVisit } from '../visit'
import { exitXR, useXRSession } from '../xr/xr-session'
import { createIdleTimer } from './idle-timer'

/** How long a kiosk waits without input before resetting, unless the address sets another time. */
export const KIOSK_IDLE_MS = 3 * 60 * 1000
/** How long a headset may lie unworn (its session hidden) before the reset. */
export const HEADSET_OFF_MS = 60 * 1000
/** Checks are cheap; once a second keeps a reset within a second of its time. */
const CHECK_MS = 1000

export interface KioskDebugView {
  idleMs: number
  headsetOffMs: number
  /** Checks run so far, and how many found the headset worn. */
  checks: number
  wornChecks: number
  resets: number
}

declare global {
  interface XrShowcaseDebugViews {
    kiosk: KioskDebugView
  }
}

const debug: KioskDebugView = { idleMs: 0, headsetOffMs: 0, checks: 0, wornChecks: 0, resets: 0 }

/** What the idle timeout does: the next visitor starts as a first-time visitor in the Chinese lobby. */
export function resetKiosk(): void {
  debug.resets++
  stopNarration()
  void exitXR().catch(() => {
    // Already ending: the lobby below is what matters.
  })
  useSettings.getState().reset()
  resetVisit()
  useRoute.getState().replace({ scene: undefined, lang: 'zh', diag: false })
  // Between visitors is the moment for a version staff deployed.
  applyWaitingUpdate()
}

export function useKioskMode(): void {
  const kiosk = useRoute((s) => s.kiosk)
  const idleSeconds = useRoute((s) => s.kioskIdleSeconds)
  useEffect(() => {
    if (!kiosk) return
    const idleMs = idleSeconds ? idleSeconds * 1000 : KIOSK_IDLE_MS
    const headsetOffMs = Math.min(HEADSET_OFF_MS, idleMs)
    Object.assign(debug, { idleMs, headsetOffMs, checks: 0, wornChecks: 0 })
    const idle = createIdleTimer(idleMs, performance.now())
    const away = createIdleTimer(headsetOffMs, performance.now())
    const onActivity = () => idle.activity(performance.now())
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
    for (const type of events) window.addEventListener(type, onActivity, { passive: true })
    const noMenu = (e: Event) => e.preventDefault()
    window.addEventListener('contextmenu', noMenu)
    const interval = setInterval(() => {
      const now = performance.now()
      debug.checks++
      const { mode, visibility } = useXRSession.getState()
      if (mode) {
        if (visibility === 'visible') {
          debug.wornChecks++
          idle.activity(now)
          away.activity(now)
        } else if (away.check(now)) {
          resetKiosk()
        }
        return
      }
      away.activity(now)
      if (idle.check(now)) resetKiosk()
    }, CHECK_MS)
    const unregister = registerDebugView('kiosk', () => ({ ...debug }))
    // Tests run the reset the timer would, without waiting minutes.
    testHooks.kioskReset = resetKiosk
    return () => {
      for (const type of events) window.removeEventListener(type, onActivity)
      window.removeEventListener('contextmenu', noMenu)
      clearInterval(interval)
      unregister()
      testHooks.kioskReset = undefined
    }
  }, [kiosk, idleSeconds])
}
