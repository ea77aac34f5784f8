// The model builder writes meshopt-compressed glTF that reads back with names, transforms and
// triangle counts intact, through both glTF-Transform and three's own GLTFLoader (as the app loads it).
import { PNG } from 'pngjs'
import {
  BoxGeometry,
  Color,
  CylinderGeometry,
  type Mesh,
  type MeshStandardMaterial,
  type Object3D,
} from 'three'
import { describe, expect, it } from 'vitest'
import { MODEL_BYTE_LIMIT, MODEL_SOURCES } from '../../../scripts/assets/build-models'
import {
  countTriangles,
  encodeModel,
  inspectModel,
  ModelBuilder,
} from '../../../scripts/models/model-builder'
import { parseModelInNode } from '../../support/gltf-in-node'

const red = { name: 'red', color: '#c0392b' }
const blue = { name: 'blue', color: '#2244ff', opacity: 0.5 }

// Box: 6 faces x 2 = 12 triangles. Cylinder with 8 radial segments, 1 height segment and caps:
// 16 side + 8 top + 8 bottom = 32 triangles. Unbaked, so the file keeps exactly the authored
// triangles (the light bake subdivides; model-light-bake.test.ts covers it).
function sampleModel(): ModelBuilder {
  const model = new ModelBuilder('sample', { bakeLight: false })
  model.add(new BoxGeometry(1, 1, 1), red)
  model.add(new CylinderGeometry(0.2, 0.2, 2, 8, 1), red, { position: [0, 1.5, 0] })
  model
    .part('Arm', { position: [0.5, 1.4, 0], rotation: [0, 0, 0.3] })
    .add(new BoxGeometry(0.1, 0.5, 0.1), blue)
  return model
}

async function loadWithThree(bytes: Uint8Array): Promise<Object3D> {
  return (await parseModelInNode(bytes)).scene
}

function threeTriangles(root: Object3D): number {
  let total = 0
  root.traverse((o) => {
    const mesh = o as Mesh
    if (mesh.isMesh) total += (mesh.geometry.index?.count ?? mesh.geometry.attributes.position.count) / 3
  })
  return total
}

