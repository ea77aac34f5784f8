// A placement's own copy of a cached glTF, and what that copy owns. Geometry, materials and
// textures stay the file's (drei caches the file by URL for the page's life, a bounded cache); a
// skinned mesh's clone gets its own Skeleton, whose bone texture the GPU keeps until disposed, so
// a scene that placed ten figures left ten textures behind each time it closed.
import type { Object3D, Skeleton, SkinnedMesh } from 'three'
import { clone } from 'three/examples/jsm/utils/SkeletonUtils.js'

/** A copy of `source` with its own object tree and skeletons (SkeletonUtils.clone). */
export function cloneModel(source: Object3D): Object3D {
  return clone(source)
}

/**
 * Frees what a clone owns and the source does not: its skeletons' bone textures. Safe to call on a
 * clone that is drawn again (three makes the bone texture anew), as React's strict remount does.
 */
export function disposeModelClone(copy: Object3D): void {
  const skeletons = new Set<Skeleton>()
  copy.traverse((object) => {
    const mesh = object as SkinnedMesh
    if (mesh.isSkinnedMesh) skeletons.add(mesh.skeleton)
  })
  for (const skeleton of skeletons) skeleton.dispose()
}
