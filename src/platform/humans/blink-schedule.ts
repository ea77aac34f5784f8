// When a digital human blinks: every 3–6 s (seeded, so a test or a replay sees the same rhythm), a
// quick close and a slower open. Pure and allocation-free per call; the animator reads it every frame.
import { seededRandom } from '../../shared/seeded-random'

/** Seconds the lids take to close, and then to open again. */
const CLOSE_S = 0.07
const OPEN_S = 0.11
const MIN_GAP_S = 3
const MAX_GAP_S = 6

export class BlinkSchedule {
  private readonly random: () => number
  private nextStart: number

  constructor(seed: number, startTime = 0) {
    this.random = seededRandom(seed)
    this.nextStart = startTime + this.gap()
  }

  /** How closed the lids are at `time` (seconds, never decreasing): 0 open, 1 shut. */
  closure(time: number): number {
    // A long stall (a hidden tab) skips the blinks it missed instead of replaying them.
    while (time >= this.nextStart + CLOSE_S + OPEN_S) this.nextStart += this.gap()
    const t = time - this.nextStart
    if (t < 0) return 0
    if (t < CLOSE_S) return t / CLOSE_S
    return 1 - (t - CLOSE_S) / OPEN_S
  }

  /** When the next (or current) blink starts. */
  get upcoming(): number {
    return this.nextStart
  }

  private gap(): number {
    return MIN_GAP_S + (MAX_GAP_S - MIN_GAP_S) * this.random()
  }
}
