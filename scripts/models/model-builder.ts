// Turns three.js BufferGeometries into small, meshopt-compressed glTF binaries with named nodes.
// Geometry added to one part is merged per material (with vertex colours: the matte class, and the metal and
// gloss classes together with a roughness-metalness palette), so each part costs a draw call per material or
// group; parts the app does not address fold into the root (`keepParts`).
// Every opaque surface carries baked ambient occlusion and sun shadow in COLOR_0 (bake-light.ts).
// Over 300 lines on purpose: the part builder, the per-material merge and the glTF writer share one material table.
import {
  Document,
  Logger,
  type Material,
  type Node,
  NodeIO,
  type Texture,
  TextureInfo,
} from '@gltf-transform/core'
import { EXTMeshoptCompression, KHRMeshQuantization, KHRTextureBasisu } from '@gltf-transform/extensions'
import { quantize, reorder, resample } from '@gltf-transform/functions'
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer'
import { PNG } from 'pngjs'
import { BufferAttribute, type BufferGeometry, Color, Euler, Matrix4, Quaternion, Vector3 } from 'three'
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { BAKED_LIGHT_EXTRAS, isSelfLit } from '../../src/shared/baked-light'
import { paletteTextureName } from '../../src/shared/model-palette'
import { surfaceTextureKtx2 } from '../textures/ktx2'
import { surfaceTexture, TEXTURE_NAMES, type TextureName } from '../textures/surface-textures'
import {
  type BakedSurface,
  type BakeLightOptions,
  type BakeSurface,
  bakeLight,
  DEFAULT_SUN,
} from './bake-light'
import { boxProjectUVs, compensate, flatUVs, type TextureSpec } from './model-textures'

export type Vec3 = [number, number, number]

/** A PBR material; parts sharing a material name share one glTF material. */
export interface MaterialSpec {
  /** Unique name; also the key geometry is merged by. */
  name: string
  /** sRGB hex colour such as '#c0392b'. */
  color: string
  /** Default 0. */
  metalness?: number
  /** Default 0.8. */
  roughness?: number
  /** sRGB hex emissive colour; default none. */
  emissive?: string
  /** 0..1; below 1 the material is alpha-blended (glass). Default 1. */
  opacity?: number
  /** Render both faces (thin planes such as glass or solar panels). Default false. */
  doubleSided?: boolean
  /** A generated tileable texture multiplying the colour (box-projected UVs); default none. */
  texture?: TextureSpec
}

/** Placement of a geometry or part relative to its parent part. Rotation is Euler XYZ in radians. */
export interface Placement {
  position?: Vec3
  rotation?: Vec3
  scale?: Vec3 | number
}

interface GeometryEntry {
  geometry: BufferGeometry
  material: MaterialSpec
}

/** One named node of the model. Geometry added here is baked in the part's local space. */
export class ModelPart {
  readonly children: ModelPart[] = []
  readonly entries: GeometryEntry[] = []

  constructor(
    readonly name: string,
    readonly placement: Placement = {},
  ) {}

  /** Adds a geometry (consumed: it is transformed in place) with a material, placed in this part's space. */
  add(geometry: BufferGeometry, material: MaterialSpec, placement: Placement = {}): this {
    geometry.applyMatrix4(placementMatrix(placement))
    this.entries.push({ geometry, material })
    return this
  }

  /** Creates a named child node (a pivot code can move, rotate or scale). */
  part(name: string, placement: Placement = {}): ModelPart {
    const child = new ModelPart(name, placement)
    this.children.push(child)
    return child
  }
}