describe('model builder', () => {
  it('writes a meshopt-compressed glb that reads back with names, transforms and triangles', async () => {
    const model = sampleModel()
    expect(countTriangles(model)).toBe(12 + 32 + 12)
    const bytes = await encodeModel(model)
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF')

    const stats = await inspectModel(bytes)
    const used = stats.document
      .getRoot()
      .listExtensionsUsed()
      .map((e) => e.extensionName)
    expect(used).toContain('EXT_meshopt_compression')
    expect(used).toContain('KHR_mesh_quantization')
    expect(stats.nodes).toEqual(['sample', 'Arm'])
    expect(stats.triangles).toBe(56)
    // Box and cylinder share the "red" material, so they merge into one primitive (one draw call).
    expect(stats.primitives).toBe(2)

    const arm = stats.document
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === 'Arm')!
    // Positions are not quantised, so node transforms stay exactly as authored (code animates them).
    expect(arm.getTranslation()).toEqual([0.5, 1.4, 0])
    expect(arm.getScale()).toEqual([1, 1, 1])
    expect(arm.getMesh()!.listPrimitives()[0].getMaterial()!.getAlphaMode()).toBe('BLEND')
  })

  it('loads in three.js GLTFLoader with MeshoptDecoder, as the app does', async () => {
    const scene = await loadWithThree(await encodeModel(sampleModel()))
    const arm = scene.getObjectByName('Arm')!
    expect(arm).toBeDefined()
    expect(arm.position.toArray()).toEqual([0.5, 1.4, 0])
    expect(arm.rotation.z).toBeCloseTo(0.3, 5)
    expect(threeTriangles(scene)).toBe(56)
  })

  it("merges a part's opaque colours into one vertex-coloured primitive when asked", async () => {
    // Unbaked, so COLOR_0 holds exactly the base colours.
    const model = new ModelBuilder('coloured', { vertexColors: true, bakeLight: false })
    const green = { name: 'green', color: '#00ff00' }
    model.add(new BoxGeometry(1, 1, 1), red).add(new BoxGeometry(1, 1, 1), green, { position: [0, 1, 0] })
    model.add(new BoxGeometry(1, 1, 1), blue, { position: [0, 2, 0] }) // transparent: stays apart
    model.part('Body').add(new BoxGeometry(1, 1, 1), red) // one material: keeps it, no COLOR_0
    const stats = await inspectModel(await encodeModel(model))
    const primitives = (name: string) =>
      stats.document
        .getRoot()
        .listNodes()
        .find((n) => n.getName() === name)!
        .getMesh()!
        .listPrimitives()
    const root = primitives('coloured')
    expect(root).toHaveLength(2)
    const painted = root.find((p) => p.getAttribute('COLOR_0'))!
    expect(painted.getMaterial()!.getName()).toBe('vertex-colour-matte')
    expect(
      root
        .find((p) => !p.getAttribute('COLOR_0'))!
        .getMaterial()!
        .getName(),
    ).toBe('blue')
    const [body] = primitives('Body')
    expect(body.getAttribute('COLOR_0')).toBeNull()
    expect(body.getMaterial()!.getName()).toBe('red')
    // Both colours survive in the vertex data as linear RGB (16-bit normalised, so 3 decimals hold).
    const colours = painted.getAttribute('COLOR_0')!
    const seen = new Set<string>()
    for (let i = 0; i < colours.getCount(); i++) {
      seen.add(
        colours
          .getElement(i, [] as number[])
          .map((v) => v.toFixed(3))
          .join(','),
      )
    }
    const linear = (hex: string) =>
      new Color(hex)
        .toArray()
        .map((v) => v.toFixed(3))
        .join(',')
    expect([...seen].sort()).toEqual([linear('#00ff00'), linear('#c0392b')].sort())
  })

  it("draws a part's metal and gloss as one primitive, each with its own roughness and metalness", async () => {
    const steel = { name: 'steel', color: '#888888', metalness: 0.7, roughness: 0.4 }
    const glass = { name: 'glass-dark', color: '#2b4a66', metalness: 0.3, roughness: 0.15 }
    const wall = { name: 'wall', color: '#dddddd', roughness: 0.7 }
    const model = new ModelBuilder('glazed', { vertexColors: true, bakeLight: false })
    model.add(new BoxGeometry(1, 1, 1), steel)
    model.add(new BoxGeometry(1, 1, 1), glass, { position: [2, 0, 0] })
    model.add(new BoxGeometry(1, 1, 1), wall, { position: [4, 0, 0] })
    const bytes = await encodeModel(model)
    const stats = await inspectModel(bytes)
    // The matte wall keeps its own primitive: it would sample the reflection map on every pixel.
    expect(stats.primitives).toBe(2)
    // As three loads it: the reflective primitive reads roughness and metalness from its palette through
    // its second UV set, and each box's vertices point at its own material's texel.
    const root = await loadWithThree(bytes)
    const meshes: Mesh[] = []
    root.traverse((o) => {
      if ((o as Mesh).isMesh) meshes.push(o as Mesh)
    })
    const reflective = meshes.find((m) => (m.material as MeshStandardMaterial).roughnessMap)!
    const material = reflective.material as MeshStandardMaterial
    expect(material.metalnessMap!.source).toBe(material.roughnessMap!.source)
    expect([material.roughnessMap!.channel, material.metalnessMap!.channel]).toEqual([1, 1])
    expect([material.roughness, material.metalness]).toEqual([1, 1])
    // Node decodes no images: the palette's texels are read from the file itself.
    const file = stats.document
      .getRoot()
      .listMaterials()
      .map((m) => m.getMetallicRoughnessTexture())
      .find((t) => t !== null)!
    const image = PNG.sync.read(Buffer.from(file.getImage()!))
    // Its name lists the texels (three's loader names a texture after its image): what lets the page share one
    // palette look between files (shared-materials.ts).
    expect(file.getName()).toBe('palette 0.4/0.7,0.15/0.3')
    const { position, uv1 } = reflective.geometry.attributes
    const lookAt = (x: number) => {
      const i = [...Array(position.count).keys()].find((v) => Math.abs(position.getX(v) - x) < 0.6)!
      const texel = Math.floor(uv1.getX(i) * image.width) * 4
      return [image.data[texel + 1] / 255, image.data[texel + 2] / 255].map((v) => Number(v.toFixed(2)))
    }
    expect(lookAt(0)).toEqual([0.4, 0.7])
    expect(lookAt(2)).toEqual([0.15, 0.3])
  })

  it('folds the parts it does not keep into the root, placed, one primitive per surface class', async () => {
    const green = { name: 'green', color: '#00ff00' }
    const steel = { name: 'steel', color: '#888888', metalness: 0.7 }
    const model = new ModelBuilder('folded', { vertexColors: true, bakeLight: false, keepParts: ['Body'] })
    model.part('Body').add(new BoxGeometry(1, 1, 1), red)
    const roof = model.part('Roof', { position: [0, 2, 0] })
    roof.add(new BoxGeometry(1, 1, 1), green)
    roof.part('Vent', { position: [3, 0, 0] }).add(new BoxGeometry(1, 1, 1), steel)
    model.part('Door').add(new BoxGeometry(1, 1, 1), red, { position: [0, 0, 5] })
    const stats = await inspectModel(await encodeModel(model))
    expect(stats.nodes).toEqual(['folded', 'Body'])
    const root = stats.document.getRoot().listNodes()[0].getMesh()!.listPrimitives()
    // Green and red matte surfaces share a vertex-coloured primitive; the steel, alone in the metal
    // class, keeps its own material.
    expect(root.map((p) => p.getMaterial()!.getName()).sort()).toEqual(['steel', 'vertex-colour-matte'])
    // Each folded part's placement (the vent's through its parent's) is baked into the positions.
    const bounds = (name: string) => {
      const p = root.find((q) => q.getMaterial()!.getName() === name)!.getAttribute('POSITION')!
      return [p.getMin([] as number[]), p.getMax([] as number[])]
    }
    expect(bounds('steel')).toEqual([
      [2.5, 1.5, -0.5],
      [3.5, 2.5, 0.5],
    ])
    expect(bounds('vertex-colour-matte')).toEqual([
      [-0.5, -0.5, -0.5],
      [0.5, 2.5, 5.5],
    ])
    const missing = new ModelBuilder('m', { bakeLight: false, keepParts: ['Body'] })
    missing.part('Roof').add(new BoxGeometry(1, 1, 1), red)
    await expect(encodeModel(missing)).rejects.toThrow(/no parts named Body/)
  })

  it('is reproducible: the same recipe gives the same bytes', async () => {
    const a = await encodeModel(sampleModel())
    const b = await encodeModel(sampleModel())
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })
})

