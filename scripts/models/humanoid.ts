// A stylised digital human as one skinned glTF: the body of humanoid-body.ts in a role's outfit, the
// skeleton and clips of humanoid-contract.ts / humanoid-clips.ts, ambient occlusion baked into its
// vertex colours in the rest pose. One function for every role: the tour's guide, the hall's clerks,
// the classroom's teacher and students differ only in HUMANOID_OUTFITS.
// Just over 300 lines on purpose: the glTF document (mesh, skin, clips) is written in one
// pass, and splitting it would pass the half-built document between files.
import { Document, Logger, type Node, type TypedArray } from '@gltf-transform/core'
import { MeshoptSimplifier } from 'meshoptimizer'
import { BufferAttribute, BufferGeometry, Color, Matrix4, Quaternion } from 'three'
import {
  FAR_DETAIL_EXTRAS,
  HUMANOID_BONES,
  type HumanoidBone,
} from '../../src/platform/humans/humanoid-contract'
import { bakeLight, DEFAULT_SUN } from './bake-light'
import { buildHumanoidBody, type HumanoidOutfit, type JointPositions } from './humanoid-body'
import { HUMANOID_CLIP_SPECS, UNKEYED_BONES } from './humanoid-clips'
import type { Vec3 } from './model-builder'
import type { SkinnedMeshBuilder, SurfaceClass } from './skinned-mesh-builder'

export type { HumanoidOutfit } from './humanoid-body'

/** Role outfits (LOOK.md, "Digital humans"). */
export const HUMANOID_OUTFITS = {
  /** The memorial's docent (小红): a slender figure in a dark jacket with memorial-red lapels, cuffs and hem, a red scarf-tie, a gold pin. */
  guide: {
    skin: '#e2b796',
    hair: '#1d1714',
    hairStyle: 'bun',
    figure: 'slender',
    top: '#2c3140',
    trim: '#b3201e',
    shirt: '#f3efe6',
    tie: '#c8201c',
    badge: '#d4a72c',
    trousers: '#23252d',
    shoes: '#161514',
  },
  /** A service-hall clerk: white shirt, dark vest, a blue name badge. */
  clerk: {
    skin: '#dfb391',
    hair: '#1a1512',
    hairStyle: 'short',
    top: '#2b3340',
    sleeves: '#f4f4f1',
    shirt: '#f4f4f1',
    tie: '#1f3f73',
    badge: '#3d6fb6',
    trousers: '#2a2e37',
    shoes: '#151515',
  },
  /** A teacher: a brown cardigan over a pale blue shirt. */
  teacher: {
    skin: '#e4bc9c',
    hair: '#2a1d16',
    hairStyle: 'bob',
    figure: 'slender',
    top: '#7b5a44',
    trim: '#6a4a36',
    shirt: '#dce6f0',
    trousers: '#3a404e',
    shoes: '#3a2a20',
  },
  /** A student in the school's blue and white tracksuit. */
  student: {
    skin: '#e6c0a0',
    hair: '#17120f',
    hairStyle: 'short',
    top: '#2f62ad',
    trim: '#f2f2f2',
    shirt: '#f2f2f2',
    trousers: '#2f62ad',
    shoes: '#e6e6e6',
  },
} as const satisfies Record<string, HumanoidOutfit>

export interface HumanoidOptions {
  /** The role's outfit, or a role name from HUMANOID_OUTFITS. */
  outfit: HumanoidOutfit | keyof typeof HUMANOID_OUTFITS
  /** Bake ambient occlusion into the vertex colours (rest pose). Default true. */
  bakeLight?: boolean
  /**
   * Every surface in the one matte primitive: one draw call a figure instead of two, for figures that
   * stand in a row (the hall's clerks), whose glossy eyes and shoes nobody sees from the queue. Default false.
   */
  onePrimitive?: boolean
  /**
   * With onePrimitive: a second primitive, the figure in this share of its triangles (FAR_DETAIL_EXTRAS), for
   * a crowd to draw where the visitor is far. The body is finely tessellated for a face seen at a counter;
   * a quarter of its triangles stays within about 7 mm of it (meshoptimizer's simplifier). Default none.
   */
  farDetail?: number
}

/** Surfaces of the two primitives: cloth and skin, and the glossy eyes, shoes and badge (reflection-mapped). */
const SURFACES: Record<SurfaceClass, { name: string; roughness: number }> = {
  matte: { name: 'humanoid-matte', roughness: 0.72 },
  glossy: { name: 'humanoid-glossy', roughness: 0.32 },
}

/** A humanoid model ready to write: its glTF document is built on demand. */
export class HumanoidModel {
  constructor(
    readonly name: string,
    readonly options: HumanoidOptions,
  ) {}

  get outfit(): HumanoidOutfit {
    const { outfit } = this.options
    return typeof outfit === 'string' ? HUMANOID_OUTFITS[outfit] : outfit
  }

  async toDocument(): Promise<Document> {
    const { mesh, joints } = buildHumanoidBody(this.outfit, linearColor)
    const light = this.options.bakeLight === false ? null : bakeOcclusion(mesh)
    await MeshoptSimplifier.ready
    return writeDocument(this.name, mesh, joints, light, this.options)
  }
}

