import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  flushAnalytics,
  queuedAnalytics,
  startNewVisit,
  track,
} from '../../../src/platform/analytics/analytics-queue'
import { MemoryStorage } from '../../support/memory-storage'

const sent: { visit: string; events: unknown[] }[] = []
let answer = 204

beforeEach(() => {
  vi.useFakeTimers()
  sent.length = 0
  answer = 204
  vi.stubGlobal('localStorage', new MemoryStorage())
  vi.stubGlobal('sessionStorage', new MemoryStorage())
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    sent.push(JSON.parse(String(init.body)))
    return new Response(null, { status: answer })
  })
})
afterEach(() => {
  flushAnalytics()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('analytics queue', () => {
  it('sends queued events as one batch a few seconds later, under one anonymous visit id', async () => {
    track({ type: 'scene-entered', scene: 'gov-hall' })
    track({ type: 'hall-task-completed', scene: 'gov-hall' })
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent).toHaveLength(1)
    expect(sent[0].events).toHaveLength(2)
    expect(sent[0].visit).toMatch(/^[a-z0-9]{16}$/)
  })

  it('starts a new visit id for the next visitor', async () => {
    track({ type: 'scene-entered', scene: 'gov-hall' })
    startNewVisit()
    track({ type: 'scene-entered', scene: 'classroom' })
    flushAnalytics()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(2)
    expect(sent[0].visit).not.toBe(sent[1].visit)
  })

  it('keeps events while the server is busy or away, and drops none it refused as malformed', async () => {
    answer = 503
    track({ type: 'scene-entered', scene: 'gov-hall' })
    flushAnalytics()
    await vi.advanceTimersByTimeAsync(0)
    expect(queuedAnalytics()).toHaveLength(1)
    answer = 400
    flushAnalytics()
    await vi.advanceTimersByTimeAsync(0)
    expect(queuedAnalytics()).toHaveLength(0)
  })

  it('records nothing in a browser switched off', () => {
    localStorage.setItem('xr-showcase:analytics', 'off')
    track({ type: 'scene-entered', scene: 'gov-hall' })
    expect(queuedAnalytics()).toHaveLength(0)
  })
})