/** A whole model: its root node carries the model name. */
export interface ModelOptions {
  /**
   * Merge a part's opaque materials into vertex-coloured primitives: one for the matte class and one for the
   * metal and gloss classes (each class's roughness and metalness in a palette read through TEXCOORD_1), so a
   * multi-coloured part costs one or two draw calls instead of one per colour. Within a class, several
   * materials share the class defaults; emissive and two-sided ones keep a primitive of their class. Default false.
   */
  vertexColors?: boolean
  /**
   * Bake ambient occlusion and the sun's soft shadow into COLOR_0 of every opaque, not self-lit
   * surface (scripts/models/bake-light.ts): false to skip, or tuning for this model. Default true.
   */
  bakeLight?: boolean | BakeLightOptions
  /** Direction toward the sun for the bake, in model space (any length). Default [10, 20, 8]; scene scripts pass their scene's sun. */
  sun?: Vec3
  /**
   * Parts the app addresses by name (a tinted `Body`, an animated pivot): only these stay nodes of their
   * own. Every other part is folded into the root, its placement baked into its geometry, and merged with
   * the root's surfaces by class, so a static model costs a draw per surface class instead of per part.
   * Kept parts must be children of the root. Default: every part stays a node.
   */
  keepParts?: readonly string[]
}

/** What the root node holds once `keepParts` has folded the other parts into it. */
interface FoldedRoot {
  entries: GeometryEntry[]
  children: ModelPart[]
}

/**
 * With `keepParts`: the root's own entries plus every entry of the parts not kept, their baked geometry
 * moved into model space by the matrix the bake placed it with; only the kept parts remain children.
 */
function foldParts(model: ModelBuilder, prepared: Map<GeometryEntry, PreparedEntry>): FoldedRoot | null {
  const keep = model.options.keepParts
  if (!keep) return null
  const children = model.root.children.filter((c) => keep.includes(c.name))
  const missing = keep.filter((name) => !children.some((c) => c.name === name))
  if (missing.length > 0) throw new Error(`model ${model.name}: no parts named ${missing.join(', ')} to keep`)
  const entries = [...model.root.entries]
  const fold = (part: ModelPart): void => {
    if (keep.includes(part.name))
      throw new Error(`model ${model.name}: kept part ${part.name} must be a child of the root`)
    for (const entry of part.entries) {
      const { geometry, matrix } = prepared.get(entry)!
      geometry.applyMatrix4(matrix)
      entries.push(entry)
    }
    for (const child of part.children) fold(child)
  }
  for (const child of model.root.children) if (!children.includes(child)) fold(child)
  return { entries, children }
}

/** Surface used for merged vertex-coloured primitives; colour comes from COLOR_0. */
const VERTEX_COLOUR_SURFACES = {
  matte: { name: 'vertex-colour-matte', color: '#ffffff', metalness: 0, roughness: 0.75 },
  metal: { name: 'vertex-colour-metal', color: '#ffffff', metalness: 0.6, roughness: 0.35 },
  // Glazing and polished metal: merged with brushed metal they would lose the sky's sharp reflection.
  gloss: { name: 'vertex-colour-gloss', color: '#ffffff', metalness: 0.3, roughness: 0.15 },
} as const satisfies Record<string, MaterialSpec>

type SurfaceClass = keyof typeof VERTEX_COLOUR_SURFACES

export class ModelBuilder {
  readonly root: ModelPart

  constructor(
    readonly name: string,
    readonly options: ModelOptions = {},
  ) {
    this.root = new ModelPart(name)
  }

  add(geometry: BufferGeometry, material: MaterialSpec, placement: Placement = {}): this {
    this.root.add(geometry, material, placement)
    return this
  }

  part(name: string, placement: Placement = {}): ModelPart {
    return this.root.part(name, placement)
  }
}

/** Facts about a written model, reported by the build and checked by tests. */
export interface ModelStats {
  bytes: number
  triangles: number
  /** Primitives = draw calls when the model is rendered once. */
  primitives: number
  nodes: string[]
}

export function placementMatrix(placement: Placement): Matrix4 {
  const [px, py, pz] = placement.position ?? [0, 0, 0]
  const [rx, ry, rz] = placement.rotation ?? [0, 0, 0]
  const s = placement.scale ?? 1
  const scale = typeof s === 'number' ? new Vector3(s, s, s) : new Vector3(...s)
  return new Matrix4().compose(
    new Vector3(px, py, pz),
    new Quaternion().setFromEuler(new Euler(rx, ry, rz)),
    scale,
  )
}

