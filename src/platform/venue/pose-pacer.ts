// When a watched device samples its pose. A headset draws 72, 90 or 120 frames a second and the stream
// sends about 25: sampling "when an interval has passed since the last sample" loses the part of a frame
// each sample lands late, so at 72 and 90 Hz it sampled every 55.6 ms, 18 a second. Keeping a schedule
// instead (the next sample is due one interval after the last one was due) holds the average interval at
// exactly `intervalMs` at any frame rate faster than it.

export interface PosePacer {
  /** True when this frame, at `now` ms, should sample the pose. */
  due(now: number): boolean
}

export function posePacer(intervalMs: number): PosePacer {
  let dueAt = -Infinity
  return {
    due(now) {
      if (now < dueAt) return false
      // After a stall (a loading frame, a hidden page) start afresh rather than sample on every frame to catch up.
      dueAt = now - dueAt > intervalMs ? now + intervalMs : dueAt + intervalMs
      return true
    },
  }
}
