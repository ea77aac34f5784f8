import { describe, expect, it } from 'vitest'
import { AnalyticsStore, localDay } from '../../../src/server/analytics/analytics-store'
import { openDatabase } from '../../../src/server/storage/database'

const DAY = 24 * 3600 * 1000

function storeAt(start: number) {
  let now = start
  const store = new AnalyticsStore(openDatabase(':memory:'), 30, () => now)
  return { store, advance: (ms: number) => (now += ms), at: () => now }
}

describe('visitor analytics store', () => {
  it('summarises a day: visits, time per scene, VR, tours, hall tasks, quiz score and errors', () => {
    const t0 = new Date(2026, 11, 2, 10, 0).getTime()
    const { store } = storeAt(t0)
    store.record('visit0001', [
      { type: 'scene-entered', scene: 'red-tourism' },
      { type: 'vr-entered', scene: 'red-tourism' },
      { type: 'tour-stop', scene: 'red-tourism', stop: 'gate', seconds: 40 },
      { type: 'quiz-scored', scene: 'red-tourism', correct: 2, total: 3 },
      { type: 'tour-completed', scene: 'red-tourism' },
      { type: 'scene-left', scene: 'red-tourism', seconds: 300 },
    ])
    store.record('visit0002', [
      { type: 'scene-entered', scene: 'red-tourism' },
      { type: 'scene-left', scene: 'red-tourism', seconds: 100 },
      { type: 'scene-entered', scene: 'gov-hall' },
      { type: 'hall-task-completed', scene: 'gov-hall' },
      { type: 'quiz-scored', scene: 'red-tourism', correct: 3, total: 3 },
      { type: 'error', scene: 'gov-hall', what: 'render-crash' },
    ])
    const [day] = store.summary(14)
    expect(day).toEqual({
      day: localDay(t0),
      visits: 2,
      vrEntries: 1,
      toursCompleted: 1,
      hallTasksCompleted: 1,
      meanQuizScore: (2 / 3 + 1) / 2,
      errors: 1,
      scenes: [
        { scene: 'red-tourism', entries: 2, meanSeconds: 200 },
        // Still inside when the summary was read: no time yet.
        { scene: 'gov-hall', entries: 1, meanSeconds: null },
      ],
    })
  })

  it('stamps events with the server clock, one day per local date', () => {
    const t0 = new Date(2026, 11, 1, 23, 0).getTime()
    const { store, advance } = storeAt(t0)
    store.record('visit0001', [{ type: 'scene-entered', scene: 'classroom' }])
    advance(2 * 3600 * 1000)
    store.record('visit0001', [{ type: 'scene-entered', scene: 'classroom' }])
    expect(store.summary(14).map((d) => [d.day, d.scenes[0].entries])).toEqual([
      ['2026-12-01', 1],
      ['2026-12-02', 1],
    ])
  })

  it('deletes events past the retention', () => {
    const { store, advance } = storeAt(Date.now())
    store.record('visit0001', [{ type: 'scene-entered', scene: 'classroom' }])
    advance(29 * DAY)
    store.record('visit0002', [{ type: 'scene-entered', scene: 'classroom' }])
    expect(store.prune()).toBe(0)
    advance(2 * DAY)
    expect(store.prune()).toBe(1)
    expect(store.csv().trim().split('\r\n')).toHaveLength(2)
  })

  it('exports CSV that Excel reads as UTF-8, one row per event', () => {
    const { store } = storeAt(Date.UTC(2026, 11, 2, 8))
    store.record('visit0001', [{ type: 'tour-stop', scene: 'red-tourism', stop: 'gate', seconds: 12.5 }])
    expect(store.csv()).toBe(
      '\uFEFFtime,visit,event,scene,detail,value,total\r\n2026-12-02T08:00:00.000Z,visit0001,tour-stop,red-tourism,gate,12.5,\r\n',
    )
  })
})
