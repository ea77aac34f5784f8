import {
  Bone,
  BoxGeometry,
  Float32BufferAttribute,
  Frustum,
  Group,
  Matrix4,
  MeshStandardMaterial,
  PerspectiveCamera,
  Scene,
  Skeleton,
  SkinnedMesh,
  Sphere,
  Uint8BufferAttribute,
  Vector3,
} from 'three'
import { describe, expect, it } from 'vitest'
import { type CrowdMesh, mergeCrowd } from '../../../src/platform/humans/crowd-mesh'
import type { HumanoidAnimator } from '../../../src/platform/humans/humanoid-animator'
import { FAR_DETAIL_EXTRAS } from '../../../src/platform/humans/humanoid-contract'
import { updateOnlyWhenPosed } from '../../../src/platform/humans/pose-updates'
import { boneUploads } from '../../../src/platform/render/bones-when-moved'

const material = new MeshStandardMaterial()

/** A figure like a humanoid copy: a root holding two bones (a hip and a bent "spine") and a box skinned to both. */
function figure(at: Vector3, mat = material) {
  const root = new Group()
  root.position.copy(at)
  const hip = new Bone()
  const spine = new Bone()
  spine.position.y = 0.5
  hip.add(spine)
  root.add(hip)
  const mesh = skinnedBox(4, mat)
  // Bound away from the root's origin, as a file's mesh node may be.
  mesh.position.set(0.1, 0.05, 0)
  root.add(mesh)
  root.updateMatrixWorld(true)
  mesh.bind(new Skeleton([hip, spine]))
  mesh.boundingSphere = new Sphere(new Vector3(0, 0.5, 0), 1)
  return { root, mesh, spine }
}

/** The figure's box, `rows` segments tall, skinned to its two bones. */
function skinnedBox(rows: number, mat = material): SkinnedMesh {
  const geometry = new BoxGeometry(0.4, 1, 0.2, 1, rows, 1).translate(0, 0.5, 0)
  const count = geometry.attributes.position.count
  const joints = new Uint8Array(count * 4)
  const weights = new Float32Array(count * 4)
  for (let i = 0; i < count; i++) {
    // Upper vertices follow the spine, lower ones the hip.
    joints[i * 4] = geometry.attributes.position.getY(i) > 0.5 ? 1 : 0
    weights[i * 4] = 1
  }
  geometry.setAttribute('skinIndex', new Uint8BufferAttribute(joints, 4))
  geometry.setAttribute('skinWeight', new Float32BufferAttribute(weights, 4))
  return new SkinnedMesh(geometry, mat)
}

/** The figure with a far-detail copy of its box (one segment tall), as a humanoid file's second primitive. */
function figureWithFarDetail(at: Vector3) {
  const made = figure(at)
  const far = skinnedBox(1)
  far.geometry.userData = { ...FAR_DETAIL_EXTRAS }
  far.position.copy(made.mesh.position)
  made.root.add(far)
  made.root.updateMatrixWorld(true)
  far.bind(made.mesh.skeleton)
  far.boundingSphere = new Sphere(new Vector3(0, 0.5, 0), 1)
  return { ...made, far }
}

/** Every vertex where skinning puts it in the world, as three's shader would. */
function skinnedWorld(
  mesh: SkinnedMesh,
  from = 0,
  count = mesh.geometry.attributes.position.count,
): Vector3[] {
  mesh.updateMatrixWorld(true)
  return Array.from({ length: count }, (_, i) =>
    mesh.getVertexPosition(from + i, new Vector3()).applyMatrix4(mesh.matrixWorld),
  )
}

function crowdOfTwo() {
  const scene = new Scene()
  const a = figure(new Vector3(-2, 0, -3))
  const b = figure(new Vector3(3, 0, -1))
  b.root.rotation.y = Math.PI / 3
  scene.add(a.root, b.root)
  const seen: number[] = []
  const crowd = mergeCrowd([a.root, b.root], (i) => seen.push(i)) as CrowdMesh
  // Away from the origin and turned: the crowd's own place must not matter.
  crowd.position.set(5, 1, 2)
  crowd.rotation.x = 0.4
  scene.add(crowd)
  scene.updateMatrixWorld(true)
  return { scene, a, b, crowd, seen }
}

const close = (actual: Vector3[], expected: Vector3[]) => {
  expect(actual).toHaveLength(expected.length)
  for (const [i, v] of actual.entries()) expect(v.distanceTo(expected[i]!)).toBeLessThan(1e-5)
}