/** Brings a geometry to the shared layout mergeGeometries needs: indexed, position + normal only. */
function normaliseGeometry(geometry: BufferGeometry): BufferGeometry {
  for (const name of Object.keys(geometry.attributes)) {
    if (name !== 'position' && name !== 'normal') geometry.deleteAttribute(name)
  }
  geometry.morphAttributes = {}
  if (!geometry.getAttribute('normal')) geometry.computeVertexNormals()
  if (!geometry.getIndex()) {
    const count = geometry.getAttribute('position').count
    const index = new Uint32Array(count)
    for (let i = 0; i < count; i++) index[i] = i
    geometry.setIndex(new BufferAttribute(index, 1))
  }
  geometry.clearGroups()
  return geometry
}

function surfaceClassOf(material: MaterialSpec): SurfaceClass {
  return (material.metalness ?? 0) < 0.3 ? 'matte' : (material.roughness ?? 0.8) <= 0.2 ? 'gloss' : 'metal'
}

/** The group of a part's metal and gloss surfaces: one primitive, each class's look read from a palette. */
const REFLECTIVE = 'vertex-colours:reflective'

/**
 * Which primitive a material's geometry joins: its own, or its part's shared vertex-colour one. Metal and
 * gloss share one (REFLECTIVE): both take the scene's reflection map, so together they cost no more fill,
 * and a building's glazing and fittings are one draw instead of two. A matte surface never joins them: it
 * would sample the reflection map on every pixel (see src/platform/environment/reflections.ts).
 */
function groupKey(material: MaterialSpec, options: ModelOptions): string {
  if (!options.vertexColors || (material.opacity ?? 1) < 1) return material.name
  const surface = surfaceClassOf(material)
  // The palette carries roughness and metalness only: a lit or two-sided surface keeps its class's primitive.
  if (surface === 'matte' || material.emissive || material.doubleSided) return `vertex-colours:${surface}`
  return REFLECTIVE
}

/** A palette texel: the roughness and metalness a class of a merged group is drawn with. */
interface PaletteTexel {
  roughness: number
  metalness: number
}

/**
 * Each surface class in a REFLECTIVE group and its look, as its own primitive had it: the class's defaults
 * when it merged several materials, or its one material's own values. Null when the group holds one class
 * (it is then drawn as that class, without a palette).
 */
function reflectivePalette(entries: GeometryEntry[]): Map<SurfaceClass, PaletteTexel> | null {
  const byClass = new Map<SurfaceClass, Set<MaterialSpec>>()
  for (const { material } of entries) {
    const surface = surfaceClassOf(material)
    byClass.set(surface, (byClass.get(surface) ?? new Set()).add(material))
  }
  if (byClass.size < 2) return null
  const texels = new Map<SurfaceClass, PaletteTexel>()
  for (const [surface, materials] of byClass) {
    const names = new Set([...materials].map((m) => m.name))
    const look: MaterialSpec = names.size > 1 ? VERTEX_COLOUR_SURFACES[surface] : [...materials][0]
    texels.set(surface, { roughness: look.roughness ?? 0.8, metalness: look.metalness ?? 0 })
  }
  return texels
}

/** The palette as a glTF metallic-roughness image, one texel per class: roughness in G, metalness in B. */
function paletteImage(texels: PaletteTexel[]): Uint8Array {
  const data = new Uint8Array(texels.length * 4)
  texels.forEach(({ roughness, metalness }, i) => {
    data.set([0, Math.round(roughness * 255), Math.round(metalness * 255), 255], i * 4)
  })
  return new Uint8Array(PNG.sync.write({ width: texels.length, height: 1, data }))
}

