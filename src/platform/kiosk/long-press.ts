// The staff's way out of a kiosk: a long press (about 3 s) on the screen's top-left corner. A visitor's
// tap, a drag or a press elsewhere never counts. Pure and clock-injected; StaffExit.tsx feeds it.

export interface LongPressOptions {
  /** How long the press must be held, ms. Default 3000. */
  holdMs?: number
  /** Size of the square corner region from the top-left, CSS px. Default 64. */
  corner?: number
  /** Movement that still counts as holding still, CSS px. Default 24. */
  slop?: number
}

export interface LongPress {
  /** A pointer went down; returns whether it is a candidate (in the corner). */
  down(id: number, x: number, y: number, now: number): boolean
  move(id: number, x: number, y: number): void
  up(id: number): void
  /** True once, when the candidate press has been held long enough. */
  check(now: number): boolean
}

export function createLongPress(options: LongPressOptions = {}): LongPress {
  const holdMs = options.holdMs ?? 3000
  const corner = options.corner ?? 64
  const slop = options.slop ?? 24
  let press: { id: number; x: number; y: number; at: number } | null = null
  return {
    down(id, x, y, now) {
      press = x >= 0 && y >= 0 && x < corner && y < corner ? { id, x, y, at: now } : null
      return press !== null
    },
    move(id, x, y) {
      if (press && press.id === id && Math.hypot(x - press.x, y - press.y) > slop) press = null
    },
    up(id) {
      if (press?.id === id) press = null
    },
    check(now) {
      if (!press || now - press.at < holdMs) return false
      press = null
      return true
    },
  }
}
