import {
  BoxGeometry,
  Color,
  Frustum,
  Group,
  type InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  Vector3,
} from 'three'
import { describe, expect, it } from 'vitest'
import { drawnKeyColor, KeyBatch } from '../../../src/platform/ui/key-batch'

/** A panel with a key batch, as Panel builds it, and a way to add buttons' keys to it. */
function panel() {
  const root = new Group()
  const batch = new KeyBatch()
  root.add(batch)
  const addKey = (x: number, color = '#336699', size = '0.3x0.08') => {
    const button = new Group()
    button.position.set(x, 0.1, 0)
    const key = new Mesh(new BoxGeometry(0.3, 0.08, 0.02), new MeshBasicMaterial({ color }))
    key.visible = false
    button.add(key)
    // Buttons come before the batch, as Panel's children do (adding the batch again moves it last).
    root.add(button, batch)
    batch.addMember(key, size)
    return { button, key }
  }
  const instanced = () => batch.children as InstancedMesh[]
  /** What the renderer does each frame before drawing: the scene's matrices, then culling each mesh. */
  const frame = () => {
    root.updateMatrixWorld(true)
    for (const mesh of instanced()) mesh.intersectsFrustum(new Frustum())
  }
  const instancePosition = (mesh: InstancedMesh, i: number) => {
    const m = new Matrix4()
    mesh.getMatrixAt(i, m)
    return new Vector3().setFromMatrixPosition(m)
  }
  return { root, batch, addKey, instanced, instancePosition, frame }
}

describe('KeyBatch', () => {
  it('draws the keys of one size as instances where each key is, in its colour', () => {
    const { root, addKey, instanced, instancePosition, frame } = panel()
    addKey(-0.2, '#ff0000')
    addKey(0.2, '#00ff00')
    root.position.set(1, 2, 3)
    frame()
    const [mesh] = instanced()
    expect(instanced()).toHaveLength(1)
    expect(mesh!.count).toBe(2)
    expect(instancePosition(mesh!, 0).x).toBeCloseTo(-0.2, 6)
    expect(instancePosition(mesh!, 1).x).toBeCloseTo(0.2, 6)
    const color = new Color()
    mesh!.getColorAt(1, color)
    expect(color.equals(new Color('#00ff00'))).toBe(true)
  })

  it('follows a key that moves or changes colour (a press, a hover), and hides a hidden button', () => {
    const { addKey, instanced, instancePosition, frame } = panel()
    const { button, key } = addKey(0)
    frame()
    const [mesh] = instanced()
    key.position.z = -0.004
    ;(key.material as MeshBasicMaterial).color.set('#ffffff')
    frame()
    expect(instancePosition(mesh!, 0).z).toBeCloseTo(-0.004, 6)
    const color = new Color()
    mesh!.getColorAt(0, color)
    expect(color.getHex()).toBe(0xffffff)
    // What the ui debug view reports: the drawn colour, and nothing for a mesh no batch draws.
    expect(drawnKeyColor(key)).toBe('ffffff')
    expect(drawnKeyColor(button)).toBeUndefined()
    button.visible = false
    frame()
    const m = new Matrix4()
    mesh!.getMatrixAt(0, m)
    expect(m.elements.every((e) => e === 0)).toBe(true)
  })

  it('gives keys of another size their own instanced mesh, grows past its room and closes gaps', () => {
    const { batch, addKey, instanced, instancePosition, frame } = panel()
    const keys = Array.from({ length: 9 }, (_, i) => addKey(i * 0.1).key)
    addKey(5, '#000000', '0.5x0.08')
    frame()
    expect(instanced()).toHaveLength(2)
    const small = instanced().find((m) => m.count === 9)!
    expect(small.instanceMatrix.count).toBeGreaterThanOrEqual(9)
    batch.removeMember(keys[0]!)
    frame()
    expect(small.count).toBe(8)
    expect(instancePosition(small, 0).x).toBeCloseTo(0.1, 6)
  })

  it('places a key mounted after the batch from this frame, on a panel that moves every frame', () => {
    const { root, batch, instanced, instancePosition, frame } = panel()
    frame()
    // A button that appears later is added after the batch, so the scene updates its matrices after the batch's.
    const button = new Group()
    button.position.set(0.25, 0, 0)
    const key = new Mesh(new BoxGeometry(0.3, 0.08, 0.02), new MeshBasicMaterial())
    key.visible = false
    button.add(key)
    root.add(button)
    batch.addMember(key, '0.3x0.08')
    for (const x of [1, 2, 3]) {
      root.position.x = x
      root.rotation.y = x / 2
      frame()
      expect(instancePosition(instanced()[0]!, 0).x).toBeCloseTo(0.25, 6)
    }
  })

  it('is never a pointer target: the hidden keys take the pointers', () => {
    const { addKey, instanced, frame } = panel()
    addKey(0)
    frame()
    const hits: unknown[] = []
    instanced()[0]!.raycast({} as never, hits as never)
    expect(hits).toEqual([])
  })
})