function linearColor(hex: string): Vec3 {
  const c = new Color(hex)
  return [c.r, c.g, c.b]
}

/**
 * Ambient occlusion per vertex in the rest pose, each arm apart from the body (it moves), and no sun
 * term: the figure turns, so a baked sun shadow would turn with it.
 */
function bakeOcclusion(mesh: SkinnedMeshBuilder): Float32Array {
  const identity = new Matrix4()
  const surfaces = mesh.pieces.map((piece) => {
    const geometry = new BufferGeometry()
    const from = piece.firstVertex * 3
    const to = from + piece.vertexCount * 3
    geometry.setAttribute(
      'position',
      new BufferAttribute(new Float32Array(mesh.positions.slice(from, to)), 3),
    )
    geometry.setAttribute('normal', new BufferAttribute(new Float32Array(mesh.normals.slice(from, to)), 3))
    geometry.setIndex(piece.indices.map((i) => i - piece.firstVertex))
    return { geometry, matrix: identity, occluder: true, receiver: true, group: piece.group }
  })
  // No subdivision: new vertices would need skin weights the bake does not know.
  const baked = bakeLight(surfaces, DEFAULT_SUN, {
    sunRays: 0,
    aoDistance: 0.22,
    maxEdge: 1e3,
    maxTriangles: 0,
  })
  const light = new Float32Array(mesh.vertexCount)
  mesh.pieces.forEach((piece, i) => {
    const values = baked[i].light
    if (!values || values.length !== piece.vertexCount) {
      throw new Error(
        `humanoid bake changed piece ${i}'s vertices (${values?.length} for ${piece.vertexCount})`,
      )
    }
    light.set(values, piece.firstVertex)
  })
  return light
}

function writeDocument(
  name: string,
  mesh: SkinnedMeshBuilder,
  joints: JointPositions,
  light: Float32Array | null,
  options: HumanoidOptions,
): Document {
  const onePrimitive = options.onePrimitive === true
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN))
  const buffer = doc.createBuffer()
  const scene = doc.createScene('Scene')
  const root = doc.createNode(name)
  scene.addChild(root)
  doc.getRoot().setDefaultScene(scene)

  // Bones: unrotated, each placed at its joint relative to its parent.
  const nodes = new Map<HumanoidBone, Node>()
  for (const { name: bone, parent } of HUMANOID_BONES) {
    const at = joints[bone]
    const base = parent ? joints[parent] : ([0, 0, 0] as Vec3)
    const node = doc.createNode(bone).setTranslation([at[0] - base[0], at[1] - base[1], at[2] - base[2]])
    nodes.set(bone, node)
    ;(parent ? nodes.get(parent)! : root).addChild(node)
  }
  const inverseBind = new Float32Array(HUMANOID_BONES.length * 16)
  HUMANOID_BONES.forEach(({ name: bone }, i) => {
    const [x, y, z] = joints[bone]
    inverseBind.set(new Matrix4().makeTranslation(-x, -y, -z).toArray(), i * 16)
  })
  const skin = doc
    .createSkin(`${name}-skin`)
    .setSkeleton(nodes.get('Hips')!)
    .setInverseBindMatrices(doc.createAccessor().setType('MAT4').setArray(inverseBind).setBuffer(buffer))
  for (const { name: bone } of HUMANOID_BONES) skin.addJoint(nodes.get(bone)!)

  const gltfMesh = doc.createMesh('Body')
  for (const surface of ['matte', 'glossy'] as const) {
    const pieces = mesh.pieces.filter((p) => (onePrimitive ? surface === 'matte' : p.surface === surface))
    if (pieces.length === 0) continue
    const remap = new Map<number, number>()
    const vertices: number[] = []
    for (const piece of pieces) {
      for (let v = piece.firstVertex; v < piece.firstVertex + piece.vertexCount; v++) {
        remap.set(v, vertices.length)
        vertices.push(v)
      }
    }
    const pick = (source: number[], size: number, scale?: (v: number) => number) => {
      const out = new Float32Array(new ArrayBuffer(vertices.length * size * 4))
      vertices.forEach((v, i) => {
        for (let k = 0; k < size; k++) out[i * size + k] = source[v * size + k] * (scale ? scale(v) : 1)
      })
      return out
    }
    const accessor = (type: 'VEC3' | 'VEC4' | 'SCALAR', array: TypedArray) =>
      doc.createAccessor().setType(type).setArray(array).setBuffer(buffer)
    const indices = new Uint32Array(pieces.flatMap((p) => p.indices.map((i) => remap.get(i)!)))
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', accessor('VEC3', pick(mesh.positions, 3)))
      .setAttribute('NORMAL', accessor('VEC3', pick(mesh.normals, 3)))
      .setAttribute('COLOR_0', accessor('VEC3', pick(mesh.colors, 3, light ? (v) => light[v] : undefined)))
      .setAttribute('JOINTS_0', accessor('VEC4', Uint8Array.from(pick(mesh.joints, 4))))
      .setAttribute('WEIGHTS_0', accessor('VEC4', pick(mesh.weights, 4)))
      .setIndices(accessor('SCALAR', indices))
      .setMaterial(
        doc
          .createMaterial(SURFACES[surface].name)
          .setBaseColorFactor([1, 1, 1, 1])
          .setMetallicFactor(0)
          .setRoughnessFactor(SURFACES[surface].roughness),
      )
    // Declared for the renderer's look check (three copies primitive extras to geometry.userData).
    if (light) primitive.setExtras({ bakedLight: true })
    gltfMesh.addPrimitive(primitive)
    if (onePrimitive && options.farDetail) {
      const far = primitive
        .clone()
        .setIndices(accessor('SCALAR', farIndices(indices, pick(mesh.positions, 3), options.farDetail)))
      far.setExtras({ ...far.getExtras(), ...FAR_DETAIL_EXTRAS })
      gltfMesh.addPrimitive(far)
    }
  }
  root.addChild(doc.createNode('Body').setMesh(gltfMesh).setSkin(skin))

  for (const clip of HUMANOID_CLIP_SPECS) writeClip(doc, buffer, nodes, joints, clip)
  return doc
}

