// Which clerks (or students) animate this frame: talking and near ones every frame, far ones in turn,
// unseen ones not at all, and skipped time handed over in one step when a figure's turn comes.
import { describe, expect, it } from 'vitest'
import { CrowdTicker, FAR_EVERY, updateInterval } from '../../../src/platform/humans/crowd-ticker'
import type { CrowdFigure } from '../../../src/platform/humans/use-crowd-figure'

const view = (talking: boolean, seen: boolean, near: boolean) => ({ talking, seen, near })

describe('crowd ticker', () => {
  it('animates talking figures always, near ones in view every frame, far ones every few, unseen never', () => {
    expect(updateInterval(view(true, false, false))).toBe(1)
    expect(updateInterval(view(false, true, true))).toBe(1)
    expect(updateInterval(view(false, true, false))).toBe(FAR_EVERY)
    expect(updateInterval(view(false, false, true))).toBe(0)
    expect(updateInterval(view(false, false, false))).toBe(0)
  })

  it('staggers far figures and hands over the time they skipped', () => {
    const ticker = new CrowdTicker(FAR_EVERY)
    const far = view(false, true, false)
    const animated: number[][] = []
    let total = 0
    for (let f = 0; f < FAR_EVERY * 4; f++) {
      ticker.nextFrame()
      const now: number[] = []
      for (let i = 0; i < FAR_EVERY; i++) {
        const step = ticker.step(i, 0.01, far)
        if (step > 0) now.push(i)
        if (i === 0) total += step
      }
      animated.push(now)
    }
    // One far figure a frame, each in turn.
    for (const now of animated) expect(now).toHaveLength(1)
    expect(new Set(animated.slice(0, FAR_EVERY).flat()).size).toBe(FAR_EVERY)
    // Figure 0 was animated by all the time that passed except what it still owes.
    expect(total).toBeGreaterThan(0.01 * (FAR_EVERY * 4 - FAR_EVERY))
    expect(total).toBeLessThanOrEqual(0.01 * FAR_EVERY * 4 + 1e-9)
  })

  it('skips an unseen figure, then catches it up by at most a second', () => {
    const ticker = new CrowdTicker(1)
    for (let f = 0; f < 300; f++) {
      ticker.nextFrame()
      expect(ticker.step(0, 0.02, view(false, false, false))).toBe(0)
    }
    ticker.nextFrame()
    expect(ticker.step(0, 0.02, view(false, true, true))).toBe(1)
    ticker.nextFrame()
    expect(ticker.step(0, 0.02, view(false, true, true))).toBeCloseTo(0.02, 9)
  })

  it('reads a figure as seen only if the renderer drew it since the last frame, and clears the mark', () => {
    const ticker = new CrowdTicker(1)
    const figure = { drawn: true } as CrowdFigure
    ticker.nextFrame()
    expect(ticker.stepFigure(0, 0.02, figure, false, true)).toBeCloseTo(0.02, 9)
    expect(figure.drawn).toBe(false)
    // Not drawn again (culled, out of view): skipped until the renderer marks it.
    ticker.nextFrame()
    expect(ticker.stepFigure(0, 0.02, figure, false, true)).toBe(0)
    figure.drawn = true
    ticker.nextFrame()
    expect(ticker.stepFigure(0, 0.02, figure, false, true)).toBeCloseTo(0.04, 9)
  })
})
