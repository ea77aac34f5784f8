// The XR pointers skip objects without a shape. A grab or touch sphere brought every such group's world
// matrix, and all its ancestors', up to date each frame before finding nothing to meet; meshes inside an
// interactive group are still met.
// @pmndrs/pointer-events is the pointer library @react-three/xr drives (its own dependency).
import { createGrabPointer, createRayPointer } from '@pmndrs/pointer-events'
import {
  BoxGeometry,
  Group,
  InstancedMesh,
  Line,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  PerspectiveCamera,
  Scene,
  Sprite,
} from 'three'
import { describe, expect, it } from 'vitest'
import { canBeHit, pointerOptions } from '../../../src/platform/xr/pointer-options'

describe('canBeHit', () => {
  it('is false for plain groups and nodes, true for everything with a shape', () => {
    expect(canBeHit(new Group())).toBe(false)
    expect(canBeHit(new Scene())).toBe(false)
    expect(canBeHit(new Mesh(new BoxGeometry()))).toBe(true)
    expect(canBeHit(new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial(), 2))).toBe(true)
    expect(canBeHit(new Line())).toBe(true)
    expect(canBeHit(new Sprite())).toBe(true)
    const custom = Object.assign(new Group(), { spherecast: () => undefined })
    expect(canBeHit(custom)).toBe(true)
  })
})

/** A scene with an interactive group (a listener) holding nested groups and one box at the origin. */
function interactiveScene() {
  const scene = new Scene()
  const root = new Group()
  root.addEventListener('click' as never, () => undefined)
  let parent: Object3D = root
  const groups: Group[] = []
  for (let i = 0; i < 4; i++) {
    const g = new Group()
    groups.push(g)
    parent.add(g)
    parent = g
  }
  const box = new Mesh(new BoxGeometry(0.2, 0.2, 0.2))
  parent.add(box)
  scene.add(root)
  scene.updateMatrixWorld(true)
  // Counts each group's own world-matrix updates (an ancestor's recursion counts there too).
  let updates = 0
  for (const g of [root, ...groups]) {
    const own = g.updateWorldMatrix.bind(g)
    g.updateWorldMatrix = (parents, children) => {
      updates++
      own(parents, children)
    }
  }
  return { scene, box, updates: () => updates }
}

/** The space a pointer starts from (a hand or controller), `z` metres in front of the box. */
function spaceAt(scene: Scene, z: number): { current: Group } {
  const space = new Group()
  space.position.set(0, 0, z)
  scene.add(space)
  space.updateMatrixWorld(true)
  return { current: space }
}

describe('pointer options', () => {
  const camera = new PerspectiveCamera()

  it('a grab sphere meets the box inside the interactive group, updating the groups less than half as often', () => {
    const updatesWith = (options: object) => {
      const { scene, box, updates } = interactiveScene()
      const grab = createGrabPointer(() => camera, spaceAt(scene, 0.12), {}, options)
      grab.move(scene, { timeStamp: 0 })
      expect(grab.getIntersection()?.object).toBe(box)
      return updates()
    }
    // Without the filter each of the five groups is brought up to date for itself (with its ancestors);
    // with it only the box's own test and its hit do that.
    const unfiltered = updatesWith({})
    const filtered = updatesWith(pointerOptions)
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(unfiltered / 2)
  })

  it('a ray still meets the box', () => {
    const { scene, box } = interactiveScene()
    const ray = createRayPointer(() => camera, spaceAt(scene, 1), {}, pointerOptions)
    ray.move(scene, { timeStamp: 0 })
    expect(ray.getIntersection()?.object).toBe(box)
  })
})
