// What a kiosk's once-a-second check decides: nothing, the idle reset, or the reset for a headset left
// unworn. Pure and clock-injected, so the rules are tested without waiting minutes.
// - In an XR session, wearing the headset (the session visible) is activity; hidden or blurred (taken
//   off), the reset follows after the headset's time.
// - A session that ended counts as the headset taken off: the browser ends a session the system hid, and a
//   visitor who left VR and walked away leaves the page in the headset's 2D browser with nobody to give
//   input. From the end, the headset's time runs until the next input on the page.
// - Otherwise the visitor's last input decides, against the kiosk's idle time.
import { createIdleTimer } from './idle-timer'
import type { KioskEvent } from './kiosk-phase'

export interface KioskWatchOptions {
  idleMs: number
  headsetOffMs: number
  /** A check this late after the one before was a blocked page, not a gone visitor (idle-timer.ts). */
  stallMs: number
  start: number
  /** Whether this browser presents immersive VR (a headset's browser): known a moment after start. */
  isHeadset: () => boolean
}

export interface SessionNow {
  inSession: boolean
  /** The session is visible: the headset is on someone's head. */
  worn: boolean
}

export interface KioskWatch {
  check(now: number, session: SessionNow, lastInput: number): KioskEvent | null
}

export function createKioskWatch(options: KioskWatchOptions): KioskWatch {
  const idle = createIdleTimer(options.idleMs, options.start, options.stallMs)
  const away = createIdleTimer(options.headsetOffMs, options.start, options.stallMs)
  let wasInSession = false
  let sessionEndedAt: number | null = null
  return {
    check(now, session, lastInput) {
      if (session.inSession) {
        wasInSession = true
        sessionEndedAt = null
        if (!session.worn) return away.check(now) ? { type: 'headset-off' } : null
        idle.activity(now)
        away.activity(now)
        return null
      }
      if (wasInSession) {
        wasInSession = false
        sessionEndedAt = now
      }
      idle.activity(lastInput)
      // Someone uses the page after the session: the visit goes on, on the kiosk's idle time.
      if (sessionEndedAt !== null && lastInput > sessionEndedAt) sessionEndedAt = null
      if (sessionEndedAt === null) away.activity(now)
      else if (away.check(now)) {
        sessionEndedAt = null
        return { type: 'headset-off' }
      }
      return idle.check(now) ? { type: 'idle', headset: options.isHeadset() } : null
    },
  }
}
