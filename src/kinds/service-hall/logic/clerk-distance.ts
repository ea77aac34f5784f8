// How far the visitor's head is from a clerk, in the hall's own metres: what decides whether the clerk looks
// at them, animates every frame and is drawn at full detail. The head is tracked in the world, the clerks
// stand in the hall's space: the same in VR, but on AR's 1:50 table model a visitor a metre from the table
// stands fifty hall metres from every clerk.
import { type Matrix4, Vector3 } from 'three'
import type { Point3 } from './hall-placement'

const head = new Vector3()
const clerk = new Vector3()

/**
 * Squared distance from `headWorld` (world space) to a clerk's head at `clerkAt` (x and z in the hall's space,
 * at `headY`), measured in the hall's space through the inverse of `hallInverse`'s world matrix.
 */
export function clerkDistanceSq(
  clerkAt: Point3,
  headY: number,
  headWorld: Vector3,
  hallInverse: Matrix4,
): number {
  head.copy(headWorld).applyMatrix4(hallInverse)
  return clerk.set(clerkAt[0], headY, clerkAt[2]).distanceToSquared(head)
}
