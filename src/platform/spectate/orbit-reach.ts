// How far the big screen's orbit camera may stand from the visitor's head: short of the first wall on the
// line from the head, and over the floor area the visitor stands on (indoors its edges are the walls). A
// camera inside a wall shows the room from outside, or the wall's back face and nothing else.
import type { FloorArea } from '../../schema/common'

/** Kept between the camera and a wall: the near plane (0.1 m) must not cut into it. */
export const WALL_CLEARANCE_M = 0.35
/** The camera never comes closer than this to the head, however tight the spot (it still sees the rays). */
export const MIN_REACH_M = 0.4

type Point = readonly [number, number, number]

/**
 * The distance from `head` towards `desired` the camera may go: the full distance when nothing is in the way,
 * else `WALL_CLEARANCE_M` short of the solid hit at `hitDistance` (null: no hit) and of the edge of the floor
 * area under the head. Never below `MIN_REACH_M` (nor above the desired distance).
 */
export function orbitReach(
  head: Point,
  desired: Point,
  floors: readonly FloorArea[],
  hitDistance: number | null,
): number {
  const full = Math.hypot(desired[0] - head[0], desired[1] - head[1], desired[2] - head[2])
  let reach = full
  if (hitDistance !== null) reach = Math.min(reach, hitDistance - WALL_CLEARANCE_M)
  const floor = floors.find((a) => inside(a, head[0], head[2]))
  if (floor && full > 0) reach = Math.min(reach, full * floorFraction(floor, head, desired))
  return Math.min(full, Math.max(MIN_REACH_M, reach))
}

/** The largest fraction of the head → desired step whose ground point stays `WALL_CLEARANCE_M` inside the area. */
function floorFraction(area: FloorArea, head: Point, desired: Point): number {
  const m = WALL_CLEARANCE_M
  let t = 1
  const axes: [number, number, number, number][] = [
    [head[0], desired[0] - head[0], area.min[0] + m, area.max[0] - m],
    [head[2], desired[2] - head[2], area.min[1] + m, area.max[1] - m],
  ]
  for (const [start, step, lo, hi] of axes) {
    if (step > 0 && start + step > hi) t = Math.min(t, Math.max(0, (hi - start) / step))
    if (step < 0 && start + step < lo) t = Math.min(t, Math.max(0, (lo - start) / step))
  }
  return t
}

function inside(a: FloorArea, x: number, z: number): boolean {
  return x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1]
}

/** Pulls in at once (a wall must never show from behind) and backs out slowly (about 1 m/s), so the view doesn't jump. */
export function easeReach(current: number, target: number, deltaSeconds: number): number {
  if (target <= current) return target
  return Math.min(target, current + deltaSeconds * 1)
}
