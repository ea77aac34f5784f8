import { describe, expect, it } from 'vitest'
import {
  cutToFit,
  fitInkInside,
  fitLabelSize,
  labelEm,
  labelFitsOneLine,
} from '../../../src/platform/ui/label-fit'

describe('fitLabelSize', () => {
  it('keeps a label that fits its key at the asked size', () => {
    expect(fitLabelSize('下一页', 0.04, 0.24, 0.09)).toBe(0.04)
    expect(fitLabelSize('Next', 0.04, 0.24, 0.09)).toBe(0.04)
  })

  it('shrinks a long English label until its lines fit the key’s height and width', () => {
    // At 0.032 "Water molecule model" took three lines in a 0.09 m key and ran out of it.
    const size = fitLabelSize('Water molecule model', 0.032, 0.24, 0.09)
    expect(size).toBeLessThan(0.032)
    expect(size).toBeGreaterThan(0.02)
    // Two lines at that size fit the height.
    expect(2 * size * 1.2).toBeLessThanOrEqual(0.08)
  })

  it('shrinks a word longer than the key', () => {
    expect(fitLabelSize('Internationalisation', 0.04, 0.24, 0.09)).toBeLessThan(0.04)
  })

  it('stops shrinking at 60 % of the asked size', () => {
    expect(
      fitLabelSize('a very long label that no key this small could ever hold', 0.04, 0.1, 0.05),
    ).toBeCloseTo(0.024, 5)
  })
})

describe('labelFitsOneLine', () => {
  it('says whether large text may enlarge a label, with the margin fitLabelSize wraps by', () => {
    // "Normal mode" at 1.25 × 0.036 in the hall's 0.28 m key: 0.241 m by the em table, under the key's
    // 0.26 m, but troika's Latin runs wider, wrapped it onto two lines and the ink fit then shrank it
    // below the normal size (7.63 px at 1024×640).
    expect(labelEm('Normal mode') * 0.036 * 1.25).toBeLessThan(0.26)
    expect(labelFitsOneLine('Normal mode', 0.036 * 1.25, 0.28)).toBe(false)
    expect(labelFitsOneLine('Normal mode', 0.036, 0.28)).toBe(true)
    expect(labelFitsOneLine('标准模式', 0.036 * 1.25, 0.28)).toBe(true)
  })
})

describe('fitInkInside', () => {
  /** A laid-out label whose scale records what it was set to. */
  const laidOut = (visibleBounds: number[]) => {
    const text = {
      applied: Number.NaN,
      textRenderInfo: { visibleBounds },
      scale: { setScalar: (s: number) => (text.applied = s) },
    }
    return text
  }

  it('shrinks a label whose measured ink runs past its key, by the tighter of width and height', () => {
    const wide = laidOut([-0.11, -0.015, 0.11, 0.015])
    fitInkInside(wide, 0.2, 0.05)
    expect(wide.applied).toBeCloseTo(0.2 / 0.22)
    const tall = laidOut([-0.05, -0.04, 0.05, 0.04])
    fitInkInside(tall, 0.2, 0.06)
    expect(tall.applied).toBeCloseTo(0.75)
  })

  it('never enlarges a label that fits', () => {
    const text = laidOut([-0.05, -0.01, 0.05, 0.01])
    fitInkInside(text, 0.2, 0.05)
    expect(text.applied).toBe(1)
  })
})

describe('cutToFit', () => {
  const row = (name: string) => `${name}   3 / 5`
  it('leaves a line that fits whole', () => {
    expect(cutToFit('Li Hua', row, 20)).toBe('Li Hua   3 / 5')
  })

  it('cuts a long name, ends it with "…" and keeps what follows it within the room', () => {
    const long = 'Alexandria Montgomery-Smythe'
    const line = cutToFit(long, row, 12)
    expect(labelEm(line)).toBeLessThanOrEqual(12)
    expect(line).toMatch(/^Alex.*… {3}3 \/ 5$/)
    // Cut at a space, the ellipsis follows the word.
    expect(cutToFit('Alexandra Katherine Wong', (n) => n, 6)).toBe('Alexandra…')
    expect(cutToFit('司马相如司马相如司马相如', row, 8)).toMatch(/^司马.*… {3}3 \/ 5$/)
  })

  it('keeps at least one character when even that does not fit', () => {
    expect(cutToFit('王小明', row, 1)).toBe('王…   3 / 5')
  })
})
