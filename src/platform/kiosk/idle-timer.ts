// Decides when a kiosk has been left alone long enough to reset for the next visitor. Pure and
// clock-injected so it is tested without waiting minutes. Fed the shared last-input time
// (platform/input) at every check, so a reading of the same input again is not new activity.

export interface IdleTimer {
  /** The visitor's input at time `at`; a time no later than the last one known changes nothing. */
  activity(at: number): void
  /** Call periodically; returns true once per idle period, when the timeout has just passed. */
  check(now: number): boolean
}

export function createIdleTimer(timeoutMs: number, start: number): IdleTimer {
  let lastActivity = start
  let fired = false
  return {
    activity(at) {
      if (at <= lastActivity) return
      lastActivity = at
      fired = false
    },
    check(now) {
      if (fired || now - lastActivity < timeoutMs) return false
      fired = true
      return true
    },
  }
}