describe('mergeCrowd', () => {
  it('draws every figure where its own mesh would, as its bones move, and hides the figures', () => {
    const { scene, a, b, crowd } = crowdOfTwo()
    a.spine.rotation.z = 0.6
    b.spine.rotation.x = -0.4
    b.root.position.x += 1
    scene.updateMatrixWorld(true)
    const n = a.mesh.geometry.attributes.position.count
    close(skinnedWorld(crowd, 0, n), skinnedWorld(a.mesh))
    close(skinnedWorld(crowd, n, n), skinnedWorld(b.mesh))
    expect([a.mesh.visible, b.mesh.visible, crowd.skeleton.bones.length]).toEqual([false, false, 4])
  })

  it('counts the uploads of each figure whose bones moved, and none of one that stood still', () => {
    const { scene, a, b, crowd } = crowdOfTwo()
    crowd.skeleton.update()
    expect([boneUploads(a.root), boneUploads(b.root)]).toEqual([1, 1])
    b.spine.rotation.z = 0.3
    scene.updateMatrixWorld(true)
    crowd.skeleton.update()
    crowd.skeleton.update()
    expect([boneUploads(a.root), boneUploads(b.root)]).toEqual([1, 2])
  })

  it('compares the bones only of a figure that recomputed its matrices since, as a posed or moved figure does', () => {
    const { scene, a, b, crowd } = crowdOfTwo()
    const animators = [a, b].map(({ root }) => {
      const animator = { posed: true } as HumanoidAnimator
      updateOnlyWhenPosed(root, animator)
      return animator
    })
    scene.updateMatrixWorld(true)
    crowd.skeleton.update()
    expect([boneUploads(a.root), boneUploads(b.root)]).toEqual([1, 1])
    // b is posed. a's bone is bent and its world matrix written with no animator run and no update of
    // the figure, which no frame of a real figure does: the crowd does not look at a's bones at all.
    b.spine.rotation.z = 0.3
    animators[1]!.posed = true
    scene.updateMatrixWorld(true)
    a.spine.rotation.z = 0.3
    a.spine.matrixWorld.makeRotationZ(0.3).setPosition(a.spine.getWorldPosition(new Vector3()))
    crowd.skeleton.update()
    expect([boneUploads(a.root), boneUploads(b.root)]).toEqual([1, 2])
    // a moves in the world: its subtree is recomputed, and its bent spine reaches the GPU with it.
    a.root.position.x += 0.5
    scene.updateMatrixWorld(true)
    crowd.skeleton.update()
    expect([boneUploads(a.root), boneUploads(b.root)]).toEqual([2, 2])
  })

  it('marks seen only the figures in the camera that draws it', () => {
    const { scene, crowd, seen } = crowdOfTwo()
    const camera = new PerspectiveCamera(40, 1, 0.1, 50)
    camera.position.set(-2, 1, 2)
    camera.lookAt(-2, 0.5, -3)
    camera.updateMatrixWorld(true)
    crowd.onBeforeRender(null as never, scene, camera, crowd.geometry, material, null as never)
    expect(seen).toEqual([0])
  })

  it('is bounded by its figures where they stand this frame, so a crowd out of view is culled', () => {
    const { scene, b, crowd } = crowdOfTwo()
    const camera = new PerspectiveCamera(40, 1, 0.1, 50)
    camera.position.set(0, 1, 2)
    const inView = () => {
      scene.updateMatrixWorld(true)
      camera.updateMatrixWorld(true)
      const m = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
      return new Frustum().setFromProjectionMatrix(m).intersectsObject(crowd)
    }
    camera.lookAt(0, 1, 10)
    expect([crowd.frustumCulled, inView()]).toEqual([true, false])
    // A figure walks round behind the camera, into its view.
    b.root.position.set(0, 0, 8)
    expect(inView()).toBe(true)
  })

  it('leaves figures of different materials to draw themselves', () => {
    const a = figure(new Vector3())
    const b = figure(new Vector3(1, 0, 0), new MeshStandardMaterial({ color: 'red' }))
    expect(mergeCrowd([a.root, b.root], () => undefined)).toBeNull()
    expect([a.mesh.visible, b.mesh.visible]).toEqual([true, true])
    expect(boneUploads(a.root)).toBe(0)
  })

  it('binds with the identity, so the figures keep their own bind matrices in their vertices', () => {
    const { crowd } = crowdOfTwo()
    expect(crowd.bindMatrix.equals(new Matrix4())).toBe(true)
  })

  it("draws a figure set to far at its file's far detail, and back at full detail, in the one draw", () => {
    const a = figureWithFarDetail(new Vector3(-2, 0, -3))
    const b = figureWithFarDetail(new Vector3(3, 0, -1))
    const crowd = mergeCrowd([a.root, b.root], () => undefined) as CrowdMesh
    const scene = new Scene().add(a.root, b.root, crowd)
    const full = a.mesh.geometry.index!.count
    const far = a.far.geometry.index!.count
    expect(far).toBeLessThan(full)
    // Drawn vertices of the crowd, skinned into the world (rounded, as a set).
    const drawnPlaces = () => {
      scene.updateMatrixWorld(true)
      const index = crowd.geometry.index!
      const places = new Set<string>()
      for (let i = crowd.geometry.drawRange.start; i < crowd.geometry.drawRange.count; i++) {
        const v = crowd.getVertexPosition(index.getX(i), new Vector3()).applyMatrix4(crowd.matrixWorld)
        places.add(
          v
            .toArray()
            .map((x) => x.toFixed(4))
            .join(),
        )
      }
      return places
    }
    const placesOf = (...meshes: SkinnedMesh[]) =>
      new Set(
        meshes.flatMap((m) =>
          skinnedWorld(m).map((v) =>
            v
              .toArray()
              .map((x) => x.toFixed(4))
              .join(),
          ),
        ),
      )
    b.spine.rotation.z = 0.5
    expect([crowd.isFullDetail(0), crowd.isFullDetail(1)]).toEqual([true, true])
    expect(drawnPlaces()).toEqual(placesOf(a.mesh, b.mesh))
    expect(crowd.geometry.drawRange.count).toBe(2 * full)
    crowd.setFullDetail(1, false)
    expect(drawnPlaces()).toEqual(placesOf(a.mesh, b.far))
    expect(crowd.geometry.drawRange.count).toBe(full + far)
    // Only the indices drawn go to the GPU again.
    expect(crowd.geometry.index!.updateRanges).toEqual([{ start: 0, count: full + far }])
    crowd.setFullDetail(1, true)
    expect(drawnPlaces()).toEqual(placesOf(a.mesh, b.mesh))
    // The far copies are never drawn as meshes of their own.
    expect([a.far.visible, b.far.visible]).toEqual([false, false])
  })
})
