// Which parts of the memorial a visitor can possibly see: everything in the room they stand in, and from
// the other room only what the door lets through (a portal test). Walls hide the rest, so it need not
// be drawn at all; the hall's interior costs no draw calls from the plaza unless it shows in the door.
import type { MemorialHall } from '../../schema/kinds/tour'

export type Room = 'hall' | 'outside'

export interface Sphere {
  center: readonly [number, number, number]
  radius: number
}

/** Height of the hall's door opening; matches the architecture in memorial-geometry.ts. */
export function doorHeight(hall: MemorialHall): number {
  return Math.min(3.4, hall.height - 1)
}

/** Wall thickness of the hall; matches memorial-geometry.ts. */
const WALL = 0.3
/** Within this distance of the doorway everything counts as visible (walking through it, eyes apart). */
const DOORWAY_ZONE = 1
/** Slack around the door opening for the second eye and lazy updates. */
const MARGIN = 0.25

export function roomOf(hall: MemorialHall, x: number, z: number): Room {
  return x >= hall.min[0] && x <= hall.max[0] && z >= hall.min[1] && z <= hall.max[1] ? 'hall' : 'outside'
}

/**
 * Whether anything of `sphere` (standing in `room`) may be seen from `eye`: always from the same room,
 * otherwise only through the door opening in the hall's front wall (z = hall.max[1]).
 */
export function isPotentiallyVisible(
  hall: MemorialHall,
  eye: readonly [number, number, number],
  sphere: Sphere,
  room: Room,
): boolean {
  const eyeRoom = roomOf(hall, eye[0], eye[2])
  if (eyeRoom === room) return true
  const doorZ = hall.max[1] + WALL / 2
  const cx = (hall.min[0] + hall.max[0]) / 2
  const halfDoor = hall.doorWidth / 2 + MARGIN
  const x0 = cx - halfDoor
  const x1 = cx + halfDoor
  const y0 = -MARGIN
  const y1 = doorHeight(hall) + MARGIN
  const [ex, ey, ez] = eye
  // In the doorway itself both rooms are in view.
  if (Math.abs(ez - doorZ) < DOORWAY_ZONE && ex > x0 - DOORWAY_ZONE && ex < x1 + DOORWAY_ZONE) return true
  const [sx, sy, sz] = sphere.center
  const r = sphere.radius
  // Anything reaching into the doorway itself is not clipped by the door plane.
  if (Math.abs(sz - doorZ) <= r && sx + r > x0 && sx - r < x1) return true
  // Beyond the door the view widens linearly with distance: the sphere must overlap the door's
  // silhouette projected to its own depth (checked as a frustum from the eye through the opening).
  const dz = doorZ - ez
  const tz = sz - ez
  // The sphere lies behind the eye relative to the door: the wall hides it.
  if (Math.sign(tz) !== Math.sign(dz)) return false
  const e: V = [ex, ey, ez]
  const mid: V = [cx, (y0 + y1) / 2, doorZ]
  const planes = [
    // Each plane passes through the eye and one edge of the opening; normals point into the frustum.
    plane(e, [x0, y0, doorZ], [x0, y1, doorZ], mid),
    plane(e, [x1, y0, doorZ], [x1, y1, doorZ], mid),
    plane(e, [x0, y0, doorZ], [x1, y0, doorZ], mid),
    plane(e, [x0, y1, doorZ], [x1, y1, doorZ], mid),
  ]
  return planes.every(([nx, ny, nz, d]) => nx * sx + ny * sy + nz * sz + d >= -r)
}

type V = readonly [number, number, number]

/** The plane through a, b and c, oriented so that `inside` is on its positive side (unit normal). */
function plane(a: V, b: V, c: V, inside: V): [number, number, number, number] {
  const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
  const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]]
  let nx = u[1] * v[2] - u[2] * v[1]
  let ny = u[2] * v[0] - u[0] * v[2]
  let nz = u[0] * v[1] - u[1] * v[0]
  const len = Math.hypot(nx, ny, nz) || 1
  nx /= len
  ny /= len
  nz /= len
  let d = -(nx * a[0] + ny * a[1] + nz * a[2])
  if (nx * inside[0] + ny * inside[1] + nz * inside[2] + d < 0) {
    nx = -nx
    ny = -ny
    nz = -nz
    d = -d
  }
  return [nx, ny, nz, d]
}
