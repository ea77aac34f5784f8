// A figure's world matrices are recomputed only when its animator posed it or it moved: a crowd's skipped
// figure costs three no matrix work, and its bones are left out of the renderer's walk for drawables.
import { type AnimationClip, type Bone, Group, type Object3D, Scene, Vector3 } from 'three'
import { clone } from 'three/examples/jsm/utils/SkeletonUtils.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { guideHumanoid } from '../../../scripts/models/humanoid'
import { encodeModel } from '../../../scripts/models/model-builder'
import { HumanoidAnimator } from '../../../src/platform/humans/humanoid-animator'
import { updateOnlyWhenPosed } from '../../../src/platform/humans/pose-updates'
import { parseModelInNode } from '../../support/gltf-in-node'

let gltf: { scene: Object3D; animations: AnimationClip[] }

beforeAll(async () => {
  gltf = await parseModelInNode(await encodeModel(guideHumanoid()))
}, 60_000)

function placedFigure() {
  const world = new Scene()
  const place = new Group()
  world.add(place)
  // As createHumanoid (use-humanoid.ts) makes a figure.
  const object = clone(gltf.scene)
  const animator = new HumanoidAnimator(object, gltf.animations, 5)
  updateOnlyWhenPosed(object, animator)
  place.add(object)
  const head = object.getObjectByName('Head')!
  world.updateMatrixWorld()
  return { world, place, head, object, animator }
}

const headAt = (head: Object3D) => head.getWorldPosition(new Vector3())
const still = { delta: 0, lookAt: null, mouth: 0 }

describe('humanoid world matrices', () => {
  it('skips the figure while nothing posed or moved it', () => {
    const { world, head, animator } = placedFigure()
    const before = head.matrixWorld.clone()
    // A change no animator made, and no move: the frame's update leaves the bones as they were.
    head.position.y += 0.5
    world.updateMatrixWorld()
    expect(head.matrixWorld.equals(before)).toBe(true)
    // Posed: the next update computes them.
    animator.update(still)
    world.updateMatrixWorld()
    expect(head.matrixWorld.equals(before)).toBe(false)
    expect(animator.posed).toBe(false)
  })

  it('follows its place when it moves, posed or not', () => {
    const { world, place, head } = placedFigure()
    const from = headAt(head)
    place.position.x += 2
    world.updateMatrixWorld()
    expect(head.matrixWorld.elements[12] - from.x).toBeCloseTo(2, 5)
  })

  it('leaves its bones out of the walk for drawables, and keeps its meshes in it', () => {
    const { object } = placedFigure()
    const roots: Bone[] = []
    let meshes = 0
    object.traverse((o) => {
      const bone = o as Bone
      if (bone.isBone && !(bone.parent as Bone | null)?.isBone) roots.push(bone)
    })
    object.traverseVisible((o) => {
      if ((o as { isSkinnedMesh?: boolean }).isSkinnedMesh) meshes++
      expect((o as Bone).isBone).not.toBe(true)
    })
    expect(roots.length).toBeGreaterThan(0)
    expect(roots.every((b) => !b.visible)).toBe(true)
    expect(meshes).toBeGreaterThan(0)
  })
})
