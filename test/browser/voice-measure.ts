// What a page's live voice measured, for the voice tests (classroom and docent group alike): its RTP
// counters and levels from the browser's own getStats, the voice debug view, and a counter read until it
// stops changing. Reads only; the tests drive the pages with real input.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { VoiceDebugView } from '../../src/platform/voice-chat'
import type { VoiceStats } from '../../src/platform/voice-chat/voice-chat'

export const voiceStats = (page: Page): Promise<VoiceStats> =>
  page.evaluate(() => {
    const view = window.__xrShowcase.view('voice')
    if (!view) throw new Error('no voice view')
    return view.stats()
  })

/** Bytes and energy this page has received from `from`, or null while it has no connection from them. */
export async function received(page: Page, from: string) {
  return (await voiceStats(page)).incoming.find((i) => i.id === from) ?? null
}

/** What this page has sent to `to`, or null while it has no connection to them. */
export async function sent(page: Page, to: string) {
  return (await voiceStats(page)).outgoing.find((o) => o.id === to) ?? null
}

/** The voice debug view as JSON, read once; throws while no room's voice registered it. */
export async function debugVoice(page: Page): Promise<Omit<VoiceDebugView, 'stats'>> {
  const view = await page.evaluate(() => window.__xrShowcase.view('voice'))
  if (!view) throw new Error('no voice view')
  return view
}

/** Waits until `page` has received more than `bytes` of audio from `from` (as its browser counted). */
export async function expectBytesFrom(page: Page, from: string, bytes = 2000): Promise<void> {
  await expect
    .poll(async () => (await received(page, from))?.bytesReceived ?? 0, {
      timeout: 20_000,
      message: `audio bytes from ${from}`,
    })
    .toBeGreaterThan(bytes)
}

/**
 * A counter once it has stopped changing: read until two reads 300 ms apart agree (the poll interval, not
 * the verdict: the caller compares what it returns), failing after 10 s.
 */
export async function stableCount(read: () => Promise<number>): Promise<number> {
  let last = await read()
  let result = Number.NaN
  await expect
    .poll(
      async () => {
        const now = await read()
        const same = now === last
        last = now
        if (same) result = now
        return same
      },
      { timeout: 10_000, interval: 300 },
    )
    .toBe(true)
  return result
}
