// What the UI batches (text-batch.ts, key-batch.ts) share: when a member counts as shown, and when it
// counts as moved.
import { Matrix4, type Object3D } from 'three'

/** Written for a hidden member: its vertices collapse to one point, so nothing of it is drawn. */
export const HIDDEN = new Matrix4().set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

/**
 * A member that moved less than this in its batch's frame keeps what was packed: a panel that follows the
 * head moves its members with it, and only rounding changes their matrices relative to the batch.
 */
const EPSILON = 1e-6

export function nearlyEqual(a: Matrix4, b: Matrix4): boolean {
  for (let i = 0; i < 16; i++) if (Math.abs(a.elements[i]! - b.elements[i]!) > EPSILON) return false
  return true
}

/**
 * Writes `member`'s matrix in `root`'s frame into `target` and returns whether it is shown: it and every
 * ancestor below `root` visible (`ownVisibility: false` skips the member's own flag, for a hidden stand-in),
 * and `root` still its ancestor. Built from local matrices brought up to date here, not from world matrices:
 * a member mounted after its batch gets this frame's world matrix only after the batch has read it, and on a
 * panel that follows the head it would lag a frame behind the panel.
 */
export function placeUnder(
  member: Object3D,
  root: Object3D | null,
  target: Matrix4,
  ownVisibility = true,
): boolean {
  target.identity()
  let o: Object3D | null = member
  for (; o && o !== root; o = o.parent) {
    if (!o.visible && (ownVisibility || o !== member)) return false
    if (o.matrixAutoUpdate) o.updateMatrix()
    target.premultiply(o.matrix)
  }
  return o === root && root !== null
}

/**
 * Whether `member` is shown under `root`: it and every ancestor below `root` visible, and `root` still its
 * ancestor. What placeUnder decides, for a batch that reads world matrices instead.
 */
export function shownUnder(member: Object3D, root: Object3D | null): boolean {
  let o: Object3D | null = member
  for (; o && o !== root; o = o.parent) if (!o.visible) return false
  return o === root && root !== null
}
