// The tour's page side of visitor analytics: what it reports as its store moves, through the analytics
// service's queue (the server's side is test/integration/analytics.test.ts).
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stubPageGlobals } from '../../../support/page-globals'

beforeEach(() => {
  vi.resetModules()
  stubPageGlobals('?scene=red-tourism')
})
afterEach(() => vi.unstubAllGlobals())

async function tourModules() {
  const { TourContent } = await import('../../../../src/schema/kinds/tour')
  const scene = JSON.parse(readFileSync('scenes/red-tourism/scene.json', 'utf8')) as { tour: unknown }
  const content = TourContent.parse(scene.tour)
  const store = await import('../../../../src/kinds/tour/tour-store')
  const { watchTourAnalytics } = await import('../../../../src/kinds/tour/tour-analytics')
  const { queuedAnalytics } = await import('../../../../src/platform/analytics/analytics-queue')
  store.initTour(content)
  return { content, store, watchTourAnalytics, queuedAnalytics }
}

describe('tour analytics', () => {
  it('reports the time at a stop it leaves, the tour told to its end and the closing quiz score', async () => {
    const { content, store, watchTourAnalytics, queuedAnalytics } = await tourModules()
    const stop = watchTourAnalytics('red-tourism')
    const { useTourStore } = store
    useTourStore.setState((s) => ({ tour: { ...s.tour, stopIndex: 0 } }))
    useTourStore.setState((s) => ({ tour: { ...s.tour, stopIndex: 1 } }))
    useTourStore.setState((s) => ({ tour: { ...s.tour, phase: 'finished' } }))
    const questions = content.quiz?.questions ?? []
    expect(questions.length).toBeGreaterThan(0)
    // Every question answered with its right choice.
    const answers = questions.map((q) => q.answer)
    useTourStore.setState({ quiz: { current: questions.length - 1, answers, finished: true } })
    stop()
    const events = queuedAnalytics()
    expect(events.map((e) => e.type)).toEqual(['tour-stop', 'tour-completed', 'quiz-scored', 'tour-stop'])
    expect(events[0]).toMatchObject({ scene: 'red-tourism', stop: content.stops[0].id })
    expect(events[2]).toEqual({
      type: 'quiz-scored',
      scene: 'red-tourism',
      correct: questions.length,
      total: questions.length,
    })
    expect(events[3]).toMatchObject({ stop: content.stops[1].id })
  })
})
