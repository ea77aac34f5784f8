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
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  PerspectiveCamera,
  Scene,
  Sprite,
} from 'three'
import { describe, expect, it } from 'vitest'
import {
  canBeHit,
  NEAR_FIELD_REACH_M,
  nearFieldPointerOptions,
  pointerOptions,
  registerNearFieldOrigin,
  withinReach,
} from '../../../src/platform/xr/pointer-options'

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

describe('near-field pointers', () => {
  const camera = new PerspectiveCamera()

  /** A grab sphere `z` m in front of the box, its space registered as a near-field origin; the box's own world-matrix updates counted. */
  function grabAt(z: number, options: object) {
    const { scene, box } = interactiveScene()
    const space = spaceAt(scene, z)
    const unregister = registerNearFieldOrigin(space.current)
    let boxUpdates = 0
    const own = box.updateWorldMatrix.bind(box)
    box.updateWorldMatrix = (parents, children) => {
      boxUpdates++
      own(parents, children)
    }
    const grab = createGrabPointer(() => camera, space, {}, options)
    grab.move(scene, { timeStamp: 0 })
    unregister()
    return { metBox: grab.getIntersection()?.object === box, boxUpdates }
  }

  it('a grab sphere still meets the box in its reach', () => {
    expect(grabAt(0.12, nearFieldPointerOptions).metBox).toBe(true)
  })

  it('a grab sphere far from the box never brings its world matrix up to date', () => {
    expect(grabAt(2, pointerOptions).boxUpdates).toBeGreaterThan(0)
    const far = grabAt(2, nearFieldPointerOptions)
    expect(far.boxUpdates).toBe(0)
    expect(far.metBox).toBe(false)
  })

  it('measures reach from the nearest origin to the bounds, where the last frame put them', () => {
    const box = new Mesh(new BoxGeometry(2, 2, 2))
    box.position.set(10, 0, 0)
    box.updateMatrixWorld(true)
    // No origin: the library decides.
    expect(withinReach(box)).toBe(true)
    const far = new Group()
    far.position.set(-10, 0, 0)
    far.updateMatrixWorld(true)
    const near = new Group()
    // The box's bounds reach sqrt(3) m from its centre.
    near.position.set(10 - Math.sqrt(3) - NEAR_FIELD_REACH_M + 0.01, 0, 0)
    near.updateMatrixWorld(true)
    const unregisterFar = registerNearFieldOrigin(far)
    expect(withinReach(box)).toBe(false)
    const unregisterNear = registerNearFieldOrigin(near)
    expect(withinReach(box)).toBe(true)
    near.position.x -= 0.02
    near.updateMatrixWorld(true)
    expect(withinReach(box)).toBe(false)
    unregisterFar()
    unregisterNear()
    expect(withinReach(box)).toBe(true)
  })

  it('tests an instanced mesh by the bounds of all its instances', () => {
    const instanced = new InstancedMesh(new BoxGeometry(0.1, 0.1, 0.1), new MeshBasicMaterial(), 2)
    instanced.setMatrixAt(0, new Matrix4().makeTranslation(0, 0, 0))
    instanced.setMatrixAt(1, new Matrix4().makeTranslation(5, 0, 0))
    instanced.updateMatrixWorld(true)
    const hand = new Group()
    hand.position.set(5, 0, 0.2)
    hand.updateMatrixWorld(true)
    const unregister = registerNearFieldOrigin(hand)
    expect(withinReach(instanced)).toBe(true)
    hand.position.set(5, 0, 6)
    hand.updateMatrixWorld(true)
    expect(withinReach(instanced)).toBe(false)
    unregister()
  })
})
