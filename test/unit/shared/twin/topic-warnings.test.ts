// One warning per topic, and none at all past the limit of distinct topics.
import { describe, expect, it } from 'vitest'
import { TopicWarnings } from '../../../../src/shared/twin/topic-warnings'

describe('TopicWarnings', () => {
  it('warns the first time a topic misbehaves, never again for it', () => {
    const warnings = new TopicWarnings(10)
    expect(warnings.firstFor('park/demo/x/power')).toBe(true)
    expect(warnings.firstFor('park/demo/x/power')).toBe(false)
    expect(warnings.firstFor('park/demo/y/power')).toBe(true)
  })

  it('stops warning once the limit of distinct topics is reached', () => {
    const warnings = new TopicWarnings(2)
    expect(warnings.firstFor('a')).toBe(true)
    expect(warnings.firstFor('b')).toBe(true)
    expect(warnings.firstFor('c')).toBe(false)
  })
})
