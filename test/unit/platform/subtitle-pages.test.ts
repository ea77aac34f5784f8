// A subtitle page is chosen by how far the audio has played, shared out by each page's length.
import { describe, expect, it } from 'vitest'
import { pageAt } from '../../../src/platform/audio/SubtitleBar'

describe('subtitle page at an audio position', () => {
  it('turns a page when the audio passes its share of the text', () => {
    const weights = [30, 10, 20]
    expect(pageAt(weights, 0)).toBe(0)
    expect(pageAt(weights, 0.49)).toBe(0)
    expect(pageAt(weights, 0.5)).toBe(1)
    expect(pageAt(weights, 0.66)).toBe(1)
    expect(pageAt(weights, 0.67)).toBe(2)
    expect(pageAt(weights, 1)).toBe(2)
    expect(pageAt([], 0.5)).toBe(0)
  })
})
