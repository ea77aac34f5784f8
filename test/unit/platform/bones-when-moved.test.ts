// Bone textures go to the GPU only when a bone moved, and hold what three's own update would write.
import { Bone, BoxGeometry, Group, Matrix4, MeshBasicMaterial, Skeleton, SkinnedMesh } from 'three'
import { describe, expect, it } from 'vitest'
import { boneUploads, uploadBonesOnlyWhenMoved } from '../../../src/platform/render/bones-when-moved'

const threeUpdate = Skeleton.prototype.update
uploadBonesOnlyWhenMoved()

function rig() {
  const root = new Bone()
  const arm = new Bone()
  arm.position.set(0, 1, 0)
  root.add(arm)
  root.updateMatrixWorld(true)
  const skeleton = new Skeleton([root, arm])
  skeleton.computeBoneTexture()
  return { root, arm, skeleton }
}

/** What three's own update writes for this skeleton's bones now. */
function threeMatrices(skeleton: Skeleton): number[] {
  const copy = new Skeleton(skeleton.bones, skeleton.boneInverses)
  threeUpdate.call(copy)
  return Array.from(copy.boneMatrices as Float32Array)
}

describe('uploadBonesOnlyWhenMoved', () => {
  it('marks the bone texture for upload when a bone moved, and not when none did', () => {
    const { arm, skeleton } = rig()
    const texture = skeleton.boneTexture!
    skeleton.update()
    const settled = texture.version
    skeleton.update()
    skeleton.update()
    expect(texture.version).toBe(settled)
    arm.rotation.z = 0.5
    arm.updateMatrixWorld(true)
    skeleton.update()
    expect(texture.version).toBe(settled + 1)
    skeleton.update()
    expect(texture.version).toBe(settled + 1)
  })

  it("writes the same matrices as three's update", () => {
    const { root, arm, skeleton } = rig()
    root.position.set(2, 0, -1)
    arm.rotation.set(0.3, -0.2, 0.9)
    root.updateMatrixWorld(true)
    skeleton.update()
    const ours = Array.from(skeleton.boneMatrices as Float32Array).slice(0, 32)
    expect(ours).toEqual(threeMatrices(skeleton))
    expect(ours.slice(16)).not.toEqual(Array.from(new Matrix4().elements))
  })

  it('counts the uploads of the first skinned mesh under a figure, 0 for a figure without one', () => {
    const { root, arm, skeleton } = rig()
    const mesh = new SkinnedMesh(new BoxGeometry(), new MeshBasicMaterial())
    mesh.add(root)
    mesh.bind(skeleton)
    const figure = new Group().add(mesh)
    skeleton.update()
    const first = boneUploads(figure)
    expect(first).toBeGreaterThan(0)
    arm.rotation.z = 1
    arm.updateMatrixWorld(true)
    skeleton.update()
    expect(boneUploads(figure)).toBe(first + 1)
    expect(boneUploads(new Group())).toBe(0)
  })
})
