// Builds one skinned, vertex-coloured mesh from lofted rings and three.js shapes: every vertex carries
// its base colour and up to four bone weights, and every piece its surface class and occlusion group
// for the light bake. Normals are smoothed across each piece's coincident vertices (a colour band or
// a sphere's seam), so the surface shades as one.
import { type BufferGeometry, Vector3 } from 'three'
import type { Vec3 } from './model-builder'

/** Bone index → weight; at most four non-zero entries are kept (the largest), then normalised. */
export type BoneWeights = ReadonlyArray<readonly [bone: number, weight: number]>

/** Weights for a vertex at a model-space position. */
export type WeightsAt = (p: Vector3) => BoneWeights

/** The two draw calls a humanoid has: matte cloth and skin, and glossy eyes and shoes. */
export type SurfaceClass = 'matte' | 'glossy'

/** One cross-section of a loft: an ellipse (or superellipse) in the plane spanned by u and v. */
export interface Ring {
  center: Vec3
  /** Unit axes of the section; u × v points along the loft. */
  u: Vec3
  v: Vec3
  /** Half-widths along u and v. */
  ru: number
  rv: number
  /** Superellipse exponent: 2 is an ellipse, higher is boxier. Default 2. */
  power?: number
  /** sRGB hex colour of this ring's vertices. */
  color: string
}

export interface PieceOptions {
  /** Default 'matte'. */
  surface?: SurfaceClass
  /** Occlusion group for the bake: pieces that move apart (each arm) shade only within their group. Default 0. */
  group?: number
}

/** A finished piece: its range of vertices and its triangles (indices into the builder's vertex arrays). */
export interface MeshPiece {
  surface: SurfaceClass
  group: number
  firstVertex: number
  vertexCount: number
  indices: number[]
}

const scratch = new Vector3()

export class SkinnedMeshBuilder {
  readonly positions: number[] = []
  readonly normals: number[] = []
  /** Linear RGB base colour per vertex. */
  readonly colors: number[] = []
  /** Four bone indices and four weights per vertex. */
  readonly joints: number[] = []
  readonly weights: number[] = []
  readonly pieces: MeshPiece[] = []

  constructor(private readonly linear: (hex: string) => Vec3) {}

  get vertexCount(): number {
    return this.positions.length / 3
  }

  get triangleCount(): number {
    return this.pieces.reduce((sum, p) => sum + p.indices.length / 3, 0)
  }

  /**
   * A tube through `rings` with `segments` vertices per ring; `capStart`/`capEnd` close an end with a
   * fan to a pole pushed `bulge` beyond the end ring's centre along the loft (0: flat).
   */
  loft(
    rings: Ring[],
    segments: number,
    weightsAt: WeightsAt,
    options: PieceOptions & { capStart?: number | false; capEnd?: number | false } = {},
  ): this {
    const first = this.vertexCount
    const indices: number[] = []
    for (const ring of rings) {
      const e = 2 / (ring.power ?? 2)
      for (let s = 0; s < segments; s++) {
        const a = (s / segments) * Math.PI * 2
        const c = Math.cos(a)
        const n = Math.sin(a)
        const x = Math.sign(c) * Math.abs(c) ** e * ring.ru
        const y = Math.sign(n) * Math.abs(n) ** e * ring.rv
        this.vertex(
          [
            ring.center[0] + ring.u[0] * x + ring.v[0] * y,
            ring.center[1] + ring.u[1] * x + ring.v[1] * y,
            ring.center[2] + ring.u[2] * x + ring.v[2] * y,
          ],
          ring.color,
          weightsAt,
        )
      }
    }
    for (let r = 0; r + 1 < rings.length; r++) {
      for (let s = 0; s < segments; s++) {
        const a = first + r * segments + s
        const b = first + r * segments + ((s + 1) % segments)
        const c = a + segments
        const d = b + segments
        indices.push(a, b, d, a, d, c)
      }
    }
    const cap = (ringIndex: number, bulge: number, outward: 1 | -1) => {
      const ring = rings[ringIndex]
      const axis = cross(ring.u, ring.v)
      const pole = this.vertex(
        [0, 1, 2].map((k) => ring.center[k] + axis[k] * bulge * outward) as Vec3,
        ring.color,
        weightsAt,
      )
      const base = first + ringIndex * segments
      for (let s = 0; s < segments; s++) {
        const a = base + s
        const b = base + ((s + 1) % segments)
        if (outward > 0) indices.push(a, b, pole)
        else indices.push(b, a, pole)
      }
    }
    if (options.capStart !== undefined && options.capStart !== false) cap(0, options.capStart, -1)
    if (options.capEnd !== undefined && options.capEnd !== false) cap(rings.length - 1, options.capEnd, 1)
    return this.finish(first, indices, options)
  }

  /**
   * Adds an indexed or non-indexed three.js geometry (already placed in model space); `colorAt`
   * may colour vertices by position (an iris on an eyeball).
   */
  geometry(
    geometry: BufferGeometry,
    colorAt: string | ((p: Vector3) => string),
    weightsAt: WeightsAt,
    options: PieceOptions = {},
  ): this {
    const first = this.vertexCount
    const position = geometry.getAttribute('position')
    for (let i = 0; i < position.count; i++) {
      scratch.fromBufferAttribute(position, i)
      const colour = typeof colorAt === 'string' ? colorAt : colorAt(scratch)
      this.vertex([scratch.x, scratch.y, scratch.z], colour, weightsAt)
    }
    const index = geometry.getIndex()
    const indices: number[] = []
    const count = index ? index.count : position.count
    for (let i = 0; i < count; i++) indices.push(first + (index ? index.getX(i) : i))
    geometry.dispose()
    return this.finish(first, indices, options)
  }

