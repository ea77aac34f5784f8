import { describe, expect, it } from 'vitest'
import {
  layoutMarkers,
  sortEvents,
  stepSelection,
  yearToX,
} from '../../../../src/kinds/tour/logic/timeline-layout'

describe('timeline layout', () => {
  const events = [
    { id: 'prc', year: 1949, month: 10, day: 1 },
    { id: 'autumn', year: 1927, month: 9 },
    { id: 'nanchang', year: 1927, month: 8, day: 1 },
    { id: 'base', year: 1927, month: 10 },
    { id: 'meeting', year: 1928, month: 4 },
  ]

  it('sorts events by year, month and day', () => {
    expect(sortEvents(events).map((e) => e.id)).toEqual(['nanchang', 'autumn', 'base', 'meeting', 'prc'])
  })

  it('keeps crowded markers at least the minimum gap apart and inside the ruler', () => {
    const xs = layoutMarkers(sortEvents(events), 1927, 1949, 6, 0.6)
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(0.6 - 1e-9)
    expect(xs[0]).toBeGreaterThanOrEqual(-3)
    expect(xs[xs.length - 1]).toBeLessThanOrEqual(3)
    // 1949 stays at the right end, where it belongs.
    expect(xs[xs.length - 1]).toBeCloseTo(3)
    expect(xs[1]).toBeCloseTo(xs[0] + 0.6)
  })

  it('places years proportionally on the ruler', () => {
    expect(yearToX(1927, 1927, 1949, 6)).toBeCloseTo(-3)
    expect(yearToX(1938, 1927, 1949, 6)).toBeCloseTo(0)
  })

  it('shrinks the gap when the ruler is too short for all markers', () => {
    const xs = layoutMarkers(sortEvents(events), 1927, 1949, 1, 0.6)
    expect(xs[0]).toBeGreaterThanOrEqual(-0.5 - 1e-9)
    expect(xs[xs.length - 1]).toBeLessThanOrEqual(0.5 + 1e-9)
  })

  it('steps the selection and stops at the ends', () => {
    const ids = ['a', 'b', 'c']
    expect(stepSelection(ids, null, 1)).toBe('a')
    expect(stepSelection(ids, null, -1)).toBe('c')
    expect(stepSelection(ids, 'a', -1)).toBe('a')
    expect(stepSelection(ids, 'b', 1)).toBe('c')
    expect(stepSelection([], 'x', 1)).toBeNull()
  })
})