/**
 * The same surface in about `share` of its triangles: meshoptimizer's simplifier collapses edges where the
 * shape moves least. Open edges (a sleeve's cuff, the hair's rim) stay where they are, so no gap opens.
 */
function farIndices(indices: Uint32Array, positions: Float32Array, share: number): Uint32Array<ArrayBuffer> {
  const target = Math.round((indices.length / 3) * share) * 3
  const [far] = MeshoptSimplifier.simplify(indices, positions, 3, target, 0.01, ['LockBorder'])
  return new Uint32Array(far)
}

function writeClip(
  doc: Document,
  buffer: ReturnType<Document['createBuffer']>,
  nodes: Map<HumanoidBone, Node>,
  joints: JointPositions,
  clip: (typeof HUMANOID_CLIP_SPECS)[number],
): void {
  const count = Math.round(clip.seconds * clip.rate) + 1
  const times = new Float32Array(count)
  const poses = []
  for (let i = 0; i < count; i++) {
    times[i] = (i / (count - 1)) * clip.seconds
    poses.push(clip.pose(times[i]))
  }
  const animation = doc.createAnimation(clip.name)
  const input = doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer)
  const channel = (
    bone: HumanoidBone,
    path: 'rotation' | 'translation',
    values: Float32Array<ArrayBuffer>,
  ) => {
    const sampler = doc
      .createAnimationSampler()
      .setInput(input)
      .setOutput(
        doc
          .createAccessor()
          .setType(path === 'rotation' ? 'VEC4' : 'VEC3')
          .setArray(values)
          .setBuffer(buffer),
      )
      .setInterpolation('LINEAR')
    animation.addSampler(sampler)
    animation.addChannel(
      doc.createAnimationChannel().setTargetNode(nodes.get(bone)!).setTargetPath(path).setSampler(sampler),
    )
  }
  for (const { name: bone } of HUMANOID_BONES) {
    const keyed = poses.some((p) => p.rotations[bone] && Math.abs(p.rotations[bone]!.w) < 1 - 1e-7)
    if (!keyed) continue
    if (UNKEYED_BONES.includes(bone))
      throw new Error(`clip ${clip.name} keys ${bone}, which the runtime drives`)
    const values = new Float32Array(count * 4)
    let previous = new Quaternion()
    poses.forEach((p, i) => {
      const q = (p.rotations[bone] ?? new Quaternion()).clone().normalize()
      // Neighbouring keys on the same side of the 4D sphere, so LINEAR takes the short way.
      if (q.dot(previous) < 0) q.set(-q.x, -q.y, -q.z, -q.w)
      values.set([q.x, q.y, q.z, q.w], i * 4)
      previous = q
    })
    channel(bone, 'rotation', values)
  }
  if (poses.some((p) => p.hips.some((v) => v !== 0))) {
    const rest = joints.Hips
    const values = new Float32Array(count * 3)
    poses.forEach((p, i) => {
      values.set([rest[0] + p.hips[0], rest[1] + p.hips[1], rest[2] + p.hips[2]], i * 3)
    })
    channel('Hips', 'translation', values)
  }
}

/** The tour's docent. */
export function guideHumanoid(): HumanoidModel {
  return new HumanoidModel('guide-humanoid', { outfit: 'guide' })
}

/**
 * A service-hall clerk: one primitive, since a hall stands one at every window, and a far-detail one for the
 * clerks at other windows than the visitor's.
 */
export function clerkHumanoid(): HumanoidModel {
  return new HumanoidModel('clerk-humanoid', { outfit: 'clerk', onePrimitive: true, farDetail: 0.25 })
}

/** The classroom's teacher as others see them. */
export function teacherHumanoid(): HumanoidModel {
  return new HumanoidModel('teacher-humanoid', { outfit: 'teacher' })
}

/** A student as the others see them: one primitive, since a class seats many. */
export function studentHumanoid(): HumanoidModel {
  return new HumanoidModel('student-humanoid', { outfit: 'student', onePrimitive: true })
}