  private vertex(p: Vec3, color: string, weightsAt: WeightsAt): number {
    const index = this.vertexCount
    this.positions.push(p[0], p[1], p[2])
    this.normals.push(0, 0, 0)
    this.colors.push(...this.linear(color))
    const [joints, weights] = packWeights(weightsAt(scratch.set(p[0], p[1], p[2])))
    this.joints.push(...joints)
    this.weights.push(...weights)
    return index
  }

  private finish(first: number, indices: number[], options: PieceOptions): this {
    // Degenerate triangles (two corners on a pole) would only add cost.
    const kept: number[] = []
    for (let t = 0; t < indices.length; t += 3) {
      const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]]
      if (a !== b && b !== c && c !== a) kept.push(a, b, c)
    }
    const piece: MeshPiece = {
      surface: options.surface ?? 'matte',
      group: options.group ?? 0,
      firstVertex: first,
      vertexCount: this.vertexCount - first,
      indices: kept,
    }
    smoothNormals(this.positions, this.normals, piece)
    this.pieces.push(piece)
    return this
  }
}

/** The four largest weights (bone, weight), normalised to sum to 1; unused slots are bone 0, weight 0. */
export function packWeights(weights: BoneWeights): [number[], number[]] {
  const merged = new Map<number, number>()
  for (const [bone, w] of weights) if (w > 1e-4) merged.set(bone, (merged.get(bone) ?? 0) + w)
  const top = [...merged].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4)
  const total = top.reduce((sum, [, w]) => sum + w, 0)
  if (total <= 0) throw new Error('a vertex has no bone weight')
  const joints = [0, 0, 0, 0]
  const out = [0, 0, 0, 0]
  top.forEach(([bone, w], i) => {
    joints[i] = bone
    out[i] = w / total
  })
  return [joints, out]
}

/** Area-weighted vertex normals, shared by vertices of the piece that sit at the same point. */
function smoothNormals(positions: number[], normals: number[], piece: MeshPiece): void {
  const key = (v: number) =>
    `${Math.round(positions[v * 3] * 1e5)},${Math.round(positions[v * 3 + 1] * 1e5)},${Math.round(positions[v * 3 + 2] * 1e5)}`
  const welded = new Map<string, number[]>()
  const slot = new Map<number, string>()
  for (let v = piece.firstVertex; v < piece.firstVertex + piece.vertexCount; v++) {
    const k = key(v)
    slot.set(v, k)
    if (!welded.has(k)) welded.set(k, [0, 0, 0])
  }
  const p = (v: number) => [positions[v * 3], positions[v * 3 + 1], positions[v * 3 + 2]] as Vec3
  const { indices } = piece
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [p(indices[t]), p(indices[t + 1]), p(indices[t + 2])]
    const n = cross([b[0] - a[0], b[1] - a[1], b[2] - a[2]], [c[0] - a[0], c[1] - a[1], c[2] - a[2]])
    for (let k = 0; k < 3; k++) {
      const sum = welded.get(slot.get(indices[t + k])!)!
      sum[0] += n[0]
      sum[1] += n[1]
      sum[2] += n[2]
    }
  }
  for (let v = piece.firstVertex; v < piece.firstVertex + piece.vertexCount; v++) {
    const [x, y, z] = welded.get(slot.get(v)!)!
    const length = Math.hypot(x, y, z) || 1
    normals[v * 3] = x / length
    normals[v * 3 + 1] = y / length
    normals[v * 3 + 2] = z / length
  }
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(Math.max((x - edge0) / (edge1 - edge0), 0), 1)
  return t * t * (3 - 2 * t)
}

/**
 * Weights along a chain of joints (model-space points, one bone each from that joint on): a point's
 * distance along the chain picks its bone, blended with the next over ±`blend` metres round each joint.
 */
export function chainWeights(chain: ReadonlyArray<{ bone: number; at: Vec3 }>, blend: number): WeightsAt {
  const points = chain.map((j) => new Vector3(...j.at))
  const lengths: number[] = [0]
  for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1] + points[i].distanceTo(points[i - 1]))
  const segment = new Vector3()
  const offset = new Vector3()
  return (p) => {
    // Distance along the chain of the nearest point on its polyline (extended past both ends).
    let best = Number.POSITIVE_INFINITY
    let along = 0
    const last = points.length - 1
    for (let i = 0; i < last; i++) {
      segment.subVectors(points[i + 1], points[i])
      const length = segment.length()
      offset.subVectors(p, points[i])
      let t = offset.dot(segment) / (length * length)
      if (i > 0) t = Math.max(t, 0)
      if (i < last - 1) t = Math.min(t, 1)
      const distance = offset.addScaledVector(segment, -t).length()
      if (distance < best) {
        best = distance
        along = lengths[i] + t * length
      }
    }
    const out: Array<[number, number]> = []
    let remaining = 1
    for (let i = 0; i < chain.length; i++) {
      const next =
        i + 1 < chain.length ? smoothstep(lengths[i + 1] - blend, lengths[i + 1] + blend, along) : 0
      out.push([chain[i].bone, remaining * (1 - next)])
      remaining *= next
      if (remaining <= 0) break
    }
    return out
  }
}
