// Splits triangle edges so per-vertex baked light has vertices where the light changes: long edges
// first (a 4 m wall with only its 4 corners would be one flat shade), then edges across a gradient.
// Splits are decided per edge, not per triangle, so both triangles along an edge share its midpoint:
// the mesh stays conforming (no T-junctions, no cracks).
import { BufferAttribute, BufferGeometry } from 'three'

/** An indexed triangle mesh (position, normal) that grows by edge splits; new vertices are appended. */
export class SplittableMesh {
  private constructor(
    readonly positions: number[],
    readonly normals: number[],
    private triangles: number[],
  ) {}

  /** Copies an indexed geometry with position and normal attributes; the geometry is not changed. */
  static from(geometry: BufferGeometry): SplittableMesh {
    return new SplittableMesh(
      Array.from(geometry.getAttribute('position').array),
      Array.from(geometry.getAttribute('normal').array),
      Array.from(geometry.getIndex()!.array),
    )
  }

  get vertexCount(): number {
    return this.positions.length / 3
  }

  get triangleCount(): number {
    return this.triangles.length / 3
  }

  /** The vertex indices of every triangle, three by three. */
  get index(): readonly number[] {
    return this.triangles
  }

  distanceSq(a: number, b: number): number {
    const p = this.positions
    const dx = p[a * 3] - p[b * 3]
    const dy = p[a * 3 + 1] - p[b * 3 + 1]
    const dz = p[a * 3 + 2] - p[b * 3 + 2]
    return dx * dx + dy * dy + dz * dz
  }

  /** How many triangles splitEdges(split) would add, without splitting. */
  countAdded(split: (a: number, b: number) => boolean): number {
    const t = this.triangles
    let added = 0
    for (let i = 0; i < t.length; i += 3) {
      added +=
        (split(t[i], t[i + 1]) ? 1 : 0) +
        (split(t[i + 1], t[i + 2]) ? 1 : 0) +
        (split(t[i + 2], t[i]) ? 1 : 0)
    }
    return added
  }

  /**
   * One pass: halves every edge `split` accepts (asked once per triangle side, so it must depend only
   * on the two vertices). Midpoint normals are the normalised mean of the ends. Returns the number
   * of vertices added; they take indices from the old vertexCount on.
   */
  splitEdges(split: (a: number, b: number) => boolean): number {
    const { positions, normals } = this
    const before = this.vertexCount
    // Vertex counts stay far below 2^26, so lo * 2^26 + hi is an exact integer key.
    const midpoints = new Map<number, number>()
    const midpoint = (a: number, b: number): number => {
      const key = Math.min(a, b) * 2 ** 26 + Math.max(a, b)
      const known = midpoints.get(key)
      if (known !== undefined) return known
      if (!split(a, b)) {
        midpoints.set(key, -1)
        return -1
      }
      const index = positions.length / 3
      for (let k = 0; k < 3; k++) positions.push((positions[a * 3 + k] + positions[b * 3 + k]) / 2)
      const n = [0, 1, 2].map((k) => normals[a * 3 + k] + normals[b * 3 + k])
      const length = Math.hypot(n[0], n[1], n[2])
      if (length < 1e-6) normals.push(normals[a * 3], normals[a * 3 + 1], normals[a * 3 + 2])
      else normals.push(n[0] / length, n[1] / length, n[2] / length)
      midpoints.set(key, index)
      return index
    }
    const t = this.triangles
    const out: number[] = []
    for (let i = 0; i < t.length; i += 3) {
      const [a, b, c] = [t[i], t[i + 1], t[i + 2]]
      splitTriangle(a, b, c, midpoint(a, b), midpoint(b, c), midpoint(c, a), out, (p, q) =>
        this.distanceSq(p, q),
      )
    }
    this.triangles = out
    return this.vertexCount - before
  }

  /** Halves edges longer than maxEdge (in units of lengthScale × local length) until none is left. */
  splitLongEdges(maxEdge: number, lengthScale = 1): this {
    const limit = (maxEdge / lengthScale) ** 2
    for (let pass = 0; pass < 16; pass++) {
      if (this.splitEdges((a, b) => this.distanceSq(a, b) > limit) === 0) break
    }
    return this
  }

  toGeometry(): BufferGeometry {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(this.positions), 3))
    geometry.setAttribute('normal', new BufferAttribute(new Float32Array(this.normals), 3))
    geometry.setIndex(new BufferAttribute(new Uint32Array(this.triangles), 1))
    return geometry
  }
}

/**
 * Appends the triangles that replace (a, b, c) given the midpoints of its edges ab, bc, ca
 * (-1 where an edge is kept). Winding is preserved.
 */
function splitTriangle(
  a: number,
  b: number,
  c: number,
  ab: number,
  bc: number,
  ca: number,
  out: number[],
  distanceSq: (i: number, j: number) => number,
): void {
  const marked = (ab >= 0 ? 1 : 0) + (bc >= 0 ? 1 : 0) + (ca >= 0 ? 1 : 0)
  if (marked === 0) {
    out.push(a, b, c)
    return
  }
  if (marked === 3) {
    out.push(a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca)
    return
  }
  // Rotate so the split edges come first: one split is always ab; two splits are always ab and bc.
  if (marked === 1) {
    if (bc >= 0) {
      splitTriangle(b, c, a, bc, -1, -1, out, distanceSq)
      return
    }
    if (ca >= 0) {
      splitTriangle(c, a, b, ca, -1, -1, out, distanceSq)
      return
    }
    out.push(a, ab, c, ab, b, c)
    return
  }
  if (ab < 0) {
    splitTriangle(b, c, a, bc, ca, -1, out, distanceSq)
    return
  }
  if (bc < 0) {
    splitTriangle(c, a, b, ca, ab, -1, out, distanceSq)
    return
  }
  // ab and bc split: the corner triangle at b, then the quad a-ab-bc-c cut along its shorter diagonal.
  out.push(ab, b, bc)
  if (distanceSq(a, bc) <= distanceSq(ab, c)) out.push(a, ab, bc, a, bc, c)
  else out.push(a, ab, c, ab, bc, c)
}
