import { describe, expect, it } from 'vitest'
import {
  type FloorPoint,
  hallObstacles,
  planRoute,
  pointAlong,
  routeLength,
  teleportStops,
  windowStandPoint,
} from '../../../../src/kinds/service-hall/logic/route-planner'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const layout = hall.layout

function crossesObstacle(a: FloorPoint, b: FloorPoint): boolean {
  const obstacles = hallObstacles(layout)
  for (let t = 0; t <= 1; t += 0.01) {
    const x = a[0] + (b[0] - a[0]) * t
    const z = a[1] + (b[1] - a[1]) * t
    if (obstacles.some((o) => x > o.min[0] && x < o.max[0] && z > o.min[1] && z < o.max[1])) return true
  }
  return false
}

describe('route planner', () => {
  it('stands a metre in front of a window counter', () => {
    const w = layout.windows[3]
    const [x, z] = windowStandPoint(w)
    expect(x).toBeCloseTo(w.position[0])
    expect(z).toBeCloseTo(w.position[2] + 1.1)
  })

  it('walks from the entrance to every window without crossing furniture', () => {
    const from: FloorPoint = [0, 9]
    for (const w of layout.windows) {
      const to = windowStandPoint(w)
      const path = planRoute(layout, from, to)
      expect(path[0]).toEqual(from)
      expect(path[path.length - 1]).toEqual(to)
      for (let i = 1; i < path.length; i++) expect(crossesObstacle(path[i - 1], path[i]), w.id).toBe(false)
      const straight = Math.hypot(to[0] - from[0], to[1] - from[1])
      expect(routeLength(path)).toBeGreaterThanOrEqual(straight - 1e-9)
      expect(routeLength(path)).toBeLessThan(straight * 1.6)
    }
  })

  it('goes around the waiting seats rather than through them', () => {
    const path = planRoute(layout, [0, 9], windowStandPoint(layout.windows[4]))
    expect(path.length).toBeGreaterThan(2)
  })

  it('interpolates along the route and splits it into teleport stops', () => {
    const path: FloorPoint[] = [
      [0, 0],
      [0, 4],
      [3, 4],
    ]
    expect(routeLength(path)).toBe(7)
    expect(pointAlong(path, 2).point).toEqual([0, 2])
    expect(pointAlong(path, 5).point).toEqual([1, 4])
    expect(pointAlong(path, 5).heading).toBeCloseTo(Math.PI / 2)
    expect(pointAlong(path, 99).point).toEqual([3, 4])
    const stops = teleportStops(path, 3)
    expect(stops).toHaveLength(3)
    expect(stops[2].point).toEqual([3, 4])
  })
})
