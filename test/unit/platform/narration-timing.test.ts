// Without recorded audio or a local voice, narration falls back to timed subtitles; the visitor's
// narration-speed setting stretches or shortens that reading time. (Node has no localStorage, so the
// settings store warns that it cannot persist; that is expected here.)
import { afterEach, describe, expect, it, vi } from 'vitest'
import { narrate, subtitleDurationMs, useNarrationStore } from '../../../src/platform/audio/narration'
import { useSettings } from '../../../src/platform/settings/settings-store'

afterEach(() => {
  vi.useRealTimers()
  useSettings.getState().reset()
})

async function readingTimeMs(text: string): Promise<number> {
  vi.useFakeTimers()
  let finished = false
  const start = Date.now()
  const done = narrate({ text: { zh: text, en: text } }).then(() => {
    finished = true
  })
  expect(useNarrationStore.getState().subtitle).toBe(text)
  while (!finished) await vi.advanceTimersByTimeAsync(100)
  await done
  return Date.now() - start
}

describe('narration speed', () => {
  const text = '一九二七年八月一日，南昌起义打响了武装反抗国民党反动派的第一枪。'

  it('reads a Chinese subtitle at about five characters a second at normal speed', async () => {
    const ms = await readingTimeMs(text)
    expect(ms).toBeGreaterThanOrEqual(subtitleDurationMs(text, 'zh'))
    expect(ms).toBeLessThan(subtitleDurationMs(text, 'zh') + 200)
  })

  it('takes a third longer at the slow setting and less at the fast one', async () => {
    useSettings.getState().update({ narrationRate: 0.75 })
    const slow = await readingTimeMs(text)
    useSettings.getState().update({ narrationRate: 1.25 })
    const fast = await readingTimeMs(text)
    const normal = subtitleDurationMs(text, 'zh')
    expect(slow).toBeGreaterThanOrEqual(normal / 0.75)
    expect(fast).toBeLessThan(normal)
    expect(fast).toBeGreaterThanOrEqual(normal / 1.25)
  })
})