/** Points every vertex of `geometry` at texel `index` of a `count`-texel palette (TEXCOORD_1). */
function setPaletteUV(geometry: BufferGeometry, index: number, count: number): void {
  const vertices = geometry.getAttribute('position').count
  const uv = new Float32Array(vertices * 2)
  for (let i = 0; i < vertices; i++) uv.set([(index + 0.5) / count, 0.5], i * 2)
  geometry.setAttribute('uv1', new BufferAttribute(uv, 2))
}

/** Sets COLOR_0 source data: the linear base colour (white when the material carries it), times baked light. */
function paintVertices(geometry: BufferGeometry, color: Vec3 | null, light: Float32Array | null): void {
  const [r, g, b] = color ?? [1, 1, 1]
  const count = geometry.getAttribute('position').count
  const colours = new Float32Array(count * 3)
  for (let i = 0; i < count; i++) {
    const shade = light ? light[i] : 1
    colours.set([r * shade, g * shade, b * shade], i * 3)
  }
  geometry.setAttribute('color', new BufferAttribute(colours, 3))
}

/** Lit mostly by itself (an orrery's sun, a lit panel): baked shade would only dim it. */
function isSelfLitSpec(material: MaterialSpec): boolean {
  return isSelfLit(material.emissive === undefined ? undefined : linearColor(material.emissive))
}

/** A baked surface and the model-space matrix of the part it belongs to. */
type PreparedEntry = BakedSurface & { matrix: Matrix4 }

/**
 * Normalises every entry's geometry and, unless the model opts out, bakes light into it with all
 * parts placed in model space (animated nodes in their rest pose).
 */
function prepareEntries(model: ModelBuilder): Map<GeometryEntry, PreparedEntry> {
  const { bakeLight: bake = true, sun = DEFAULT_SUN } = model.options
  const moving = (typeof bake === 'object' && bake.movingParts) || []
  const entries: GeometryEntry[] = []
  const surfaces: BakeSurface[] = []
  const found = new Set<string>()
  const visit = (part: ModelPart, parent: Matrix4, group: number): void => {
    const matrix = parent.clone().multiply(placementMatrix(part.placement))
    const own = moving.indexOf(part.name) + 1
    if (own > 0) found.add(part.name)
    for (const entry of part.entries) {
      const opaque = (entry.material.opacity ?? 1) >= 1
      entries.push(entry)
      surfaces.push({
        geometry: normaliseGeometry(entry.geometry),
        matrix,
        occluder: opaque,
        receiver: opaque && !isSelfLitSpec(entry.material),
        group: own || group,
      })
    }
    for (const child of part.children) visit(child, matrix, own || group)
  }
  visit(model.root, new Matrix4(), 0)
  const unknown = moving.filter((name) => !found.has(name))
  if (unknown.length > 0)
    throw new Error(`model ${model.name}: no nodes named ${unknown.join(', ')} to bake as moving`)
  const baked: BakedSurface[] =
    bake === false
      ? surfaces.map((s) => ({ geometry: s.geometry, light: null }))
      : bakeLight(surfaces, sun, bake === true ? {} : bake)
  return new Map(entries.map((entry, i) => [entry, { ...baked[i], matrix: surfaces[i].matrix }]))
}

/** The texture a merged primitive shows: the one covering most of its triangles, or null. */
function groupTexture(entries: GeometryEntry[]): TextureSpec | null {
  const area = new Map<string, { spec: TextureSpec; triangles: number }>()
  for (const { material, geometry } of entries) {
    if (!material.texture) continue
    const triangles = (geometry.index?.count ?? geometry.getAttribute('position').count) / 3
    const known = area.get(material.texture.name) ?? { spec: material.texture, triangles: 0 }
    known.triangles += triangles
    area.set(material.texture.name, known)
  }
  let best: { spec: TextureSpec; triangles: number } | null = null
  for (const candidate of area.values()) if (!best || candidate.triangles > best.triangles) best = candidate
  return best?.spec ?? null
}

function linearColor(hex: string): Vec3 {
  const c = new Color(hex) // three converts sRGB hex to linear working colour space
  return [c.r, c.g, c.b]
}

