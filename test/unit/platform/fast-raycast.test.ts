import {
  BoxGeometry,
  type Intersection,
  Mesh,
  MeshBasicMaterial,
  Raycaster,
  SphereGeometry,
  Vector3,
} from 'three'
import { describe, expect, it } from 'vitest'
import { BVH_MIN_VERTICES, installFastRaycast, wantsTree } from '../../../src/platform/input/fast-raycast'

const threeRaycast = Mesh.prototype.raycast

/** A 2,145-vertex sphere, moved, turned and scaled, like a UI key or a building under a group. */
function bigMesh() {
  const mesh = new Mesh(new SphereGeometry(0.5, 64, 32), new MeshBasicMaterial())
  mesh.position.set(0.3, 1.2, -2)
  mesh.rotation.set(0.4, 0.9, 0)
  mesh.scale.set(1, 0.6, 1.5)
  mesh.updateMatrixWorld(true)
  return mesh
}

function hitsOf(mesh: Mesh, from: Vector3, toward: Vector3, raycast = mesh.raycast): Intersection[] {
  const ray = new Raycaster(from, toward.clone().sub(from).normalize())
  const hits: Intersection[] = []
  raycast.call(mesh, ray, hits)
  return hits.sort((a, b) => a.distance - b.distance)
}

describe('fast raycast', () => {
  installFastRaycast()
  const eye = new Vector3(0, 1.6, 0)

  it('finds the same hits as three, at the same points and faces', () => {
    const mesh = bigMesh()
    expect(mesh.geometry.getAttribute('position').count).toBeGreaterThan(BVH_MIN_VERTICES)
    for (const target of [
      new Vector3(0.3, 1.2, -2),
      new Vector3(0.5, 1.3, -2.2),
      new Vector3(0.1, 1.0, -1.6),
    ]) {
      const fast = hitsOf(mesh, eye, target)
      const exact = hitsOf(mesh, eye, target, threeRaycast)
      expect(fast.length).toBe(exact.length)
      expect(fast.length).toBeGreaterThan(0)
      fast.forEach((hit, i) => {
        expect(hit.distance).toBeCloseTo(exact[i].distance, 6)
        expect(hit.faceIndex).toBe(exact[i].faceIndex)
        expect(hit.point.distanceTo(exact[i].point)).toBeLessThan(1e-6)
      })
    }
    expect(mesh.geometry.boundsTree).toBeDefined()
  })

  it('leaves the drawn geometry as it was: no index added, none reordered', () => {
    const indexed = bigMesh()
    const index = Array.from(indexed.geometry.index?.array ?? [])
    hitsOf(indexed, eye, new Vector3(0.3, 1.2, -2))
    expect(indexed.geometry.boundsTree).toBeDefined()
    expect(Array.from(indexed.geometry.index?.array ?? [])).toEqual(index)
    const soup = bigMesh()
    soup.geometry = soup.geometry.toNonIndexed() as SphereGeometry
    const target = new Vector3(0.5, 1.3, -2.2)
    expect(hitsOf(soup, eye, target)[0].distance).toBeCloseTo(
      hitsOf(soup, eye, target, threeRaycast)[0].distance,
      6,
    )
    expect(soup.geometry.boundsTree).toBeDefined()
    expect(soup.geometry.index).toBeNull()
  })

  it('builds no tree for a mesh no ray came near, nor for a small one', () => {
    const far = bigMesh()
    expect(hitsOf(far, eye, new Vector3(0, 5, -2))).toHaveLength(0)
    expect(far.geometry.boundsTree).toBeUndefined()
    const key = new Mesh(new BoxGeometry(0.3, 0.1, 0.02), new MeshBasicMaterial())
    key.position.set(0, 1.6, -1)
    key.updateMatrixWorld(true)
    expect(wantsTree(key)).toBe(false)
    expect(hitsOf(key, eye, new Vector3(0.05, 1.62, -1))).toHaveLength(1)
    expect(key.geometry.boundsTree).toBeUndefined()
  })

  it('builds the tree again when the geometry moved its vertices', () => {
    const mesh = bigMesh()
    const target = new Vector3(0.3, 1.2, -2)
    const before = hitsOf(mesh, eye, target)[0].distance
    mesh.geometry.translate(0, 0, -0.5)
    mesh.geometry.computeBoundingSphere()
    const after = hitsOf(mesh, eye, target)
    expect(after[0].distance).toBeCloseTo(hitsOf(mesh, eye, target, threeRaycast)[0].distance, 6)
    expect(after[0].distance).toBeGreaterThan(before + 0.1)
  })
})
