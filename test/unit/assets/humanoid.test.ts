// The generated digital human, as written by the asset build and read back by glTF-Transform and by
// three's GLTFLoader (as the app loads it): a skin over the contract's bones with smooth weights that
// sum to 1, the clips by name with sensible lengths, baked light in its colours, within its budget.
import type { Document } from '@gltf-transform/core'
import { type AnimationClip, type Object3D, type SkinnedMesh, Vector3 } from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { MODEL_SOURCES } from '../../../scripts/assets/build-models'
import { HUMANOID_OUTFITS, HumanoidModel } from '../../../scripts/models/humanoid'
import { encodeModel, inspectModel } from '../../../scripts/models/model-builder'
import { HumanoidAnimator } from '../../../src/platform/humans/humanoid-animator'
import {
  FAR_DETAIL_EXTRAS,
  HUMANOID_BONES,
  HUMANOID_CLIPS,
  isFarDetail,
  RUNTIME_BONES,
  WALK_CYCLE,
} from '../../../src/platform/humans/humanoid-contract'
import { parseModelInNode } from '../../support/gltf-in-node'

const recipe = MODEL_SOURCES.flatMap((s) => s.recipes).find((r) => r.file === 'guide-humanoid.glb')!
let bytes: Uint8Array
let document: Document
let scene: Object3D
let clips: AnimationClip[]

beforeAll(async () => {
  bytes = await encodeModel(recipe.build())
  document = (await inspectModel(bytes)).document
  const gltf = await parseModelInNode(bytes)
  scene = gltf.scene
  scene.updateMatrixWorld(true)
  clips = gltf.animations
}, 60_000)

function skinnedMeshes(root: Object3D): SkinnedMesh[] {
  const meshes: SkinnedMesh[] = []
  root.traverse((o) => {
    if ((o as SkinnedMesh).isSkinnedMesh) meshes.push(o as SkinnedMesh)
  })
  return meshes
}