/** Builds the glTF Document (uncompressed) for a model. Exposed for tests and tooling. */
export function buildModelDocument(model: ModelBuilder): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN))
  const buffer = doc.createBuffer()
  const scene = doc.createScene('Scene')
  const materials = new Map<string, Material>()

  const textures = new Map<string, Texture>()
  const textureFor = (name: TextureSpec['name']): Texture => {
    const known = textures.get(name)
    if (known) return known
    const texture = doc.createTexture(name).setImage(surfaceTexture(name).png).setMimeType('image/png')
    textures.set(name, texture)
    return texture
  }

  const materialFor = (spec: MaterialSpec): Material => {
    const known = materials.get(spec.name)
    if (known) return known
    const opacity = spec.opacity ?? 1
    // Vertex-colour surfaces are white: their vertices carry the compensated colour instead.
    const base =
      spec.texture && spec.color !== '#ffffff'
        ? compensate(linearColor(spec.color), spec.texture.name, true)
        : linearColor(spec.color)
    const material = doc
      .createMaterial(spec.name)
      .setBaseColorFactor([...base, opacity])
      .setMetallicFactor(spec.metalness ?? 0)
      .setRoughnessFactor(spec.roughness ?? 0.8)
      .setDoubleSided(spec.doubleSided ?? false)
      .setAlphaMode(opacity < 1 ? 'BLEND' : 'OPAQUE')
    if (spec.emissive) material.setEmissiveFactor(linearColor(spec.emissive))
    if (spec.texture) {
      // Repeat wrapping and trilinear mipmaps (glTF's defaults, stated so every loader agrees).
      material
        .setBaseColorTexture(textureFor(spec.texture.name))
        .getBaseColorTextureInfo()!
        .setWrapS(TextureInfo.WrapMode.REPEAT)
        .setWrapT(TextureInfo.WrapMode.REPEAT)
        .setMinFilter(TextureInfo.MinFilter.LINEAR_MIPMAP_LINEAR)
        .setMagFilter(TextureInfo.MagFilter.LINEAR)
    }
    materials.set(spec.name, material)
    return material
  }

  /**
   * A merged group's material: white (its vertices carry the colours), its roughness and metalness read per
   * vertex from a palette image through TEXCOORD_1, sampled at texel centres (nearest, no mipmaps).
   */
  const paletteMaterialFor = (spec: MaterialSpec, texels: PaletteTexel[]): Material => {
    const imageName = paletteTextureName(texels)
    const name = `${spec.name} ${imageName}`
    const known = materials.get(name)
    if (known) return known
    const image = doc.createTexture(imageName).setImage(paletteImage(texels)).setMimeType('image/png')
    const material = materialFor({ ...spec, name, metalness: 1, roughness: 1 })
    material
      .setMetallicRoughnessTexture(image)
      .getMetallicRoughnessTextureInfo()!
      .setTexCoord(1)
      .setWrapS(TextureInfo.WrapMode.CLAMP_TO_EDGE)
      .setWrapT(TextureInfo.WrapMode.CLAMP_TO_EDGE)
      .setMinFilter(TextureInfo.MinFilter.NEAREST)
      .setMagFilter(TextureInfo.MagFilter.NEAREST)
    return material
  }

  /** A vertex-coloured group's material: its class's surface (textured or not), or with a palette. */
  const groupMaterial = (
    key: string,
    entries: GeometryEntry[],
    texture: TextureSpec | null,
    palette: Map<SurfaceClass, PaletteTexel> | null,
  ): Material => {
    const surface =
      key === REFLECTIVE
        ? VERTEX_COLOUR_SURFACES[surfaceClassOf(entries[0].material)]
        : VERTEX_COLOUR_SURFACES[key.split(':')[1] as SurfaceClass]
    const name = palette ? 'vertex-colour-reflective' : surface.name
    const spec = {
      ...surface,
      name: texture ? `${name}+${texture.name}` : name,
      ...(texture ? { texture } : {}),
    }
    return palette ? paletteMaterialFor(spec, [...palette.values()]) : materialFor(spec)
  }

  const prepared = prepareEntries(model)
  // After the bake, which reads every part in its own space.
  const folded = foldParts(model, prepared)

  const buildNode = (part: ModelPart): Node => {
    const { position, rotation, scale } = part.placement
    const node = doc.createNode(part.name)
    if (position) node.setTranslation(position)
    if (rotation) {
      const q = new Quaternion().setFromEuler(new Euler(...rotation))
      node.setRotation([q.x, q.y, q.z, q.w])
    }
    if (scale !== undefined) node.setScale(typeof scale === 'number' ? [scale, scale, scale] : scale)

    const own = part === model.root && folded ? folded : part
    if (own.entries.length > 0) {
      const groups = new Map<string, GeometryEntry[]>()
      for (const entry of own.entries) {
        const key = groupKey(entry.material, model.options)
        const list = groups.get(key) ?? []
        list.push(entry)
        groups.set(key, list)
      }
      const mesh = doc.createMesh(part.name)
      for (const [key, entries] of groups) {
        // Vertex base colours only pay off when they replace two or more materials; baked light
        // needs COLOR_0 either way (white where the material keeps the base colour).
        const colours = new Set(entries.map((e) => e.material.name)).size > 1
        const baked = entries.some((e) => prepared.get(e)!.light)
        const texture = groupTexture(entries)
        const palette = key === REFLECTIVE ? reflectivePalette(entries) : null
        const paletteClasses = palette ? [...palette.keys()] : []
        const geometries = entries.map((e) => {
          const geometry = surfaceGeometry(e)
          if (palette)
            setPaletteUV(geometry, paletteClasses.indexOf(surfaceClassOf(e.material)), palette.size)
          return geometry
        })
        function surfaceGeometry(e: GeometryEntry): BufferGeometry {
          const { geometry, light } = prepared.get(e)!
          const tiled = texture !== null && e.material.texture?.name === texture.name
          if (colours || baked) {
            const color = colours ? linearColor(e.material.color) : null
            const shown = color && texture ? compensate(color, texture.name, tiled) : color
            paintVertices(geometry, shown, light)
          }
          if (!texture) return geometry
          return tiled ? boxProjectUVs(geometry, e.material.texture!.tile) : flatUVs(geometry, texture.name)
        }
        // Box projection unshares vertices; welding them back keeps the vertex count near the untextured one.
        const joined = mergeGeometries(geometries)
        const merged = joined && texture ? mergeVertices(joined) : joined
        if (!merged) throw new Error(`model ${model.name}: cannot merge geometry of part ${part.name}`)
        // A float accessor of one of the merged geometry's attributes.
        const floats = (name: string, type: 'VEC2' | 'VEC3') =>
          doc
            .createAccessor()
            .setType(type)
            .setArray(new Float32Array(merged.getAttribute(name).array))
            .setBuffer(buffer)
        const indices = doc
          .createAccessor()
          .setType('SCALAR')
          .setArray(new Uint32Array(merged.getIndex()!.array))
          .setBuffer(buffer)
        const primitive = doc
          .createPrimitive()
          .setAttribute('POSITION', floats('position', 'VEC3'))
          .setAttribute('NORMAL', floats('normal', 'VEC3'))
          .setIndices(indices)
        if (colours || baked) primitive.setAttribute('COLOR_0', floats('color', 'VEC3'))
        if (texture) primitive.setAttribute('TEXCOORD_0', floats('uv', 'VEC2'))
        if (palette) primitive.setAttribute('TEXCOORD_1', floats('uv1', 'VEC2'))
        if (baked) primitive.setExtras({ ...BAKED_LIGHT_EXTRAS })
        primitive.setMaterial(
          colours ? groupMaterial(key, entries, texture, palette) : materialFor(entries[0].material),
        )
        mesh.addPrimitive(primitive)
      }
      node.setMesh(mesh)
    }
    for (const child of own.children) node.addChild(buildNode(child))
    return node
  }

  scene.addChild(buildNode(model.root))
  doc.getRoot().setDefaultScene(scene)
  return doc
}

