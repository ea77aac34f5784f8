import {
  BoxGeometry,
  Group,
  type Material,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  type Object3D,
  SkinnedMesh,
  Vector3,
} from 'three'
import { describe, expect, it } from 'vitest'
import { drawAsOneMesh, partsRoot } from '../../../src/platform/xr/one-draw-model'

/** A controller-like model: a body and a trigger two nodes down, offset and turned, one material. */
function controller(material: Material = new MeshStandardMaterial()) {
  const root = new Group()
  const body = new Mesh(new BoxGeometry(0.1, 0.1, 0.1), material)
  body.name = 'body'
  const pressed = new Group()
  pressed.name = 'trigger_pressed_value'
  pressed.position.set(0, -0.05, -0.04)
  pressed.rotation.x = 0.3
  const trigger = new Mesh(new BoxGeometry(0.02, 0.03, 0.02), material)
  trigger.name = 'trigger'
  trigger.position.set(0, 0.01, 0)
  pressed.add(trigger)
  root.add(body, pressed)
  root.position.set(1, 2, 3)
  return { root, body, pressed, trigger }
}

/** Where the merged mesh draws vertex `i` (world space), with its bones where they are now. */
function drawnAt(mesh: SkinnedMesh, i: number): Vector3 {
  mesh.updateMatrixWorld(true)
  mesh.skeleton.update()
  return mesh.getVertexPosition(i, new Vector3()).applyMatrix4(mesh.matrixWorld)
}

/** Where a part's vertex `i` is in the world: off the graph, its rig stands where the model's root does. */
function worldVertex(part: Mesh, i: number, root: Object3D): Vector3 {
  part.updateWorldMatrix(true, false)
  const v = new Vector3()
    .fromBufferAttribute(part.geometry.getAttribute('position'), i)
    .applyMatrix4(part.matrixWorld)
  if (partsRoot(root) === root) return v
  root.updateWorldMatrix(true, false)
  return v.applyMatrix4(root.matrixWorld)
}

describe('drawAsOneMesh', () => {
  it('draws the parts as one skinned mesh where they were, and stops drawing the parts', () => {
    const { root, body, trigger } = controller()
    const mesh = drawAsOneMesh(root)
    expect(mesh).toBeInstanceOf(SkinnedMesh)
    const bodyCount = body.geometry.getAttribute('position').count
    expect(mesh?.geometry.getAttribute('position').count).toBe(
      bodyCount + trigger.geometry.getAttribute('position').count,
    )
    expect(drawnAt(mesh!, 5).distanceTo(worldVertex(body, 5, root))).toBeLessThan(1e-6)
    expect(drawnAt(mesh!, bodyCount + 7).distanceTo(worldVertex(trigger, 7, root))).toBeLessThan(1e-6)
    // A part on no layer is seen by no camera; it stays a bone, off the scene graph.
    expect(body.layers.mask).toBe(0)
    expect(trigger.layers.mask).toBe(0)
    expect(mesh?.layers.mask).toBe(1)
  })

  it('keeps animating: a part node the profile moves carries its vertices with it', () => {
    const { root, pressed, trigger } = controller()
    const mesh = drawAsOneMesh(root)!
    const i = mesh.geometry.getAttribute('position').count - 1
    pressed.rotation.x = -0.2
    pressed.position.y -= 0.01
    // As the library's visuals do after moving a node.
    pressed.updateMatrix()
    root.position.x += 0.5
    root.updateMatrixWorld(true)
    expect(
      drawnAt(mesh, i).distanceTo(
        worldVertex(trigger, trigger.geometry.getAttribute('position').count - 1, root),
      ),
    ).toBeLessThan(1e-6)
  })

  it('uploads its bones only when a part moves on the model, not when the model moves', () => {
    const { root, pressed } = controller()
    const mesh = drawAsOneMesh(root)!
    const texture = mesh.skeleton.computeBoneTexture().boneTexture!
    const uploads = () => texture.version
    const frame = () => {
      root.updateMatrixWorld(true)
      mesh.skeleton.update()
    }
    frame()
    const atRest = uploads()
    root.position.x += 0.5
    root.rotation.y = 1
    frame()
    expect(uploads()).toBe(atRest)
    pressed.rotation.x = -0.2
    pressed.updateMatrix()
    frame()
    expect(uploads()).toBe(atRest + 1)
    frame()
    expect(uploads()).toBe(atRest + 1)
  })

  it('is culled by bounds around its parts from the first frame, before any skeleton update', () => {
    const { root, body } = controller()
    const mesh = drawAsOneMesh(root)!
    mesh.computeBoundingSphere()
    // In the model's frame, as three places an object's bounds: about the body, 10 cm across.
    expect(mesh.boundingSphere!.center.length()).toBeLessThan(0.05)
    expect(mesh.boundingSphere!.radius).toBeGreaterThan(0.08)
    expect(mesh.boundingSphere!.containsPoint(body.position)).toBe(true)
  })

  it('merges once per model', () => {
    const { root } = controller()
    const first = drawAsOneMesh(root)
    expect(drawAsOneMesh(root)).toBe(first)
    expect(root.children.filter((c) => (c as SkinnedMesh).isSkinnedMesh)).toHaveLength(1)
  })

  it('changes nothing when the parts do not share a material', () => {
    const { root, trigger, body } = controller()
    trigger.material = new MeshBasicMaterial()
    expect(drawAsOneMesh(root)).toBeNull()
    expect(body.layers.mask).toBe(1)
    expect(root.children).toHaveLength(2)
  })

  it('leaves a part the profile shows and hides on its own', () => {
    const { root, pressed, trigger } = controller()
    const dot = new Mesh(new BoxGeometry(0.01, 0.01, 0.01), trigger.material)
    dot.name = 'dot'
    const dotNode = new Group()
    dotNode.name = 'touchpad_touched_value'
    dotNode.add(dot)
    pressed.add(dotNode)
    const mesh = drawAsOneMesh(root, new Set(['touchpad_touched_value']))
    expect(mesh?.skeleton.bones).toHaveLength(2)
    expect(dot.layers.mask).toBe(1)
    // The dot is drawn where its nodes put it, so they stay in the scene graph.
    expect(partsRoot(root)).toBe(root)
    expect(dot.parent?.parent).toBe(pressed)
    expect(pressed.parent).toBe(root)
  })

  it('takes the part nodes off the scene graph, where three no longer walks them, and finds them by name', () => {
    const { root, body, pressed } = controller()
    drawAsOneMesh(root)
    let walked = 0
    root.traverse(() => {
      walked++
    })
    // The root and the merged mesh.
    expect(walked).toBe(2)
    expect(partsRoot(root)).not.toBe(root)
    expect(partsRoot(root).getObjectByName('trigger_pressed_value')).toBe(pressed)
    expect(partsRoot(root).getObjectByName('body')).toBe(body)
  })
})
