// The attract loop's camera move through one scene: a slow crane shot from where the scene starts a
// visitor. The camera trucks sideways across the spawn point while it rises and pushes in a little,
// always looking at one point ahead, so the scene's hero detail turns in parallax. It never leaves the
// scene's floor areas (no flying through walls) and eases in and out so the cut to the next scene is calm.
// Pure, for unit tests; AttractCamera.tsx reads it every frame.
import type { FloorArea, Pose, Vec3 } from '../../schema/common'

export interface CameraShot {
  position: Vec3
  target: Vec3
}

export interface AttractPath {
  /** Where the camera is and what it looks at, `t` from 0 (start) to 1 (end); clamped. */
  at(t: number): CameraShot
}

/** Eye height at the start of a shot, standing. */
const START_HEIGHT = 1.7
/** Sideways travel each way from the spawn point, at most. */
const MAX_TRUCK = 4
/** Margin kept from a floor area's edge (walls stand there). */
const EDGE = 0.6

/** The floor area holding (x, z), or undefined. */
function areaAt(floors: readonly FloorArea[], x: number, z: number): FloorArea | undefined {
  return floors.find((a) => x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1])
}

/** How far from (x, z) along (dx, dz) before leaving the area, less the edge margin (≥ 0). */
function reach(area: FloorArea, x: number, z: number, dx: number, dz: number): number {
  let best = Number.POSITIVE_INFINITY
  if (dx > 1e-9) best = Math.min(best, (area.max[0] - x) / dx)
  if (dx < -1e-9) best = Math.min(best, (area.min[0] - x) / dx)
  if (dz > 1e-9) best = Math.min(best, (area.max[1] - z) / dz)
  if (dz < -1e-9) best = Math.min(best, (area.min[1] - z) / dz)
  return Math.max(0, best - EDGE)
}

const smooth = (t: number) => t * t * (3 - 2 * t)

/**
 * The shot for a scene from its spawn pose and floor areas. `direction` 1 trucks left to right, -1
 * the other way (the loop alternates, so consecutive scenes do not all move alike).
 */
export function attractPath(spawn: Pose, floors: readonly FloorArea[], direction: 1 | -1 = 1): AttractPath {
  const [sx, sy, sz] = spawn.position
  const yaw = (spawn.yaw * Math.PI) / 180
  // Facing (yaw 0 looks down -Z, counter-clockwise seen from above) and the visitor's right.
  const fx = -Math.sin(yaw)
  const fz = -Math.cos(yaw)
  const rx = -fz
  const rz = fx
  const area = areaAt(floors, sx, sz)
  // A scene whose spawn is off its floors (the schema allows it) gets a gentle push-in on the spot.
  const extent = area ? Math.max(area.max[0] - area.min[0], area.max[1] - area.min[1]) : 10
  const right = area ? Math.min(MAX_TRUCK, reach(area, sx, sz, rx, rz)) : 0
  const left = area ? Math.min(MAX_TRUCK, reach(area, sx, sz, -rx, -rz)) : 0
  const ahead = area ? reach(area, sx, sz, fx, fz) : 4
  // Bigger places are shown from higher and look further: a park from a crane, a classroom at head height.
  const topHeight = Math.min(9, Math.max(2.3, extent * 0.09))
  const focus = Math.min(25, Math.max(6, extent * 0.25))
  const push = Math.min(ahead * 0.5, focus * 0.2)
  // The eye-line rises a little with the camera, so tall hero detail (a monument) stays in the frame.
  const target: Vec3 = [sx + fx * focus, sy + 1.4 + 0.4 * (topHeight - START_HEIGHT), sz + fz * focus]
  const from = direction === 1 ? -left : right
  const to = direction === 1 ? right : -left
  return {
    at(t) {
      const k = smooth(Math.min(1, Math.max(0, t)))
      const side = from + (to - from) * k
      const forward = push * k
      return {
        position: [
          sx + rx * side + fx * forward,
          sy + START_HEIGHT + (topHeight - START_HEIGHT) * k,
          sz + rz * side + fz * forward,
        ],
        target: [...target],
      }
    },
  }
}