async function compressedIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready])
  return new NodeIO()
    .setLogger(new Logger(Logger.Verbosity.WARN))
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization, KHRTextureBasisu])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder })
}

/** A model that writes its own glTF document (the skinned humanoid, scripts/models/humanoid.ts). */
export interface DocumentModel {
  readonly name: string
  toDocument(): Document | Promise<Document>
}

/** What the asset build can encode: a model built from parts, or one that writes its own document. */
export type AnyModel = ModelBuilder | DocumentModel

/**
 * Drops animation keys a straight line between their neighbours reproduces, reorders for compression,
 * quantises normals, colours and skin weights, and encodes with EXT_meshopt_compression.
 * Positions stay float on purpose: quantising them would bake a corrective scale/offset into the
 * nodes code animates (the gears, the orbits) and into a skin's inverse bind matrices.
 */
export async function encodeModel(model: AnyModel): Promise<Uint8Array> {
  const doc = model instanceof ModelBuilder ? buildModelDocument(model) : await model.toDocument()
  await MeshoptEncoder.ready
  // Keys within 5e-4 of the line between their neighbours go (under 0.1° on a unit quaternion).
  if (doc.getRoot().listAnimations().length > 0) await doc.transform(resample({ tolerance: 5e-4 }))
  await doc.transform(
    reorder({ encoder: MeshoptEncoder }),
    // 8-bit weights renormalised to sum exactly to 1 (the skinning shader does not renormalise).
    quantize({ pattern: /^(NORMAL|COLOR_0|WEIGHTS_0)$/, quantizeColor: 16, quantizeWeight: 8 }),
  )
  await compressTextures(doc)
  // Int16 normals need KHR_mesh_quantization; quantize() only declares it when positions change.
  doc.createExtension(KHRMeshQuantization).setRequired(true)
  doc
    .createExtension(EXTMeshoptCompression)
    .setRequired(true)
    .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE })
  const io = await compressedIO()
  return io.writeBinary(doc)
}

