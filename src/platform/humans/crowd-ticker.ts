// Which figures of a crowd (the hall's clerks, a class) animate this frame. Skinned figures cost CPU
// each frame (the mixer, then the bones), so only the ones a visitor can see move, at full rate only
// when near or talking; the rest catch up in one step when their turn comes. Pure, allocation-free.

import type { CrowdFigure } from './use-crowd-figure'

/** What the ticker needs to know about one figure this frame. */
export interface CrowdFigureView {
  /** Talking (its mouth follows a voice): animated every frame, seen or not. */
  talking: boolean
  /** Drawn in the last frame (inside the view, not culled). */
  seen: boolean
  /** Close enough to the visitor that a skipped frame would show (and it looks at them). */
  near: boolean
}

/** Frames between updates of a figure that is in view but far. */
export const FAR_EVERY = 3
/** Time owed beyond this is dropped: a figure out of view for a minute does not replay it. */
const MAX_OWED_S = 1

/** Frames between this figure's updates: 1 every frame, 0 not at all (out of view). */
export function updateInterval(view: CrowdFigureView): number {
  if (view.talking || (view.seen && view.near)) return 1
  return view.seen ? FAR_EVERY : 0
}

export class CrowdTicker {
  private readonly owed: Float64Array
  private frame = 0

  constructor(readonly count: number) {
    this.owed = new Float64Array(count)
  }

  /** Starts a frame; call once before the figures' `step`s. */
  nextFrame(): void {
    this.frame++
  }

  /**
   * Adds `delta` (s) to figure `index`'s owed time and returns the seconds to animate it by now, or 0
   * to skip it this frame. Far figures take turns (staggered by index), so the crowd's cost is even.
   */
  step(index: number, delta: number, view: CrowdFigureView): number {
    const owed = Math.min(this.owed[index] + delta, MAX_OWED_S)
    const every = updateInterval(view)
    if (every === 0 || (this.frame + index) % every !== 0) {
      this.owed[index] = owed
      return 0
    }
    this.owed[index] = 0
    return owed
  }

  /**
   * `step` for a figure from useCrowdFigure: it was seen if the renderer drew it since the last call,
   * and the mark is cleared for the next frame.
   */
  stepFigure(index: number, delta: number, figure: CrowdFigure, talking: boolean, near: boolean): number {
    scratch.talking = talking
    scratch.seen = figure.drawn
    scratch.near = near
    figure.drawn = false
    return this.step(index, delta, scratch)
  }
}

const scratch: CrowdFigureView = { talking: false, seen: false, near: false }
