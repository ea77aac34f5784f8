// Decides when a kiosk has been left alone long enough to reset for the next visitor. Pure and
// clock-injected so it is tested without waiting minutes. Fed the shared last-input time
// (platform/input) at every check, so a reading of the same input again is not new activity.

export interface IdleTimer {
  /** The visitor's input at time `at`; a time no later than the last one known changes nothing. */
  activity(at: number): void
  /** Call periodically; returns true once per idle period, when the timeout has just passed. */
  check(now: number): boolean
}

/**
 * `stallMs`: a check that comes this long after the one before is not trusted. The page could not run
 * (a scene compiling its shaders can hold the main thread for seconds on a slow device), so input made
 * meanwhile is still queued behind the check; the next check, after it, decides.
 */
export function createIdleTimer(
  timeoutMs: number,
  start: number,
  stallMs = Number.POSITIVE_INFINITY,
): IdleTimer {
  let lastActivity = start
  let lastCheck = start
  let fired = false
  return {
    activity(at) {
      if (at <= lastActivity) return
      lastActivity = at
      fired = false
    },
    check(now) {
      const stalled = now - lastCheck > stallMs
      lastCheck = now
      if (stalled || fired || now - lastActivity < timeoutMs) return false
      fired = true
      return true
    },
  }
}
