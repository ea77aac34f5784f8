// The hall's page side of visitor analytics: a task completed is the visitor's own ticket called to its
// window, counted once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stubPageGlobals } from '../../../support/page-globals'
import { loadGovHall } from './gov-hall-scene'

beforeEach(() => {
  vi.resetModules()
  stubPageGlobals('?scene=gov-hall')
})
afterEach(() => vi.unstubAllGlobals())

describe('hall analytics', () => {
  it('counts the visitor’s own ticket called to its window once', async () => {
    const store = await import('../../../../src/kinds/service-hall/service-hall-store')
    const { watchHallAnalytics } = await import('../../../../src/kinds/service-hall/hall-analytics')
    const { queuedAnalytics } = await import('../../../../src/platform/analytics/analytics-queue')
    store.initHall(loadGovHall(), 0)
    const stop = watchHallAnalytics('gov-hall')
    expect(store.takeTicket('B', 'company-setup', 1000)).toBeTruthy()
    // The simulated queue calls tickets as time passes; others' calls count for nothing.
    let now = 1000
    while (!store.useHall.getState().myCall && now < 3_600_000) {
      now += 5000
      store.advanceQueue(now)
    }
    expect(store.useHall.getState().myCall).not.toBeNull()
    for (let i = 1; i <= 20; i++) store.advanceQueue(now + i * 5000)
    stop()
    expect(queuedAnalytics()).toEqual([{ type: 'hall-task-completed', scene: 'gov-hall' }])
  })
})
