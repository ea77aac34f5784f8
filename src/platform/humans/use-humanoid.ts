// A digital human for a view: this figure's own copy of a humanoid glTF (skinned meshes need
// SkeletonUtils.clone, not Object3D.clone, or every copy would share one skeleton) and its animator.
// The view calls animator.update at its frame stage; the animator and the copy's skeleton (its bone
// texture) are disposed with the view.
import { useEffect, useMemo } from 'react'
import type { AnimationClip, Object3D, Skeleton, SkinnedMesh } from 'three'
import { Sphere, Vector3 } from 'three'
import { cloneModel, disposeModelClone, useSceneModel } from '../models'
import { HumanoidAnimator } from './humanoid-animator'
import { isFarDetail } from './humanoid-contract'
import { updateOnlyWhenPosed } from './pose-updates'

/**
 * Bounds (mesh space) that hold every pose the clips reach, arms raised and stepping included:
 * three would otherwise size them from the first pose it drew and cull a raised hand.
 */
const POSE_BOUNDS = new Sphere(new Vector3(0, 0.95, 0.1), 1.15)

function sameBones(a: Skeleton, b: Skeleton): boolean {
  return a.bones.length === b.bones.length && a.bones.every((bone, i) => bone === b.bones[i])
}

/** A figure's own copy of a loaded humanoid, with its animator: what useHumanoid gives a view. */
export interface Humanoid {
  object: Object3D
  animator: HumanoidAnimator
}

/** This figure's copy of `gltf` (its own bones) and its animator; `dispose` it with the view. */
export function createHumanoid(
  gltf: { scene: Object3D; animations: AnimationClip[] },
  seed: number,
): Humanoid {
  const object = cloneModel(gltf.scene)
  // A figure is never a pointer target: the pointer library's walk of the scene, every frame, skips its
  // bones and meshes (in the hall, ten clerks' worth).
  object.intersectChildren = false
  let shared: Skeleton | null = null
  object.traverse((o) => {
    const mesh = o as SkinnedMesh
    if (!mesh.isSkinnedMesh) return
    // The far-detail copy of the body is for a crowd to swap in (crowd-mesh.ts), never drawn beside it.
    if (isFarDetail(mesh.geometry.userData)) mesh.visible = false
    mesh.boundingSphere = POSE_BOUNDS.clone()
    // The file's primitives (cloth, eyes) share one skin; the clone gave each its own skeleton, which
    // would upload the same bone matrices twice a frame.
    if (!shared) shared = mesh.skeleton
    else if (sameBones(shared, mesh.skeleton)) mesh.bind(shared, mesh.bindMatrix)
  })
  const animator = new HumanoidAnimator(object, gltf.animations, seed)
  updateOnlyWhenPosed(object, animator)
  return { object, animator }
}

export function disposeHumanoid({ object, animator }: Humanoid): void {
  animator.dispose()
  disposeModelClone(object)
}

export function useHumanoid(src: string, seed = 1): Humanoid {
  const gltf = useSceneModel(src)
  const humanoid = useMemo(() => createHumanoid(gltf, seed), [gltf, seed])
  useEffect(() => () => disposeHumanoid(humanoid), [humanoid])
  return humanoid
}
