// Where the AR presentation sits in the visitor's room: not placed yet (a reticle follows the
// pointer's hit on real surfaces), or placed on a surface (by hit-test) or in front of the visitor
// (no hit-test), then moved, turned and resized. Plain state and pure rules, testable without XR.
import { create } from 'zustand'

/** How it was placed: by hit-test, in front (no hit-test), or kept from before a visit to VR. */
export type ARPlacementSource = 'hit-test' | 'in-front' | 'kept'

export interface ARPose {
  /** World position of the model's base (its ground plane), metres. */
  position: [number, number, number]
  /** Turn about the vertical axis, radians. */
  yaw: number
  /** The visitor's size factor on top of the kind's own scale (1 = as the kind asks). */
  zoom: number
}

export interface ARPlacementState {
  phase: 'placing' | 'placed'
  pose: ARPose
  source: ARPlacementSource | null
  /** Whether the browser holds an anchor for the pose (it then keeps the model put as tracking improves). */
  anchored: boolean
  /** The turn it was placed with (facing the visitor), which a reset goes back to. */
  placedYaw: number
}

/** The model's extent in its own units (x and z of its ground plane), from which the table footprint follows. */
export interface ARFootprint {
  min: [number, number]
  max: [number, number]
}

/** A kind's footprint from its walkable floor areas (a 100 m square where a scene has none). */
export function footprintOfFloors(floors: readonly ARFootprint[]): ARFootprint {
  if (floors.length === 0) return { min: [-50, -50], max: [50, 50] }
  return {
    min: [Math.min(...floors.map((f) => f.min[0])), Math.min(...floors.map((f) => f.min[1]))],
    max: [Math.max(...floors.map((f) => f.max[0])), Math.max(...floors.map((f) => f.max[1]))],
  }
}

/** How far in front of the visitor the model goes without hit-test, and at what height (a table's). */
export const IN_FRONT_DISTANCE = 0.8
export const TABLE_HEIGHT = 0.75
export const ZOOM_STEP = 1.25
/** The visitor's size factor stays within half and three times the kind's own scale. */
export const ZOOM_RANGE: readonly [number, number] = [0.5, 3]
export const TURN_STEP = Math.PI / 8

const initial = (): ARPlacementState => ({
  phase: 'placing',
  pose: { position: [0, 0, 0], yaw: 0, zoom: 1 },
  source: null,
  anchored: false,
  placedYaw: 0,
})

export const useARPlacement = create<ARPlacementState>(initial)

/**
 * A pose 0.8 m in front of the visitor at table height, turned to face them. `floorY` is the world
 * height of the visitor's floor (the XR origin's), `head` the head's world position and `headYaw` its
 * heading (radians, 0 = looking down -Z).
 */
export function inFrontPose(head: [number, number, number], headYaw: number, floorY: number): ARPose {
  return {
    position: [
      head[0] - Math.sin(headYaw) * IN_FRONT_DISTANCE,
      floorY + TABLE_HEIGHT,
      head[2] - Math.cos(headYaw) * IN_FRONT_DISTANCE,
    ],
    yaw: headYaw,
    zoom: 1,
  }
}

/** The heading that turns the model's front (+Z) towards a viewer at `viewer`. */
export function yawFacing(from: [number, number, number], viewer: [number, number, number]): number {
  return Math.atan2(viewer[0] - from[0], viewer[2] - from[2])
}

export function placeAt(position: [number, number, number], yaw: number, source: ARPlacementSource): void {
  useARPlacement.setState({
    phase: 'placed',
    pose: { position, yaw, zoom: 1 },
    source,
    anchored: false,
    placedYaw: yaw,
  })
}

/** Slides the placed model over its surface (height kept: it stays on the table). */
export function moveBy(dx: number, dz: number): void {
  const { pose } = useARPlacement.getState()
  const [x, y, z] = pose.position
  useARPlacement.setState({ pose: { ...pose, position: [x + dx, y, z + dz] }, anchored: false })
}

export function turnBy(radians: number): void {
  const { pose } = useARPlacement.getState()
  useARPlacement.setState({ pose: { ...pose, yaw: pose.yaw + radians }, anchored: false })
}

export function zoomBy(factor: number): void {
  const { pose } = useARPlacement.getState()
  const zoom = Math.min(ZOOM_RANGE[1], Math.max(ZOOM_RANGE[0], pose.zoom * factor))
  useARPlacement.setState({ pose: { ...pose, zoom } })
}

/** Sets the turn and size outright (two hands holding the base); the size is kept within ZOOM_RANGE. */
export function setTurnAndZoom(yaw: number, zoom: number): void {
  const { pose } = useARPlacement.getState()
  const z = Math.min(ZOOM_RANGE[1], Math.max(ZOOM_RANGE[0], zoom))
  useARPlacement.setState({ pose: { ...pose, yaw, zoom: z }, anchored: false })
}

/** Back to the kind's own size and the turn it was placed with; it stays where it is. */
export function resetTurnAndZoom(): void {
  const { pose, placedYaw } = useARPlacement.getState()
  useARPlacement.setState({ pose: { ...pose, yaw: placedYaw, zoom: 1 }, anchored: false })
}

export function setAnchored(anchored: boolean): void {
  useARPlacement.setState({ anchored })
}

// A pose kept while the visitor is away in VR, in room space (the XR origin's), put back when they return.
// Anchors die with their session, so the new one re-anchors it; a headset whose floor origin moved between
// sessions shows it off the table, where "Place again" puts it right.
let kept: { pose: ARPose; placedYaw: number } | null = null

/** Keeps the placed pose for the way back from VR (nothing while still placing). */
export function keepPlacement(): void {
  const s = useARPlacement.getState()
  kept = s.phase === 'placed' ? { pose: s.pose, placedYaw: s.placedYaw } : null
}

/** Puts the kept pose back (once); false when there is none. */
export function restoreKeptPlacement(): boolean {
  const k = kept
  kept = null
  if (!k) return false
  useARPlacement.setState({
    phase: 'placed',
    pose: k.pose,
    source: 'kept',
    anchored: false,
    placedYaw: k.placedYaw,
  })
  return true
}

export function forgetKeptPlacement(): void {
  kept = null
}

/** Back to the reticle: the visitor places the model again. */
export function resetPlacement(): void {
  useARPlacement.setState(initial())
}
