// What in the scene stops a line of sight: walls, counters, display cases. The floor pointer refuses a floor
// point behind one; the big screen's orbit camera stays in front of one. Both skip the visitor's own rig,
// see-through effects and the floor surfaces themselves.
import { type Material, type Mesh, type Object3D, Raycaster, type SkinnedMesh, Vector3 } from 'three'

const SKIPPED_NAMES = new Set(['sky', 'ground', 'floor-pointer', 'floor-hover-marker', 'xr-origin'])

export interface SolidOptions {
  /**
   * Also skip the UI (panels and their text, tagged `userData.layout`) and people (skinned meshes): a camera
   * that backs off from the visitor should not stop at a panel floating beside them or a clerk walking by.
   * Default false.
   */
  structureOnly?: boolean
}

/** The visible solid meshes under `object`, for a raycast. */
export function collectSolids(object: Object3D, out: Object3D[], options: SolidOptions = {}): Object3D[] {
  if (!object.visible || SKIPPED_NAMES.has(object.name)) return out
  if ((object as { pointerEvents?: string }).pointerEvents === 'none') return out
  if (options.structureOnly && (object.userData.layout || (object as SkinnedMesh).isSkinnedMesh)) return out
  const mesh = object as Mesh
  if (mesh.isMesh && isSolid(mesh.material) && !(options.structureOnly && isText(object))) out.push(mesh)
  for (const child of object.children) collectSolids(child, out, options)
  return out
}

function isSolid(material: Material | Material[]): boolean {
  const m = Array.isArray(material) ? material[0] : material
  // Light cones, glows and glass let the eye (and so the pointer) through.
  return m?.visible === true && !(m.transparent && (m.opacity < 0.6 || !m.depthWrite))
}

/** troika text meshes (labels on signs and scenery) carry their string. */
function isText(object: Object3D): boolean {
  return typeof (object as { text?: unknown }).text === 'string'
}

const raycaster = new Raycaster()
const direction = new Vector3()

/** How far along the line from `from` to `to` the first solid stands (beyond `near`), or null when none does. */
export function solidHitDistance(
  root: Object3D,
  from: Vector3,
  to: Vector3,
  near: number,
  options: SolidOptions = {},
): number | null {
  const far = from.distanceTo(to)
  if (far <= near) return null
  raycaster.set(from, direction.subVectors(to, from).normalize())
  raycaster.near = near
  raycaster.far = far
  const hit = raycaster.intersectObjects(collectSolids(root, [], options), false)[0]
  return hit ? hit.distance : null
}
