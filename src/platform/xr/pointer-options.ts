import { Object3D } from 'three'

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
