// Which parts of the memorial a visitor can possibly see: everything in the room they stand in, and from
// the other room only what the door lets through (a portal test). Walls hide the rest, so it need not
// be drawn at all; the hall's interior costs no draw calls from the plaza unless it shows in the door.
import type { MemorialHall } from '../../../schema/kinds/tour'

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

/** What can be seen from one eye position: computed once per frame, then asked about every part. */
export interface ViewFromEye {
  eyeRoom: Room
  /** Standing in the doorway: both rooms are in view. */
  inDoorway: boolean
  /** Planes through the eye and the door's edges (normals into the view); null in the doorway. */
  planes: readonly Plane[] | null
  doorZ: number
  doorX: readonly [number, number]
}

type Plane = readonly [number, number, number, number]

export function viewFrom(hall: MemorialHall, eye: readonly [number, number, number]): ViewFromEye {
  const doorZ = hall.max[1] + WALL / 2
  const cx = (hall.min[0] + hall.max[0]) / 2
  const halfDoor = hall.doorWidth / 2 + MARGIN
  const x0 = cx - halfDoor
  const x1 = cx + halfDoor
  const y0 = -MARGIN
  const y1 = doorHeight(hall) + MARGIN
  const [ex, ey, ez] = eye
  const inDoorway = Math.abs(ez - doorZ) < DOORWAY_ZONE && ex > x0 - DOORWAY_ZONE && ex < x1 + DOORWAY_ZONE
  const e: V = [ex, ey, ez]
  const mid: V = [cx, (y0 + y1) / 2, doorZ]
  return {
    eyeRoom: roomOf(hall, ex, ez),
    inDoorway,
    doorZ,
    doorX: [x0, x1],
    // Each plane passes through the eye and one edge of the opening.
    planes: inDoorway
      ? null
      : [
          plane(e, [x0, y0, doorZ], [x0, y1, doorZ], mid),
          plane(e, [x1, y0, doorZ], [x1, y1, doorZ], mid),
          plane(e, [x0, y0, doorZ], [x1, y0, doorZ], mid),
          plane(e, [x0, y1, doorZ], [x1, y1, doorZ], mid),
        ],
  }
}

/**
 * Whether anything of `sphere` (standing in `room`) may be seen: always from the same room, otherwise
 * only through the door opening in the hall's front wall (z = hall.max[1]).
 */
export function canSee(
  view: ViewFromEye,
  eye: readonly [number, number, number],
  sphere: Sphere,
  room: Room,
): boolean {
  if (view.eyeRoom === room || view.inDoorway || !view.planes) return true
  const [sx, sy, sz] = sphere.center
  const r = sphere.radius
  const [x0, x1] = view.doorX
  // Anything reaching into the doorway itself is not clipped by the door plane.
  if (Math.abs(sz - view.doorZ) <= r && sx + r > x0 && sx - r < x1) return true
  // The sphere lies behind the eye relative to the door: the wall hides it.
  if (Math.sign(sz - eye[2]) !== Math.sign(view.doorZ - eye[2])) return false
  // Beyond the door the view widens with distance: the sphere must reach into the frustum from the
  // eye through the opening.
  return view.planes.every(([nx, ny, nz, d]) => nx * sx + ny * sy + nz * sz + d >= -r)
}

/** One-off form of viewFrom + canSee (tests, single questions). */
export function isPotentiallyVisible(
  hall: MemorialHall,
  eye: readonly [number, number, number],
  sphere: Sphere,
  room: Room,
): boolean {
  return canSee(viewFrom(hall, eye), eye, sphere, room)
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
