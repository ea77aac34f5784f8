// Frames per second as the device draws them, for the presence report: counted from the stage's own
// frame loop (VenueStageParts), which in a headset is the XR session's loop (the page's own animation
// frames may be paused there). A mutable counter, never React state per frame.
let frames = 0
let since = 0
let lastFps = 0

/** Called once per rendered frame. */
export function countFrame(): void {
  frames++
}

/** The rate over the time since the last call (at least half a second), rounded to 0.1. */
export function framesPerSecond(now = performance.now()): number {
  if (since === 0) {
    since = now
    frames = 0
    return 0
  }
  const elapsed = now - since
  if (elapsed < 500) return lastFps
  lastFps = Math.round((frames * 10_000) / elapsed) / 10
  frames = 0
  since = now
  return Math.min(1000, lastFps)
}
