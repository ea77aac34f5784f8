// A panel's button keys in one draw call per key shape. Each Button keeps its own rounded key mesh for
// pointer events (rays, pinch, poke, mouse and touch hit it as before) but hides it; the batch draws
// every key of one size as an instance, from the key's place relative to the batch and its material's
// colour (hover, selection), and draws nothing for a key hidden with an ancestor. In a headset every
// draw is paid once per eye, and a navigator of eight buttons drew eight keys.
import {
  type BufferGeometry,
  Color,
  type Frustum,
  Group,
  InstancedMesh,
  Matrix4,
  type Mesh,
  MeshBasicMaterial,
  type Object3D,
} from 'three'
import { HIDDEN, nearlyEqual, shownUnder } from './batch-members'

const toBatch = new Matrix4()
const placed = new Matrix4()
const drawn = new Color()

/** The batch drawing each key, for the ui debug view. */
const batchOf = new WeakMap<Object3D, KeyBatch>()

/**
 * The colour (hex) a batch draws for `key` as of its last update: what a visitor sees of a hover or a
 * selection, where the key's material only says what was asked. Null before the first update; undefined
 * for a mesh no batch draws.
 */
export function drawnKeyColor(key: Object3D): string | null | undefined {
  return batchOf.get(key)?.drawnColorOf(key as Mesh)
}

interface Member {
  relative: Matrix4
  color: Color
  shape: Shape
}

/** Every key of one shape: one instanced mesh, the keys in instance order. */
interface Shape {
  mesh: InstancedMesh
  keys: Mesh[]
  /** Membership changed: every instance is rewritten on the next update. */
  reindex: boolean
}

export class KeyBatch extends Group {
  private readonly shapes = new Map<string, Shape>()
  private readonly members = new Map<Mesh, Member>()
  private readonly material = new MeshBasicMaterial({ toneMapped: false })
  /** Whether the keys were placed since the batch's matrices were last updated. */
  private placed = false

  constructor() {
    super()
    this.name = 'key-batch'
  }

  /** Draws `key` (a Button's hidden key mesh) with every other key of the same `shape` (its size). */
  addMember(key: Mesh, shape: string): void {
    if (this.members.has(key)) return
    let group = this.shapes.get(shape)
    if (!group) {
      // Its own copy of the first key's geometry: that key may unmount (and dispose it) before the others.
      group = { mesh: this.instancedMesh(key.geometry.clone(), 8), keys: [], reindex: true }
      this.shapes.set(shape, group)
      this.add(group.mesh)
    }
    this.members.set(key, { relative: new Matrix4(), color: new Color(), shape: group })
    batchOf.set(key, this)
    group.keys.push(key)
    group.reindex = true
    if (group.keys.length > group.mesh.instanceMatrix.count) {
      // Full: a mesh with twice the room and the same geometry replaces it (its size is fixed at creation).
      const grown = this.instancedMesh(group.mesh.geometry, group.mesh.instanceMatrix.count * 2)
      this.remove(group.mesh)
      group.mesh.dispose()
      group.mesh = grown
      this.add(grown)
    }
  }

  removeMember(key: Mesh): void {
    const member = this.members.get(key)
    if (!member) return
    this.members.delete(key)
    batchOf.delete(key)
    member.shape.keys.splice(member.shape.keys.indexOf(key), 1)
    member.shape.reindex = true
  }

  /** The colour `key`'s instance is drawn in; null until an update has written one. */
  drawnColorOf(key: Mesh): string | null | undefined {
    const member = this.members.get(key)
    if (!member) return undefined
    const { mesh, keys } = member.shape
    const index = keys.indexOf(key)
    if (!mesh.instanceColor || index >= mesh.count) return null
    return mesh.getColorAt(index, drawn).getHexString()
  }

  dispose(): void {
    for (const group of this.shapes.values()) {
      group.mesh.geometry.dispose()
      group.mesh.dispose()
    }
    this.material.dispose()
  }

  /** The keys are placed again after every matrix update, when the renderer culls the batch (placeKeys). */
  override updateMatrixWorld(force?: boolean): void {
    super.updateMatrixWorld(force)
    this.placed = false
  }

  /**
   * Each key's place and colour go to its instance, uploaded only when one changed: once per matrix update,
   * when the renderer culls the first of the batch's meshes, from the world matrices it has just updated for
   * the whole scene (so a key mounted after the batch is where this frame puts it).
   */
  placeKeys(): void {
    if (this.placed) return
    this.placed = true
    toBatch.copy(this.matrixWorld).invert()
    for (const group of this.shapes.values()) this.place(group)
  }

  private place(group: Shape): void {
    const { mesh, keys } = group
    let moved = group.reindex
    let recoloured = group.reindex
    keys.forEach((key, i) => {
      const member = this.members.get(key)!
      // The key mesh itself is hidden (the batch draws it): its button's visibility decides.
      if (shownUnder(key, this.parent, false)) placed.multiplyMatrices(toBatch, key.matrixWorld)
      else placed.copy(HIDDEN)
      if (group.reindex || !nearlyEqual(placed, member.relative)) {
        member.relative.copy(placed)
        mesh.setMatrixAt(i, placed)
        moved = true
      }
      const color = (key.material as MeshBasicMaterial).color
      if (group.reindex || !member.color.equals(color)) {
        member.color.copy(color)
        mesh.setColorAt(i, color)
        recoloured = true
      }
    })
    group.reindex = false
    mesh.count = keys.length
    if (moved) {
      mesh.instanceMatrix.needsUpdate = true
      mesh.computeBoundingSphere()
    }
    if (recoloured && mesh.instanceColor) mesh.instanceColor.needsUpdate = true
  }

  private instancedMesh(geometry: BufferGeometry, capacity: number): InstancedMesh {
    const mesh = new KeyInstances(geometry, this.material, capacity, this)
    mesh.count = 0
    mesh.name = 'keys'
    // The hidden key meshes take pointer events; the drawn instances never do.
    mesh.raycast = () => {}
    return mesh
  }
}

/** One key shape's instances: culling them places the batch's keys first, so the bounds tested are this frame's. */
class KeyInstances extends InstancedMesh {
  constructor(
    geometry: BufferGeometry,
    material: MeshBasicMaterial,
    capacity: number,
    private readonly batch: KeyBatch,
  ) {
    super(geometry, material, capacity)
  }

  override intersectsFrustum(frustum: Frustum): boolean {
    this.batch.placeKeys()
    return super.intersectsFrustum(frustum)
  }
}
