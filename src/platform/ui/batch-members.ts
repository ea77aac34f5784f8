// What the UI batches (text-batch.ts, key-batch.ts) and layers (flat-layer.ts) share: when an object counts as
// shown, and when a member counts as moved.
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

/** Whether `o` and every ancestor are visible: what the renderer would draw of it. */
export function shownInScene(o: Object3D): boolean {
  for (let x: Object3D | null = o; x; x = x.parent) if (!x.visible) return false
  return true
}

/**
 * Whether `member` is shown under `root`: it and every ancestor below `root` visible (`ownVisibility: false`
 * skips the member's own flag, for a hidden stand-in such as a button's key mesh), and `root` still its
 * ancestor. The batches place members when the renderer culls them, after it has updated every world
 * matrix in the scene, so a member's place in the batch is `batch.matrixWorld⁻¹ × member.matrixWorld`.
 */
export function shownUnder(member: Object3D, root: Object3D | null, ownVisibility = true): boolean {
  let o: Object3D | null = member
  for (; o && o !== root; o = o.parent) if (!o.visible && (ownVisibility || o !== member)) return false
  return o === root && root !== null
}
