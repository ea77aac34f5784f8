// Glass drawn in one pass. three draws a transparent double-sided material twice per eye, back faces then
// front faces, and marks the material changed before each pass, so each draw also rebuilds the material's
// program parameters and cache key. The display cases' and service windows' panes are thin and nearly
// clear: their two faces blended in either order look the same, and one pass halves their draws and ends
// the per-frame program lookups (4 a frame on the hall's windows alone in XR).
import { DoubleSide, type Material, type Mesh, type Object3D } from 'three'

/** Sets every transparent double-sided material under `root` to draw both faces in one pass. */
export function drawGlassInOnePass(root: Object3D): void {
  root.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    const materials: Material[] = Array.isArray(mesh.material) ? mesh.material : [mesh.material]
    for (const material of materials)
      if (material.transparent && material.side === DoubleSide) material.forceSinglePass = true
  })
}
