// The light bake darkens what the runtime cannot (no shadow maps or SSAO in XR): the foot of a box
// on the floor, the corner it makes with a wall, and the wall's shadow from the sun, all carried in
// COLOR_0 of the written glTF. Scene: a wall along Z, one box on each side of it, sun from +X.

import { readFileSync } from 'node:fs'
import type { Document, Primitive } from '@gltf-transform/core'
import {
  BoxGeometry,
  Color,
  type Mesh,
  type MeshStandardMaterial,
  PlaneGeometry,
  SphereGeometry,
  Vector3,
} from 'three'
import { describe, expect, it } from 'vitest'
import { MODEL_SOURCES } from '../../../scripts/assets/build-models'
import { LIGHT_FLOOR } from '../../../scripts/models/bake-light'
import { SplittableMesh } from '../../../scripts/models/edge-subdivision'
import {
  countTriangles,
  encodeModel,
  inspectModel,
  type MaterialSpec,
  ModelBuilder,
  type ModelOptions,
} from '../../../scripts/models/model-builder'
import { sceneSun } from '../../../scripts/models/scene-sun'
import { sunAt } from '../../../src/platform/environment/sky-light'
import { parseModelInNode } from '../../support/gltf-in-node'

const plaster: MaterialSpec = { name: 'plaster', color: '#d8d8d8' }
const red: MaterialSpec = { name: 'red', color: '#c0392b' }
const green: MaterialSpec = { name: 'green', color: '#2e8b57' }
const glass: MaterialSpec = { name: 'glass', color: '#cfe8f0', opacity: 0.3 }
const lamp: MaterialSpec = { name: 'lamp', color: '#fff2cc', emissive: '#ffe099' }

/**
 * A 3 m wall (x = -0.1..0.1) with a 1 m box against each face. The default sun comes from +X, so
 * Shaded (x < 0) stands in the wall's shadow and Sunlit (x > 0) in the sun; they mirror each other,
 * so their ambient occlusion matches and only the sun tells them apart. Boxes are placed through
 * their part's placement, so the bake must follow the placement chain to see them where they are.
 */
function boxByWall(options: ModelOptions = {}): ModelBuilder {
  const model = new ModelBuilder('bake-sample', options)
  model.part('Wall').add(new BoxGeometry(0.2, 3, 6), plaster, { position: [0, 1.5, 0] })
  model
    .part('Shaded', { position: [-0.6, 0, 0] })
    .add(new BoxGeometry(1, 1, 1), plaster, { position: [0, 0.5, 0] })
  model
    .part('Sunlit', { position: [0.6, 0, 0] })
    .add(new BoxGeometry(1, 1, 1), plaster, { position: [0, 0.5, 0] })
  // Two colours in one part: with vertexColors they share a primitive whose COLOR_0 already holds them.
  const crate = model.part('Crate', { position: [4, 0, 0] })
  crate.add(new BoxGeometry(0.5, 0.5, 0.5), red, { position: [0, 0.25, 0] })
  crate.add(new BoxGeometry(0.5, 0.5, 0.5), green, { position: [0, 0.75, 0] })
  model.part('Pane').add(new PlaneGeometry(1, 1), glass, { position: [4, 2, 0] })
  model.part('Lamp').add(new SphereGeometry(0.1, 8, 6), lamp, { position: [-4, 2, 0] })
  return model
}

interface BakedVertex {
  position: Vector3
  normal: Vector3
  colour: number[]
}

function primitivesOf(document: Document, node: string): Primitive[] {
  return document
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === node)!
    .getMesh()!
    .listPrimitives()
}

/** A node's vertices in model space with their normals and COLOR_0. */
function verticesOf(document: Document, node: string): BakedVertex[] {
  const found = document
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === node)!
  const [tx, ty, tz] = found.getTranslation()
  const out: BakedVertex[] = []
  for (const primitive of found.getMesh()!.listPrimitives()) {
    const positions = primitive.getAttribute('POSITION')!
    const normals = primitive.getAttribute('NORMAL')!
    const colours = primitive.getAttribute('COLOR_0')!
    for (let i = 0; i < positions.getCount(); i++) {
      const [x, y, z] = positions.getElement(i, [] as number[])
      out.push({
        position: new Vector3(x + tx, y + ty, z + tz),
        normal: new Vector3(...normals.getElement(i, [] as number[])),
        colour: colours.getElement(i, [] as number[]),
      })
    }
  }
  return out
}

