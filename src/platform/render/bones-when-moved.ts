// A skinned figure's bones are sent to the GPU only when they moved. three recomputes every visible
// skeleton's bone matrices each frame and marks its bone texture for upload, moved or not. The hall's
// clerks and a class's figures animate only when seen, and far ones every third frame (crowd-ticker.ts),
// yet each uploaded its texture every frame: 12 texture uploads per XR frame in the hall, 8–10 % of its
// frame CPU in a profile (each a texSubImage2D and texture parameter calls); 3.3 a frame after.
import { Matrix4, type Object3D, Skeleton, type SkinnedMesh } from 'three'

const offset = new Matrix4()
const identity = new Matrix4()

/**
 * Writes the bone matrices of bones `from` to `to` (exclusive) of `skeleton` that changed, and returns whether
 * any did. Values are compared as the float32 the texture holds.
 */
export function changedBones(skeleton: Skeleton, from: number, to: number): boolean {
  const { bones, boneInverses, boneMatrices } = skeleton
  if (!boneMatrices) return false
  let changed = false
  for (let i = from; i < to; i++) {
    offset.multiplyMatrices(bones[i] ? bones[i].matrixWorld : identity, boneInverses[i])
    if (storeBoneMatrix(boneMatrices, i, offset)) changed = true
  }
  return changed
}

/**
 * Writes `matrix` as bone `index` of `boneMatrices` where it differs from what is stored, compared as the
 * float32 the texture holds, and returns whether it did.
 */
export function storeBoneMatrix(boneMatrices: Float32Array, index: number, matrix: Matrix4): boolean {
  const e = matrix.elements
  const at = index * 16
  let changed = false
  for (let j = 0; j < 16; j++) {
    const value = Math.fround(e[j])
    if (boneMatrices[at + j] === value) continue
    boneMatrices[at + j] = value
    changed = true
  }
  return changed
}

/** Three's `Skeleton.update`, writing only the bone matrices that changed and uploading only if one did. */
function updateChangedBones(this: Skeleton): void {
  if (changedBones(this, 0, this.bones.length) && this.boneTexture !== null)
    this.boneTexture.needsUpdate = true
}

let installed = false

/** Makes every skeleton upload its bones only when they moved. */
export function uploadBonesOnlyWhenMoved(): void {
  if (installed) return
  installed = true
  Skeleton.prototype.update = updateChangedBones
}

/** Figures drawn by another mesh (a crowd, src/platform/humans/crowd-mesh.ts), which counts their uploads. */
const countedElsewhere = new WeakMap<Object3D, () => number>()

/** Makes `boneUploads(root)` read `count`: for a figure whose pose another mesh uploads. */
export function countBoneUploadsWith(root: Object3D, count: () => number): void {
  countedElsewhere.set(root, count)
}

/**
 * How many times the pose of the figure at `root` has been marked for upload because it moved: its first
 * skinned mesh's bone texture version (0 before its first frame), or what the mesh drawing it counts.
 * What a test reads to see a figure's pose reach the GPU.
 */
export function boneUploads(root: Object3D): number {
  const elsewhere = countedElsewhere.get(root)
  if (elsewhere) return elsewhere()
  const mesh = root.getObjectByProperty('isSkinnedMesh', true) as SkinnedMesh | undefined
  return mesh?.skeleton.boneTexture?.version ?? 0
}
