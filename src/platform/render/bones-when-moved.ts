// A skinned figure's bones are sent to the GPU only when they moved. three recomputes every visible
// skeleton's bone matrices each frame and marks its bone texture for upload, moved or not. The hall's
// clerks and a class's figures animate only when seen, and far ones every third frame (crowd-ticker.ts),
// yet each uploaded its texture every frame: 12 texture uploads per XR frame in the hall, 8–10 % of its
// frame CPU in a profile (each a texSubImage2D and texture parameter calls); 3.3 a frame after.
import { Matrix4, type Object3D, Skeleton, type SkinnedMesh } from 'three'

const offset = new Matrix4()
const identity = new Matrix4()

/**
 * Three's `Skeleton.update`, writing only the bone matrices that changed and marking the texture for
 * upload only if one did. Values are compared as the float32 the texture holds.
 */
function updateChangedBones(this: Skeleton): void {
  const { bones, boneInverses, boneMatrices, boneTexture } = this
  if (!boneMatrices) return
  let changed = false
  for (let i = 0, n = bones.length; i < n; i++) {
    offset.multiplyMatrices(bones[i] ? bones[i].matrixWorld : identity, boneInverses[i])
    const e = offset.elements
    const at = i * 16
    for (let j = 0; j < 16; j++) {
      const value = Math.fround(e[j])
      if (boneMatrices[at + j] !== value) {
        boneMatrices[at + j] = value
        changed = true
      }
    }
  }
  if (changed && boneTexture !== null) boneTexture.needsUpdate = true
}

let installed = false

/** Makes every skeleton upload its bones only when they moved. */
export function uploadBonesOnlyWhenMoved(): void {
  if (installed) return
  installed = true
  Skeleton.prototype.update = updateChangedBones
}

/**
 * How many times the first skinned mesh under `root` has had its bones marked for upload (its bone
 * texture's version; 0 before its first frame): what a test reads to see a figure's pose reach the GPU.
 */
export function boneUploads(root: Object3D): number {
  const mesh = root.getObjectByProperty('isSkinnedMesh', true) as SkinnedMesh | undefined
  return mesh?.skeleton.boneTexture?.version ?? 0
}
