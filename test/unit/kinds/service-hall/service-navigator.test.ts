import { describe, expect, it } from 'vitest'
import {
  answerQuestion,
  currentQuestion,
  goBack,
  isFinished,
  navigate,
  startNavigation,
} from '../../../../src/kinds/service-hall/logic/service-navigator'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const event = (id: string) => {
  const e = hall.lifeEvents.find((x) => x.id === id)
  if (!e) throw new Error(id)
  return e
}

describe('service navigator', () => {
  it('opening a restaurant as a company with staff', () => {
    const restaurant = event('open-restaurant')
    let state = startNavigation(restaurant)
    expect(currentQuestion(restaurant, state)?.id).toBe('business-form')
    expect(state.matterIds).toEqual(['food-licence', 'tax-invoice'])
    state = answerQuestion(restaurant, state, 0)
    expect(currentQuestion(restaurant, state)?.id).toBe('staff')
    state = answerQuestion(restaurant, state, 0)
    expect(isFinished(state)).toBe(true)
    expect(state.matterIds).toEqual(['food-licence', 'tax-invoice', 'company-setup', 'employee-insurance'])
  })

  it('opening a restaurant as a sole trader on my own', () => {
    const state = navigate(event('open-restaurant'), [1, 1])
    expect(isFinished(state)).toBe(true)
    expect(state.matterIds).toEqual(['food-licence', 'tax-invoice', 'sole-trader'])
  })

  it('goes back one answer', () => {
    const restaurant = event('open-restaurant')
    const back = goBack(restaurant, navigate(restaurant, [0, 0]))
    expect(back.answers).toEqual([0])
    expect(currentQuestion(restaurant, back)?.id).toBe('staff')
    expect(back.matterIds).not.toContain('employee-insurance')
  })

  it('ignores answers out of range or after the end', () => {
    const restaurant = event('open-restaurant')
    const start = startNavigation(restaurant)
    expect(answerQuestion(restaurant, start, 5)).toBe(start)
    const done = navigate(restaurant, [0, 1])
    expect(answerQuestion(restaurant, done, 0)).toBe(done)
  })

  it('every path of every life event ends with at least one known matter', () => {
    const matterIds = new Set(hall.matters.map((m) => m.id))
    for (const e of hall.lifeEvents) {
      const walk = (answers: number[]): void => {
        const state = navigate(e, answers)
        const q = currentQuestion(e, state)
        if (!q) {
          expect(state.matterIds.length, `${e.id} ${answers}`).toBeGreaterThan(0)
          for (const id of state.matterIds) expect(matterIds.has(id)).toBe(true)
          return
        }
        q.options.forEach((_, i) => {
          walk([...answers, i])
        })
      }
      walk([])
    }
  })
})
