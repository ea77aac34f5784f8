// The rules of moving by pointing at the floor, as pure functions: which pointer presses are drags
// (they turn the view, they do not move you), where on the floor a press lands, and which landings
// are allowed (on a floor area, not through a wall). FloorPointer wires them to pointer events.
import type { FloorArea, Vec3 } from '../../schema/common'
import { floorHeightAt } from './player'

/** A screen press that moved more than this many CSS pixels is a drag (look around), not a move. */
export const DRAG_THRESHOLD_PX = 6

/**
 * Screen pointers (mouse, touch, pen) from the page, as @react-three/xr forwards them ("forward-mouse",
 * or "screen-touch" from forwardHtmlEvents); XR pointers (rays, pinch, transient) have no screen position.
 */
export function isScreenPointer(pointerType: string): boolean {
  return /^(screen|forward)-(mouse|touch|pen)$/.test(pointerType)
}

export interface ScreenPoint {
  x: number
  y: number
}

/** True when the press moved far enough between down and up to count as a drag. */
export function isDrag(down: ScreenPoint | undefined, up: ScreenPoint | undefined): boolean {
  if (!down || !up) return false
  return Math.hypot(up.x - down.x, up.y - down.y) > DRAG_THRESHOLD_PX
}

/**
 * Where the visitor would stand after pointing at (x, z): on the floor area's height, or null off
 * every area (the scene's bounds: walls and fences are the edges of its floor areas).
 */
export function floorLanding(floors: readonly FloorArea[], x: number, z: number): Vec3 | null {
  const y = floorHeightAt(floors, x, z)
  return y === undefined ? null : [x, y, z]
}

/** What the pointer's line crosses on its way to the floor point. */
export interface Occlusion {
  /** Distance from the pointer's origin to the floor point. */
  floorDistance: number
  /** The solid surfaces crossed: distance from the pointer's origin, and height above the floor point. */
  hits: ReadonlyArray<{ distance: number; height: number }>
}

/** Surfaces closer than this to the pointer's origin are the controller or hand itself. */
export const NEAR_IGNORE_M = 0.3
/**
 * Surfaces lower than this above the floor are the floor's own paving, carpets and low steps (drawn a
 * few centimetres above the walkable plane), not walls: a shallow ray crosses them well before the point.
 */
export const FLOOR_CLEARANCE_M = 0.15

/** True when a solid surface stands between the pointer and the floor point (pointing through a wall). */
export function isOccluded({ floorDistance, hits }: Occlusion): boolean {
  return hits.some(
    (h) => h.distance > NEAR_IGNORE_M && h.distance < floorDistance && h.height > FLOOR_CLEARANCE_M,
  )
}
