import { describe, expect, it } from 'vitest'
import { arRouteWindow, entrancePoint } from '../../../../src/kinds/service-hall/logic/ar-route'
import { initHall, takeTicketForPlan, useHall } from '../../../../src/kinds/service-hall/service-hall-store'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()

describe('the route on the AR floor-plan model', () => {
  it('starts just inside the entrance, on the hall floor', () => {
    const [x, z] = entrancePoint(hall)
    const door = hall.layout.entrance.position
    expect(x).toBeCloseTo(door[0])
    // The gov-hall's doorway is in its front wall (z = 11); one metre in is inside the floor (z ≤ 10.5).
    expect(z).toBeCloseTo(door[2] - 1)
  })

  it("leads to the plan's first window, or to the window that called the ticket", () => {
    expect(arRouteWindow(hall, [], null)).toBeNull()
    expect(arRouteWindow(hall, ['real-estate-registration', 'housing-fund-withdrawal'], null)).toBe('w7')
    expect(arRouteWindow(hall, ['company-setup'], null)).toBe('w2')
    expect(arRouteWindow(hall, ['company-setup'], 'w3')).toBe('w3')
    expect(arRouteWindow(hall, ['no-such-matter'], null)).toBeNull()
  })
})

describe("the ticket taken at the table (AR: the desk's and the status panel's 取号)", () => {
  it("is for the plan's first matter, in the queue of the window the model's route leads to", () => {
    initHall(hall, 0)
    expect(takeTicketForPlan(1000)).toBeNull()
    useHall.setState({ plan: ['real-estate-registration', 'housing-fund-withdrawal'] })
    const ticket = takeTicketForPlan(1000)
    const w7 = hall.layout.windows.find((w) => w.id === 'w7')
    expect(ticket).toMatchObject({ queue: w7?.queue, matterId: 'real-estate-registration', mine: true })
    expect(useHall.getState().ticket).toBe(ticket)
  })
})
