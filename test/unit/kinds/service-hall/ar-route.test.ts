import { describe, expect, it } from 'vitest'
import { arRouteWindow, entrancePoint } from '../../../../src/kinds/service-hall/logic/ar-route'
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
