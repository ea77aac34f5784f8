import { type InstancedMesh, type Mesh, Object3D, Sphere, Vector3 } from 'three'

/**
 * How long a press may last and still count as a click. The library default (300 ms) drops the
 * slow, deliberate trigger pulls and pinches of first-time headset visitors.
 */
export const CLICK_THRESHOLD_MS = 2500

const hasNoShape = Object3D.prototype.raycast

/**
 * Whether a pointer can meet this object at all: a plain group or node has no shape (three's raycast does
 * nothing for it), yet the grab and touch spheres bring its world matrix and every ancestor's up to date
 * before finding that out, every frame, for each group inside an interactive object. The pointer library
 * still walks into its children.
 */
export function canBeHit(object: Object3D): boolean {
  return object.raycast !== hasNoShape || 'spherecast' in object
}

/** Every XR pointer's options: controller rays and grab, hands, transient pointers, gaze, screen. */
export const pointerOptions = { clickThresholdMs: CLICK_THRESHOLD_MS, filter: canBeHit }

/**
 * How far (m) a grab or touch sphere may be from an object's bounds and still be tested against it. The
 * spheres are a few centimetres across, and a hand moves a few centimetres between frames.
 */
export const NEAR_FIELD_REACH_M = 0.3

/** Where the grab and touch spheres are: each controller's grip and each hand's index fingertip. */
const nearFieldOrigins = new Set<Object3D>()

/**
 * Registers an object that follows a hand's or controller's grab and touch spheres; returns the unregister
 * function for an effect's cleanup.
 */
export function registerNearFieldOrigin(origin: Object3D): () => void {
  nearFieldOrigins.add(origin)
  return () => {
    nearFieldOrigins.delete(origin)
  }
}

const bounds = new Sphere()
const origin = new Vector3()

/** An object's bounding sphere in its own frame (all instances of an instanced mesh), computed once. */
function ownBounds(object: Object3D): Sphere | null {
  const instanced = object as InstancedMesh
  if (instanced.isInstancedMesh) {
    if (!instanced.boundingSphere) instanced.computeBoundingSphere()
    return instanced.boundingSphere
  }
  const geometry = (object as Mesh).geometry
  if (!geometry) return null
  if (!geometry.boundingSphere) geometry.computeBoundingSphere()
  return geometry.boundingSphere
}

/**
 * Whether an object is within reach of a grab or touch sphere: its bounds, where the last frame drew them,
 * within NEAR_FIELD_REACH_M of a near-field origin where the last frame put it. Without it, the library
 * brings every interactive mesh's world matrix and all its ancestors' up to date for each sphere, each
 * frame, to find the far wall out of reach: a fifth of the pointer update in a profile of the hall. True while no
 * origin is registered, and for what has no bounds of its own (a custom spherecast): the library decides.
 */
export function withinReach(object: Object3D): boolean {
  if (nearFieldOrigins.size === 0) return true
  const own = ownBounds(object)
  if (!own) return true
  bounds.copy(own).applyMatrix4(object.matrixWorld)
  for (const near of nearFieldOrigins) {
    origin.setFromMatrixPosition(near.matrixWorld)
    if (origin.distanceTo(bounds.center) <= bounds.radius + NEAR_FIELD_REACH_M) return true
  }
  return false
}

/** The grab and touch spheres' options: as every pointer's, and only for objects within reach. */
export const nearFieldPointerOptions = {
  ...pointerOptions,
  filter: (object: Object3D) => canBeHit(object) && withinReach(object),
}
