import { describe, expect, it } from 'vitest'
import { placeLocal, seatPlacements } from '../../../../src/kinds/service-hall/logic/hall-placement'
import { pointAlong } from '../../../../src/kinds/service-hall/logic/route-planner'
import { loadGovHall } from './gov-hall-scene'

describe('hall placement', () => {
  it('turns a point in a piece of furniture’s frame into the world', () => {
    expect(placeLocal([1, 0, 2], 0, [0.5, 1, 0.25])).toEqual([1.5, 1, 2.25])
    const turned = placeLocal([0, 0, 0], 90, [0, 0, 1])
    expect(turned[0]).toBeCloseTo(1)
    expect(turned[2]).toBeCloseTo(0)
  })

  it('fills the waiting area with seat rows on both sides of the aisle, inside it', () => {
    const content = loadGovHall()
    const w = content.layout.waitingArea
    const seats = seatPlacements(content)
    expect(seats.length).toBeGreaterThan(0)
    expect(seats.length % 2).toBe(0)
    for (const s of seats) {
      expect(Math.abs(s.position[0] - w.position[0])).toBeLessThanOrEqual(w.size[0] / 2 + 1e-9)
      expect(Math.abs(s.position[2] - w.position[2])).toBeLessThanOrEqual(w.size[1] / 2 + 1e-9)
    }
  })

  it('lets the per-frame route walk reuse one point', () => {
    const out = { point: [0, 0] as [number, number], heading: 0 }
    expect(
      pointAlong(
        [
          [0, 0],
          [0, 4],
        ],
        1,
        out,
      ),
    ).toBe(out)
    expect(out.point).toEqual([0, 1])
  })
})
