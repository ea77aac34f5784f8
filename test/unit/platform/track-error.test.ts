// Failures are counted by kind, in the scene the address names, as events the server's contract accepts
// (a malformed one would cost the whole batch it travels in).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AnalyticsEvent } from '../../../src/shared/analytics/analytics-contracts'
import { stubPageGlobals } from '../../support/page-globals'

async function load(search: string) {
  vi.resetModules()
  stubPageGlobals(search)
  const { trackError } = await import('../../../src/platform/analytics/track-error')
  const { queuedAnalytics } = await import('../../../src/platform/analytics/analytics-queue')
  return { trackError, queuedAnalytics }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('trackError', () => {
  it('counts each kind of failure in the open scene, as an event the server accepts', async () => {
    const { trackError, queuedAnalytics } = await load('?scene=gov-hall')
    const kinds = [
      'script-error',
      'unhandled-rejection',
      'scene-not-found',
      'scene-broken',
      'scene-unreachable',
      'scene-crashed',
      'stage-failed',
      'asset-failed',
    ] as const
    for (const kind of kinds) trackError(kind)
    expect(queuedAnalytics()).toEqual(kinds.map((what) => ({ type: 'error', scene: 'gov-hall', what })))
    for (const event of queuedAnalytics()) expect(AnalyticsEvent.safeParse(event).success).toBe(true)
  })

  it('counts a failure under no scene when the address names no valid scene id', async () => {
    const { trackError, queuedAnalytics } = await load('?scene=..%2Fetc')
    trackError('scene-not-found')
    trackError('stage-failed', undefined)
    expect(queuedAnalytics().map((e) => e.type === 'error' && e.scene)).toEqual([null, null])
  })
})