/** The surface textures a model embeds, as the same KTX2 files public/textures/ serves (KHR_texture_basisu). */
async function compressTextures(doc: Document): Promise<void> {
  const textures = doc
    .getRoot()
    .listTextures()
    .filter((t) => (TEXTURE_NAMES as readonly string[]).includes(t.getName()))
  if (textures.length === 0) return
  for (const texture of textures)
    texture.setImage(await surfaceTextureKtx2(texture.getName() as TextureName)).setMimeType('image/ktx2')
  doc.createExtension(KHRTextureBasisu).setRequired(true)
}

/** Reads a model written by encodeModel and reports what a renderer would see. */
export async function inspectModel(bytes: Uint8Array): Promise<ModelStats & { document: Document }> {
  const io = await compressedIO()
  const document = await io.readBinary(bytes)
  let triangles = 0
  let primitives = 0
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      primitives++
      const indices = primitive.getIndices()
      triangles += (indices ? indices.getCount() : primitive.getAttribute('POSITION')!.getCount()) / 3
    }
  }
  const nodes = document
    .getRoot()
    .listNodes()
    .map((n) => n.getName())
  return { bytes: bytes.byteLength, triangles, primitives, nodes, document }
}

/** Triangle count of the geometry as authored: the written file has this many unless the light bake subdivided it. */
export function countTriangles(model: ModelBuilder): number {
  let total = 0
  const visit = (part: ModelPart): void => {
    for (const { geometry } of part.entries) {
      const index = geometry.getIndex()
      total += (index ? index.count : geometry.getAttribute('position').count) / 3
    }
    for (const child of part.children) visit(child)
  }
  visit(model.root)
  return total
}

/** One model a scene script contributes: its file name under public/models/ and how to build it. */
export interface ModelRecipe {
  file: string
  build: () => AnyModel
}
