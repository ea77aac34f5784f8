// The desk's plan is paged so a long one stays on a panel narrow enough for a headset's view.
import { describe, expect, it } from 'vitest'
import { clampPage, pagesOf } from '../../../../src/kinds/service-hall/logic/desk-pages'

describe('desk pages', () => {
  it('keep every row once, in order, each page within the room', () => {
    const heights = [0.05, 0.09, 0.05, 0.05, 0.09, 0.05, 0.05]
    const pages = pagesOf(heights, 0.2)
    expect(pages.flat()).toEqual(heights.map((_, i) => i))
    for (const p of pages) expect(p.reduce((sum, i) => sum + heights[i], 0)).toBeLessThanOrEqual(0.2)
    expect(pages.length).toBeGreaterThan(1)
  })

  it('give a row taller than the room a page of its own, and a short plan one page', () => {
    expect(pagesOf([0.05, 0.3, 0.05], 0.2)).toEqual([[0], [1], [2]])
    expect(pagesOf([0.05, 0.05], 0.2)).toEqual([[0, 1]])
    expect(pagesOf([], 0.2)).toEqual([])
  })

  it('keep the asked page inside the pages there are', () => {
    expect(clampPage(3, 2)).toBe(1)
    expect(clampPage(-1, 2)).toBe(0)
    expect(clampPage(0, 0)).toBe(0)
  })
})
