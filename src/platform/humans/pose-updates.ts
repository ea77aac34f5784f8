// A figure's world matrices, recomputed only when its animator posed it or it moved (see below).
import { type Bone, Matrix4, type Object3D } from 'three'
import type { HumanoidAnimator } from './humanoid-animator'

/**
 * three recomputes every object's world matrix every frame, and a figure is mostly bones (about twenty).
 * They move only when the animator runs, which for a crowd's far or unseen figure is one frame in three or
 * none (CrowdTicker). So the figure updates its subtree only when it was posed since or its own place in
 * the world changed, and its bones, which draw nothing, are left out of the renderer's walk for drawables.
 */
export function updateOnlyWhenPosed(object: Object3D, animator: HumanoidAnimator): void {
  const version = { value: 0 }
  poseVersions.set(object, version)
  object.traverse((o) => {
    const bone = o as Bone
    if (bone.isBone && !(bone.parent as Bone | null)?.isBone && !drawsSomething(bone)) bone.visible = false
  })
  const world = new Matrix4()
  object.updateMatrixWorld = function () {
    if (this.matrixAutoUpdate) this.updateMatrix()
    if (this.parent) world.multiplyMatrices(this.parent.matrixWorld, this.matrix)
    else world.copy(this.matrix)
    this.matrixWorldNeedsUpdate = false
    if (!animator.posed && world.equals(this.matrixWorld)) return
    animator.posed = false
    version.value++
    // What three's own update does from here, without composing and multiplying this object's matrix again.
    this.matrixWorld.copy(world)
    for (const child of this.children) child.updateMatrixWorld(true)
  }
}

const poseVersions = new WeakMap<Object3D, { value: number }>()

/**
 * How many times the figure at `object` has recomputed its bones' world matrices (updateOnlyWhenPosed): while
 * it stays the same, none of its bones moved. Undefined for an object that is not such a figure.
 */
export function poseVersion(object: Object3D): number | undefined {
  return poseVersions.get(object)?.value
}

function drawsSomething(root: Object3D): boolean {
  let found = false
  root.traverse((o) => {
    const d = o as Object3D & { isMesh?: boolean; isLine?: boolean; isPoints?: boolean; isSprite?: boolean }
    if (d.isMesh || d.isLine || d.isPoints || d.isSprite) found = true
  })
  return found
}