describe('generated humanoid', () => {
  it('stays within the budget: ≤ 6k triangles, ≤ 3 primitives, small on the wire', async () => {
    const stats = await inspectModel(bytes)
    expect(stats.triangles).toBeGreaterThan(3000)
    expect(stats.triangles).toBeLessThanOrEqual(6000)
    expect(stats.primitives).toBeLessThanOrEqual(3)
    expect(stats.bytes).toBeLessThan(250_000)
  })

  it('has one skin over the contract’s bones, in order, rooted at the hips', () => {
    const skins = document.getRoot().listSkins()
    expect(skins).toHaveLength(1)
    expect(skins[0].listJoints().map((j) => j.getName())).toEqual(HUMANOID_BONES.map((b) => b.name))
    expect(skins[0].getSkeleton()?.getName()).toBe('Hips')
    expect(skins[0].getInverseBindMatrices()?.getCount()).toBe(HUMANOID_BONES.length)
  })

  it('loads in three as skinned meshes whose weights sum to 1 and stay on nearby bones', () => {
    const meshes = skinnedMeshes(scene)
    expect(meshes.length).toBeGreaterThan(0)
    for (const mesh of meshes) {
      expect(mesh.skeleton.bones.map((b) => b.name)).toEqual(HUMANOID_BONES.map((b) => b.name))
      expect(mesh.geometry.userData.bakedLight).toBe(true)
      const weights = mesh.geometry.getAttribute('skinWeight')
      const joints = mesh.geometry.getAttribute('skinIndex')
      const positions = mesh.geometry.getAttribute('position')
      const bonePosition = new Vector3()
      const vertex = new Vector3()
      for (let i = 0; i < weights.count; i++) {
        const sum = weights.getX(i) + weights.getY(i) + weights.getZ(i) + weights.getW(i)
        expect(Math.abs(sum - 1), `vertex ${i}`).toBeLessThan(1e-3)
        // Each influence comes from a bone within half a metre (no stray weight on a far limb).
        vertex.fromBufferAttribute(positions, i)
        for (let k = 0; k < 4; k++) {
          if (weights.getComponent(i, k) < 0.01) continue
          const bone = mesh.skeleton.bones[joints.getComponent(i, k)]
          bone.getWorldPosition(bonePosition)
          expect(bonePosition.distanceTo(vertex), `vertex ${i} → ${bone.name}`).toBeLessThan(0.5)
        }
      }
    }
  })

  it('blends across joints: the elbow’s skin follows both the upper arm and the forearm', () => {
    const [mesh] = skinnedMeshes(scene)
    const bones = mesh.skeleton.bones.map((b) => b.name)
    const upper = bones.indexOf('UpperArmL')
    const fore = bones.indexOf('ForearmL')
    const weights = mesh.geometry.getAttribute('skinWeight')
    const joints = mesh.geometry.getAttribute('skinIndex')
    let shared = 0
    for (let i = 0; i < weights.count; i++) {
      let a = 0
      let b = 0
      for (let k = 0; k < 4; k++) {
        if (joints.getComponent(i, k) === upper) a = weights.getComponent(i, k)
        if (joints.getComponent(i, k) === fore) b = weights.getComponent(i, k)
      }
      if (a > 0.2 && b > 0.2) shared++
    }
    // At least two rings of the sleeve round the elbow bend with both.
    expect(shared).toBeGreaterThanOrEqual(28)
  })

  it('carries every clip by name with a sensible length, never keying the bones code drives', () => {
    expect(clips.map((c) => c.name).sort()).toEqual(Object.keys(HUMANOID_CLIPS).sort())
    const seconds = Object.fromEntries(clips.map((c) => [c.name, c.duration]))
    expect(seconds.walk).toBeCloseTo(WALK_CYCLE.seconds, 3)
    expect(seconds.idle).toBeGreaterThanOrEqual(4)
    expect(seconds.talk).toBeGreaterThanOrEqual(2)
    for (const gesture of ['welcome', 'pointLeft', 'pointRight']) {
      expect(seconds[gesture], gesture).toBeGreaterThan(1.5)
      expect(seconds[gesture], gesture).toBeLessThan(4)
    }
    for (const clip of clips) {
      for (const track of clip.tracks) {
        const bone = track.name.split('.')[0]
        expect(RUNTIME_BONES as readonly string[], `${clip.name} keys ${track.name}`).not.toContain(bone)
      }
    }
  })

  it('loops seamlessly: each loop ends in the pose it starts in', () => {
    for (const clip of clips.filter((c) => HUMANOID_CLIPS[c.name as keyof typeof HUMANOID_CLIPS].loop)) {
      for (const track of clip.tracks) {
        const size = track.getValueSize()
        const first = Array.from(track.values.slice(0, size))
        const last = Array.from(track.values.slice(-size))
        // A quaternion and its negation are the same rotation.
        const same = (sign: number) => first.every((v, i) => Math.abs(v - sign * last[i]) < 2e-3)
        expect(same(1) || same(-1), `${clip.name} ${track.name}`).toBe(true)
      }
    }
  })

  it('dresses every role through the same function', async () => {
    for (const outfit of Object.keys(HUMANOID_OUTFITS) as Array<keyof typeof HUMANOID_OUTFITS>) {
      const stats = await inspectModel(
        await encodeModel(new HumanoidModel(outfit, { outfit, bakeLight: false })),
      )
      expect(stats.triangles, outfit).toBeLessThanOrEqual(6000)
      expect(stats.document.getRoot().listAnimations(), outfit).toHaveLength(
        Object.keys(HUMANOID_CLIPS).length,
      )
    }
  })

  it('builds the hall clerk as one primitive in a vest and white shirt sleeves, and a far-detail copy of it', async () => {
    const clerk = MODEL_SOURCES.flatMap((s) => s.recipes).find((r) => r.file === 'clerk-humanoid.glb')!
    const clerkBytes = await encodeModel(clerk.build())
    const stats = await inspectModel(clerkBytes)
    expect(stats.bytes).toBeLessThan(250_000)
    const [body, far] = stats.document.getRoot().listMeshes()[0].listPrimitives()
    expect(body.getExtras()).toEqual({ bakedLight: true })
    expect(far?.getExtras()).toEqual({ bakedLight: true, ...FAR_DETAIL_EXTRAS })
    expect(far?.getMaterial()).toBe(body.getMaterial())
    const triangles = (p: typeof body) => p.getIndices()!.getCount() / 3
    expect(triangles(body)).toBeLessThanOrEqual(6000)
    // A quarter of the triangles, in the same shape: the bounds agree within a centimetre.
    expect(triangles(far!) / triangles(body)).toBeGreaterThan(0.2)
    expect(triangles(far!) / triangles(body)).toBeLessThanOrEqual(0.3)
    const bounds = (p: typeof body) => [
      ...p.getAttribute('POSITION')!.getMin([]),
      ...p.getAttribute('POSITION')!.getMax([]),
    ]
    for (const [i, v] of bounds(far!).entries()) expect(Math.abs(v - bounds(body)[i]!)).toBeLessThan(0.01)
    expect(HUMANOID_OUTFITS.clerk.sleeves).not.toBe(HUMANOID_OUTFITS.clerk.top)
    // As three's GLTFLoader gives it to the app: two skinned meshes, the second's geometry marked far detail
    // (what createHumanoid hides and the crowd mesh swaps in).
    const loaded = skinnedMeshes((await parseModelInNode(clerkBytes)).scene)
    expect(loaded.map((m) => isFarDetail(m.geometry.userData))).toEqual([false, true])
  })

  it('walks when sent on mid-gesture, and starts no gesture while walking', () => {
    const animator = new HumanoidAnimator(scene.clone(), clips, 1)
    const frame = { delta: 0.1, lookAt: null, mouth: 0 }
    animator.setBase('talk')
    animator.playGesture('welcome')
    for (let i = 0; i < 5; i++) animator.update(frame)
    expect(animator.state().dominant).toBe('welcome')
    animator.setBase('walk')
    animator.playGesture('pointLeft')
    for (let i = 0; i < 5; i++) animator.update(frame)
    expect(animator.gesturePlaying).toBeNull()
    expect(animator.state().dominant).toBe('walk')
    expect(animator.state().seconds.walk).toBeGreaterThan(0)
  })
})
