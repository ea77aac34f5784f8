// One warning per topic; at most a budget of topics per window, the rest summed up once per window; and a
// flood of junk topics never uses the warnings up for good.
import { describe, expect, it } from 'vitest'
import { TopicWarnings } from '../../../../src/shared/twin/topic-warnings'

describe('TopicWarnings', () => {
  it('warns the first time a topic misbehaves, never again for it', () => {
    const warnings = new TopicWarnings(10)
    expect(warnings.firstFor('park/demo/x/power')).toBe(true)
    expect(warnings.firstFor('park/demo/x/power')).toBe(false)
    expect(warnings.firstFor('park/demo/y/power')).toBe(true)
  })

  it('warns about at most perWindow topics per window, sums the rest up, and warns again in the next window', () => {
    let t = 1_000_000
    const warnings = new TopicWarnings(100, { perWindow: 2, windowMs: 60_000, now: () => t })
    expect(['a', 'b', 'c', 'd', 'c'].map((topic) => warnings.firstFor(topic))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
    expect(warnings.takeSummary()).toBeNull()
    t += 60_000
    expect(warnings.takeSummary()).toEqual({ suppressed: 3, topics: 2 })
    expect(warnings.takeSummary()).toBeNull()
    // A topic held back in the flood is warned about in a later window.
    expect(warnings.firstFor('c')).toBe(true)
  })

  it('forgets the oldest warned topics instead of filling up', () => {
    let t = 0
    const warnings = new TopicWarnings(2, { perWindow: 1000, now: () => t })
    for (const topic of ['a', 'b', 'c']) expect(warnings.firstFor(topic)).toBe(true)
    t += 1
    // "a" was forgotten to make room: it is new again; "c" is still remembered.
    expect(warnings.firstFor('a')).toBe(true)
    expect(warnings.firstFor('c')).toBe(false)
  })
})
