// Decides when a kiosk has been left alone long enough to reset for the next visitor. Pure and
// clock-injected so it is tested without waiting minutes.

export interface IdleTimer {
  /** Call on any visitor input. */
  activity(now: number): void
  /** Call periodically; returns true once per idle period, when the timeout has just passed. */
  check(now: number): boolean
}

export function createIdleTimer(timeoutMs: number, start: number): IdleTimer {
  let lastActivity = start
  let fired = false
  return {
    activity(now) {
      lastActivity = now
      fired = false
    },
    check(now) {
      if (fired || now - lastActivity < timeoutMs) return false
      fired = true
      return true
    },
  }
}