const recipes = MODEL_SOURCES.flatMap((s) => s.recipes)

async function built(file: string): Promise<Object3D> {
  const recipe = recipes.find((r) => r.file === file)
  if (!recipe) throw new Error(`no recipe for ${file}`)
  return loadWithThree(await encodeModel(recipe.build()))
}

describe('scene models', () => {
  // Builds and bakes all 21 models: 10 s alone, three times that beside the other unit workers.
  it('builds every model small and low-poly', async () => {
    expect(recipes.length).toBeGreaterThanOrEqual(18)
    for (const recipe of recipes) {
      const stats = await inspectModel(await encodeModel(recipe.build()))
      expect(stats.bytes, recipe.file).toBeLessThan(MODEL_BYTE_LIMIT)
      expect(stats.triangles, recipe.file).toBeGreaterThan(0)
      expect(stats.triangles, recipe.file).toBeLessThan(20_000)
    }
  }, 120_000)

  const buildings = [
    'park-office.glb',
    'park-factory.glb',
    'park-warehouse.glb',
    'park-datacenter.glb',
    'park-energy-station.glb',
    'park-ev-charger.glb',
  ]

  it('gives every park building one single-material Body mesh the twin can recolour', async () => {
    for (const file of buildings) {
      const scene = await built(file)
      const bodies: Object3D[] = []
      scene.traverse((o) => {
        if (o.name === 'Body') bodies.push(o)
      })
      expect(bodies, file).toHaveLength(1)
      expect((bodies[0] as Mesh).isMesh, file).toBe(true)
    }
  })

  it('draws each park building as its Body, its matte surfaces and its reflective ones, whatever its parts', async () => {
    for (const file of buildings.slice(0, 5)) {
      const recipe = recipes.find((r) => r.file === file)!
      const stats = await inspectModel(await encodeModel(recipe.build()))
      expect(stats.nodes.slice(1), file).toEqual(['Body'])
      // Body, then at most a matte primitive and one for the metal and the gloss together.
      expect(stats.primitives, file).toBeLessThanOrEqual(3)
      // Glazed buildings keep their glass glossy (its own texel of the palette), not the brushed metal's 0.4.
      if (file === 'park-office.glb' || file === 'park-factory.glb') {
        const palette = stats.document
          .getRoot()
          .listMaterials()
          .map((m) => m.getMetallicRoughnessTexture())
          .find((t) => t !== null)
        expect(palette, file).toBeDefined()
        const texels = PNG.sync.read(Buffer.from(palette!.getImage()!))
        const roughness = [...texels.data].filter((_, i) => i % 4 === 1).map((g) => g / 255)
        expect(Math.min(...roughness), file).toBeLessThanOrEqual(0.2)
        expect(Math.max(...roughness), file).toBeGreaterThanOrEqual(0.35)
      }
    }
  })

  it('names each planet of the orrery under an orbit pivot at the sun', async () => {
    const orrery = await built('lab-solar-system.glb')
    for (const planet of ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']) {
      const node = orrery.getObjectByName(`Planet-${planet}`)
      expect(node, planet).toBeDefined()
      expect(node!.parent!.name).toBe(`Orbit-${planet}`)
      expect(node!.parent!.position.length()).toBe(0)
    }
  })
})
