import { describe, expect, it } from 'vitest'
import { attractPath } from '../../../../src/platform/kiosk/attract-path'
import type { FloorArea, Pose } from '../../../../src/schema/common'

const room: FloorArea[] = [{ id: 'room', min: [-7, -6], max: [7, 7], y: 0 }]
const classroomSpawn: Pose = { position: [0, 0, 5.6], yaw: 0 }
const park: FloorArea[] = [{ id: 'park', min: [-50, -40], max: [50, 50], y: 0 }]

const inside = (floors: FloorArea[], x: number, z: number) =>
  floors.some((a) => x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1])

describe('attract camera path', () => {
  it('starts at eye height beside the spawn point and ends higher, having moved across it', () => {
    const path = attractPath(classroomSpawn, room, 1)
    const start = path.at(0).position
    const end = path.at(1).position
    expect(start[1]).toBeCloseTo(1.7)
    expect(end[1]).toBeGreaterThan(start[1])
    // Trucks from the visitor's left to their right (facing -Z, right is +X).
    expect(start[0]).toBeLessThan(-1)
    expect(end[0]).toBeGreaterThan(1)
    // And pushes in a little, towards where the visitor faces.
    expect(end[2]).toBeLessThan(start[2])
  })

  it('runs the other way with direction -1', () => {
    const path = attractPath(classroomSpawn, room, -1)
    expect(path.at(0).position[0]).toBeGreaterThan(1)
    expect(path.at(1).position[0]).toBeLessThan(-1)
  })

  it('never leaves the floor areas, keeping clear of their edges (where walls stand)', () => {
    // A spawn close to a side wall: the truck towards it is cut short.
    const nearWall: Pose = { position: [6, 0, 5], yaw: 0 }
    for (const direction of [1, -1] as const) {
      const path = attractPath(nearWall, room, direction)
      for (let t = 0; t <= 1; t += 0.01) {
        const [x, , z] = path.at(t).position
        expect(inside(room, x, z)).toBe(true)
        expect(x).toBeLessThanOrEqual(7 - 0.6 + 1e-9)
      }
    }
  })

  it('moves smoothly: no jumps, and it eases in and out (still at both ends)', () => {
    const path = attractPath(classroomSpawn, room, 1)
    const step = 1 / 600
    let last = path.at(0).position
    for (let t = step; t <= 1; t += step) {
      const p = path.at(t).position
      expect(Math.hypot(p[0] - last[0], p[1] - last[1], p[2] - last[2])).toBeLessThan(0.05)
      last = p
    }
    const speed = (t: number) => {
      const a = path.at(t).position
      const b = path.at(t + 0.001).position
      return Math.hypot(b[0] - a[0], b[2] - a[2]) / 0.001
    }
    expect(speed(0)).toBeLessThan(speed(0.5) / 50)
    expect(speed(0.999)).toBeLessThan(speed(0.5) / 50)
  })

  it('looks at one point ahead of the spawn, in the direction the scene faces the visitor', () => {
    const facingEast: Pose = { position: [0, 0, 0], yaw: -90 }
    const path = attractPath(facingEast, park, 1)
    const { target } = path.at(0.3)
    expect(target[0]).toBeGreaterThan(5)
    expect(Math.abs(target[2])).toBeLessThan(1e-9)
    expect(path.at(0.9).target).toEqual(target)
  })

  it('shows a big place from higher up than a room', () => {
    const parkTop = attractPath({ position: [0, 0, 40], yaw: 0 }, park).at(1).position[1]
    const roomTop = attractPath(classroomSpawn, room).at(1).position[1]
    expect(parkTop).toBeGreaterThan(roomTop + 3)
    expect(roomTop).toBeLessThan(3)
  })

  it('clamps t and copes with a spawn off every floor area', () => {
    const path = attractPath({ position: [100, 0, 100], yaw: 0 }, room)
    expect(path.at(-1)).toEqual(path.at(0))
    expect(path.at(2)).toEqual(path.at(1))
    expect(path.at(1).position[0]).toBe(100)
  })
})
