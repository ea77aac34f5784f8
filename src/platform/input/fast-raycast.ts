// Pointer rays tested against a bounding volume hierarchy (three-mesh-bvh) instead of every triangle.
// Every controller and hand ray is tested against every interactive mesh, every XR frame: a rounded UI
// key has 2,148 vertices and a park building up to 2,700, and three tests each of their triangles once a
// ray passes a mesh's bounding sphere, which is whenever a visitor points at a panel or the tabletop
// model. A mesh's hierarchy is built the first time a ray reaches its bounding sphere.
import {
  type BufferGeometry,
  InterleavedBufferAttribute,
  type Intersection,
  Mesh,
  type Raycaster,
  Sphere,
} from 'three'
import { acceleratedRaycast, MeshBVH, type MeshBVHOptions } from 'three-mesh-bvh'

/** Below this many vertices three's own test is as fast as walking a hierarchy. */
export const BVH_MIN_VERTICES = 64

/** The position attribute's version each tree was built from: a geometry moved since is built again. */
const builtFrom = new WeakMap<MeshBVH, number>()
const sphere = new Sphere()

/** Whether a ray test on this mesh is worth a hierarchy: large enough and not morphed. */
export function wantsTree(mesh: Mesh): boolean {
  return worthATree(mesh.geometry, mesh.geometry.attributes.position)
}

type Position = BufferGeometry['attributes'][string] | undefined

function worthATree(g: BufferGeometry, position: Position): position is NonNullable<Position> {
  return position !== undefined && position.count >= BVH_MIN_VERTICES && !g.morphAttributes.position?.length
}

/** The geometry's hierarchy (its `boundsTree`), built now if there is none or its positions changed since. */
export function treeFor(
  geometry: BufferGeometry,
  position: NonNullable<Position> = geometry.attributes.position,
): MeshBVH {
  const version = position instanceof InterleavedBufferAttribute ? position.data.version : position.version
  const known = geometry.boundsTree
  if (known && builtFrom.get(known) === version) return known
  // Indirect: the tree keeps its own triangle order, so the geometry being drawn is left exactly as it is
  // (otherwise its index is reordered, or one is added). The library allows it only over one range, so a
  // geometry split into material groups is built the direct way.
  const bvh = new MeshBVH(geometry, { indirect: geometry.groups.length === 0 } as MeshBVHOptions)
  builtFrom.set(bvh, version)
  geometry.boundsTree = bvh
  return bvh
}

const threeRaycast = Mesh.prototype.raycast

function raycast(this: Mesh, raycaster: Raycaster, hits: Intersection[]): void {
  const g = this.geometry
  const position = g.attributes.position
  if (!worthATree(g, position)) {
    threeRaycast.call(this, raycaster, hits)
    return
  }
  if (g.boundingSphere === null) g.computeBoundingSphere()
  // The same early out three makes, before any tree is built or walked.
  sphere.copy(g.boundingSphere as Sphere).applyMatrix4(this.matrixWorld)
  if (!raycaster.ray.intersectsSphere(sphere)) return
  treeFor(g, position)
  acceleratedRaycast.call(this, raycaster, hits)
}

let installed = false

/** Makes every Mesh's ray test use a hierarchy where it pays; skinned and instanced meshes keep theirs. */
export function installFastRaycast(): void {
  if (installed) return
  installed = true
  Mesh.prototype.raycast = raycast
}
