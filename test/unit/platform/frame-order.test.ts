import { describe, expect, it } from 'vitest'
import { FRAME_SEGMENTS, FRAME_STAGES } from '../../../src/platform/frame/frame-order'

describe('FRAME_SEGMENTS', () => {
  const priorities = FRAME_SEGMENTS.map(([, priority]) => priority)

  it('runs in the order it is written (R3F runs callbacks by ascending priority)', () => {
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b))
    expect(new Set(priorities).size).toBe(priorities.length)
  })

  it('starts a segment just before each stage after the frame start, and none inside another stage', () => {
    const stages = Object.entries(FRAME_STAGES)
      .filter(([name]) => name !== 'frameStart')
      .sort((a, b) => a[1] - b[1])
    for (const [name, priority] of stages) {
      const segment = FRAME_SEGMENTS.find(([segmentName]) => segmentName === name)
      expect(segment, `a segment for the ${name} stage`).toBeDefined()
      // Before the stage's callbacks, after every earlier stage's.
      const earlier = stages.filter(([, p]) => p < priority).map(([, p]) => p)
      expect(segment![1]).toBeLessThan(priority)
      expect(segment![1]).toBeGreaterThan(Math.max(-1000, ...earlier))
    }
  })

  it("puts the library's pointer update and its default-priority visuals in segments of their own", () => {
    const at = (name: string) => FRAME_SEGMENTS.find(([segment]) => segment === name)![1]
    expect(at('pointers')).toBeLessThan(-50)
    expect(at('pointers')).toBeGreaterThan(-1000)
    expect(at('libraryVisuals')).toBeLessThan(0)
    expect(at('libraryVisuals')).toBeGreaterThan(FRAME_STAGES.probe)
  })
})