/** Mean baked light (COLOR_0 red; the plaster parts carry white × light) of the vertices that match. */
function meanLight(vertices: BakedVertex[], where: (v: BakedVertex) => boolean): number {
  const chosen = vertices.filter(where)
  expect(chosen.length, 'vertices matching the filter').toBeGreaterThan(0)
  return chosen.reduce((sum, v) => sum + v.colour[0], 0) / chosen.length
}

const facesUp = (v: BakedVertex) => v.normal.y > 0.9
const facesSideways = (v: BakedVertex) => Math.abs(v.normal.y) < 0.1

describe('light bake', () => {
  it('gives every opaque, not self-lit primitive COLOR_0 and leaves glass and lamps alone', async () => {
    for (const vertexColors of [false, true]) {
      const { document } = await inspectModel(await encodeModel(boxByWall({ vertexColors })))
      for (const node of ['Wall', 'Shaded', 'Sunlit', 'Crate']) {
        for (const primitive of primitivesOf(document, node)) {
          expect(primitive.getMaterial()!.getAlphaMode(), node).toBe('OPAQUE')
          expect(primitive.getAttribute('COLOR_0'), `${node} (vertexColors ${vertexColors})`).not.toBeNull()
        }
      }
      expect(primitivesOf(document, 'Pane')[0].getAttribute('COLOR_0')).toBeNull()
      expect(primitivesOf(document, 'Lamp')[0].getAttribute('COLOR_0')).toBeNull()
    }
  })

  it('darkens the foot of a box and its corner with the wall, against its open top', async () => {
    const { document } = await inspectModel(await encodeModel(boxByWall()))
    const box = verticesOf(document, 'Sunlit')
    const openTop = meanLight(box, (v) => facesUp(v) && v.position.x > 0.9)
    const foot = meanLight(box, (v) => facesSideways(v) && v.position.y < 0.05 && v.position.x > 0.15)
    const byWall = meanLight(box, (v) => facesUp(v) && v.position.x < 0.15)
    expect(openTop).toBeGreaterThan(0.9)
    expect(foot).toBeLessThan(openTop - 0.15)
    expect(byWall).toBeLessThan(openTop - 0.1)
    for (const v of box) expect(v.colour[0]).toBeGreaterThanOrEqual(LIGHT_FLOOR - 1e-3)
  })

  it("darkens the box in the wall's shadow against its mirror image in the sun", async () => {
    const { document } = await inspectModel(await encodeModel(boxByWall()))
    // Same distances from the wall on both sides, so only the sun differs.
    const band = (v: BakedVertex) =>
      facesUp(v) && Math.abs(v.position.x) > 0.3 && Math.abs(v.position.x) < 0.9
    const inShadow = meanLight(verticesOf(document, 'Shaded'), band)
    const inSun = meanLight(verticesOf(document, 'Sunlit'), band)
    expect(inShadow).toBeLessThan(inSun - 0.2)
    // Faces turned away from the sun are not darkened twice: the runtime's n·l already dims them.
    const awayFromSun = (v: BakedVertex) => v.normal.x < -0.9 && v.position.y > 0.4
    expect(meanLight(verticesOf(document, 'Shaded'), awayFromSun)).toBeGreaterThan(0.8)
  })

  it('multiplies the light into vertex colours a part already has', async () => {
    const { document } = await inspectModel(await encodeModel(boxByWall({ vertexColors: true })))
    const crate = verticesOf(document, 'Crate')
    const redBase = new Color(red.color).toArray()
    const reds = crate.filter((v) => v.position.y < 0.45)
    for (const v of reds) {
      // Every channel scaled by the same light: the colour keeps its hue, only darker or equal.
      const light = v.colour[0] / redBase[0]
      expect(light).toBeLessThanOrEqual(1 + 1e-3)
      expect(light).toBeGreaterThanOrEqual(LIGHT_FLOOR - 1e-3)
      expect(v.colour[1]).toBeCloseTo(redBase[1] * light, 3)
    }
    expect(Math.min(...reds.map((v) => v.colour[0] / redBase[0]))).toBeLessThan(0.8)
  })

  it('is reproducible byte for byte', async () => {
    const a = await encodeModel(boxByWall({ vertexColors: true }))
    const b = await encodeModel(boxByWall({ vertexColors: true }))
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('subdivides large faces for the gradient, and can be turned off', async () => {
    const authored = countTriangles(boxByWall())
    const baked = await inspectModel(await encodeModel(boxByWall()))
    expect(baked.triangles).toBeGreaterThan(authored * 4)
    const plain = await inspectModel(await encodeModel(boxByWall({ bakeLight: false })))
    expect(plain.triangles).toBe(authored)
    expect(primitivesOf(plain.document, 'Wall')[0].getAttribute('COLOR_0')).toBeNull()
  })

  it('keeps the budget: subdivision stops at maxTriangles', async () => {
    const model = boxByWall({ bakeLight: { maxTriangles: 400 } })
    const authored = countTriangles(model)
    const { triangles } = await inspectModel(await encodeModel(model))
    expect(triangles).toBeGreaterThan(authored)
    expect(triangles).toBeLessThanOrEqual(400)
  })

  it('turns on vertex colours in three.js GLTFLoader, as the app loads it', async () => {
    const bytes = await encodeModel(boxByWall())
    const gltf = await parseModelInNode(bytes)
    const wall = gltf.scene.getObjectByName('Wall') as Mesh
    expect((wall.material as MeshStandardMaterial).vertexColors).toBe(true)
  })

  it('rejects a moving part that the model does not have', async () => {
    await expect(encodeModel(boxByWall({ bakeLight: { movingParts: ['Arm'] } }))).rejects.toThrow(/Arm/)
  })
})

describe('scene sun', () => {
  it("bakes each scene's models under the sun its lighting places", () => {
    for (const { scene } of MODEL_SOURCES) {
      const folder = scene.split('/')[1]
      const { environment } = JSON.parse(readFileSync(scene, 'utf8'))
      const position: number[] | undefined = environment.lights.sun.position
      const expected = position
        ? new Vector3(...position).normalize()
        : sunAt(environment.timeOfDay ?? 14).direction
      const sun = new Vector3(...sceneSun(folder))
      expect(sun.distanceTo(expected), folder).toBeLessThan(1e-9)
      expect(sun.y, folder).toBeGreaterThan(0)
    }
  })
})

describe('edge subdivision', () => {
  it('splits every edge to the limit and leaves no T-junctions', () => {
    const mesh = SplittableMesh.from(new PlaneGeometry(4, 2))
    mesh.splitLongEdges(0.6)
    const { index } = mesh
    const edges = new Map<string, number>()
    for (let t = 0; t < index.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const [a, b] = [index[t + e], index[t + ((e + 1) % 3)]]
        expect(Math.sqrt(mesh.distanceSq(a, b))).toBeLessThanOrEqual(0.6 + 1e-9)
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`
        edges.set(key, (edges.get(key) ?? 0) + 1)
      }
    }
    // An edge used by one triangle only must lie on the plane's outline; inside, every edge is shared.
    const p = mesh.positions
    for (const [key, uses] of edges) {
      const [a, b] = key.split('-').map(Number)
      const onOutline =
        (Math.abs(Math.abs(p[a * 3]) - 2) < 1e-6 && p[a * 3] === p[b * 3]) ||
        (Math.abs(Math.abs(p[a * 3 + 1]) - 1) < 1e-6 && p[a * 3 + 1] === p[b * 3 + 1])
      expect(uses === 2 || (uses === 1 && onOutline), `edge ${key} used ${uses}x`).toBe(true)
    }
    // The split keeps the surface: total area stays 4 x 2.
    let area = 0
    for (let t = 0; t < index.length; t += 3) {
      const [a, b, c] = [index[t], index[t + 1], index[t + 2]].map((i) => new Vector3().fromArray(p, i * 3))
      area += b.clone().sub(a).cross(c.clone().sub(a)).length() / 2
    }
    expect(area).toBeCloseTo(8, 6)
  })
})
