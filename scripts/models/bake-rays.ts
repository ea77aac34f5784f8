// The light of one vertex for the bake (bake-light.ts), from rays cast against a BVH of the model
// (three-mesh-bvh) and the floor. With n the vertex normal and s the unit sun direction:
//   ao     = 1 − mean over AO rays of (1 − d/R): cosine-weighted hemisphere rays, a hit at distance
//            d < R occludes, nearer hits more (R = aoDistance). The floor y = 0 counts as geometry.
//   vis    = share of the sun rays (a small cone round s) that leave the model unblocked.
//   k      = max(0, n·s)
//   shadow = (A + (1 − A)·k·vis) / (A + (1 − A)·k), A = AMBIENT_SHARE. The runtime sun light already
//            applies n·s, so the bake only removes the share of light the shadow blocks: faces turned
//            away from the sun keep 1, a fully shadowed face turned to it drops to A.
//   light  = LIGHT_FLOOR + (1 − LIGHT_FLOOR)·ao·shadow, so nothing goes below 0.25 (never black).
// Ray origins move a few millimetres off the surface and into their own face, so a vertex on an edge
// resting on another surface (a pedestal on a step) starts outside it. Rays follow fixed
// low-discrepancy sets turned per vertex by a hash (bake-sampling.ts): every build gives the same bytes.
import { BufferAttribute, BufferGeometry, DoubleSide, Matrix3, type Matrix4, Ray, Vector3 } from 'three'
// The package has no exports map, so Node would pick its UMD build and a second, CommonJS copy of three.
import { MeshBVH } from 'three-mesh-bvh/src/index.js'
import { fibonacciDisk, frame, hammersley, vertexHash } from './bake-sampling'
import type { SplittableMesh } from './edge-subdivision'

/** One geometry of the model, as the bake sees it. */
export interface BakeSurface {
  /** Indexed geometry with position and normal, in its part's space. Not modified. */
  geometry: BufferGeometry
  /** Part space to model space. */
  matrix: Matrix4
  /** Blocks light (opaque surfaces). */
  occluder: boolean
  /** Gets baked light (opaque surfaces that are not self-lit). */
  receiver: boolean
  /** Occlusion group: only surfaces of the same group shadow each other (0: the static model, others: one per moving node). */
  group: number
}

export type Vec3 = [number, number, number]

/** The rays' tuning; every field is optional. */
export interface RayOptions {
  /** Cosine-weighted hemisphere rays per vertex for ambient occlusion. Default 48. */
  aoRays?: number
  /** Farthest occluder that darkens, in metres. Default 0.3 × the model's bounding-box diagonal, at most 1.5 m. */
  aoDistance?: number
  /** Rays per vertex toward the sun, spread over a cone for a soft shadow edge. Default 8. */
  sunRays?: number
  /** Half-angle of the sun cone in radians. Default 0.06 (about 3.4°). */
  sunSpread?: number
  /** Whether the floor plane y = 0 occludes. Default: when the model rests on it (lowest point within 1 cm of 0). */
  ground?: boolean
}

export const LIGHT_FLOOR = 0.25
const AMBIENT_SHARE = 0.4
const DEFAULTS = { aoRays: 48, sunRays: 8, sunSpread: 0.06 }

/** Casts the rays for one vertex at a time against the model's occluders and the floor. */
export class BakeRays {
  private readonly aoDistance: number
  private readonly sunReach: number
  private readonly ground: boolean
  private readonly epsilon: number
  private readonly sun: Vector3
  private readonly sunFrame: { tangent: Vector3; bitangent: Vector3 }
  private readonly hemisphere: Array<[number, number]>
  private readonly cone: Array<[number, number]>
  private readonly occluders = new Map<number, MeshBVH | null>()
  private readonly ray = new Ray()

  constructor(
    private readonly surfaces: BakeSurface[],
    sun: Vec3,
    options: RayOptions,
  ) {
    const settings = { ...DEFAULTS, ...options }
    const { min, max } = modelBounds(surfaces)
    const diagonal = Math.max(max.distanceTo(min), 1e-3)
    this.aoDistance = options.aoDistance ?? Math.min(0.3 * diagonal, 1.5)
    this.sunReach = 2 * diagonal
    this.ground = options.ground ?? Math.abs(min.y) < 0.01
    this.epsilon = Math.min(Math.max(diagonal * 5e-4, 2e-4), 5e-3)
    this.sun = new Vector3(...sun).normalize()
    this.sunFrame = frame(this.sun)
    this.hemisphere = hammersley(settings.aoRays)
    const spread = Math.tan(settings.sunSpread)
    this.cone = fibonacciDisk(settings.sunRays).map(([x, y]) => [x * spread, y * spread])
  }

  /**
   * Light of vertex v of a surface's (subdivided) mesh, and whether it is buried: most AO rays
   * meet back faces, so it lies inside other geometry. `inwards` points each vertex into its face.
   */
  sample(surface: BakeSurface, mesh: SplittableMesh, v: number, inwards: Float32Array): [number, boolean] {
    const { ray, sun, hemisphere, cone, aoDistance, epsilon } = this
    const bvh = this.occluderFor(surface.group)
    const origin = new Vector3().fromArray(mesh.positions, v * 3).applyMatrix4(surface.matrix)
    const normal = new Vector3()
      .fromArray(mesh.normals, v * 3)
      .applyMatrix3(new Matrix3().getNormalMatrix(surface.matrix))
      .normalize()
    const [r1, r2] = vertexHash(origin, normal)
    const inward = new Vector3()
      .fromArray(inwards, v * 3)
      .applyMatrix3(new Matrix3().setFromMatrix4(surface.matrix))
    inward.addScaledVector(normal, -inward.dot(normal))
    if (inward.lengthSq() > 1e-18) origin.addScaledVector(inward.normalize(), epsilon)
    origin.addScaledVector(normal, epsilon)
    ray.origin.copy(origin)
    if (this.ground && origin.y < 0) return [LIGHT_FLOOR, true]

    let occlusion = 0
    let backFaces = 0
    const { tangent, bitangent } = frame(normal)
    for (const [u0, v0] of hemisphere) {
      const u = (u0 + r1) % 1
      const phi = 2 * Math.PI * ((v0 + r2) % 1)
      const radius = Math.sqrt(u)
      ray.direction
        .copy(normal)
        .multiplyScalar(Math.sqrt(1 - u))
        .addScaledVector(tangent, radius * Math.cos(phi))
        .addScaledVector(bitangent, radius * Math.sin(phi))
        .normalize()
      const [distance, backFace] = this.cast(bvh, aoDistance)
      occlusion += 1 - Math.min(distance / aoDistance, 1)
      if (backFace) backFaces++
    }
    occlusion /= hemisphere.length

    const k = Math.max(0, normal.dot(sun))
    let visible = 1
    if (k > 0 && cone.length > 0) {
      const turn = 2 * Math.PI * r1
      let open = 0
      for (const [x, y] of cone) {
        const cx = x * Math.cos(turn) - y * Math.sin(turn)
        const cy = x * Math.sin(turn) + y * Math.cos(turn)
        ray.direction
          .copy(sun)
          .addScaledVector(this.sunFrame.tangent, cx)
          .addScaledVector(this.sunFrame.bitangent, cy)
        ray.direction.normalize()
        if (this.cast(bvh, this.sunReach)[0] === Number.POSITIVE_INFINITY) open++
      }
      visible = open / cone.length
    }
    const shadow =
      (AMBIENT_SHARE + (1 - AMBIENT_SHARE) * k * visible) / (AMBIENT_SHARE + (1 - AMBIENT_SHARE) * k)
    return [LIGHT_FLOOR + (1 - LIGHT_FLOOR) * (1 - occlusion) * shadow, backFaces > hemisphere.length / 2]
  }

  /** Distance to what the current ray meets first within `far` (Infinity if nothing), and whether it is a back face. */
  private cast(bvh: MeshBVH | null, far: number): [number, boolean] {
    const { ray } = this
    let distance = Number.POSITIVE_INFINITY
    let backFace = false
    if (this.ground && ray.direction.y < 0) distance = -ray.origin.y / ray.direction.y
    const hit = bvh?.raycastFirst(ray, DoubleSide, 0, Math.min(far, distance))
    if (hit && hit.distance < distance) {
      distance = hit.distance
      backFace = (hit.face?.normal.dot(ray.direction) ?? 0) > 0
    }
    return distance < far ? [distance, backFace] : [Number.POSITIVE_INFINITY, false]
  }

  private occluderFor(group: number): MeshBVH | null {
    if (!this.occluders.has(group)) {
      this.occluders.set(group, buildOccluder(this.surfaces.filter((s) => s.occluder && s.group === group)))
    }
    return this.occluders.get(group)!
  }
}

function modelBounds(surfaces: BakeSurface[]): { min: Vector3; max: Vector3 } {
  const min = new Vector3(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)
  const max = min.clone().negate()
  const p = new Vector3()
  for (const { geometry, matrix } of surfaces) {
    const positions = geometry.getAttribute('position')
    for (let i = 0; i < positions.count; i++) {
      p.fromBufferAttribute(positions, i).applyMatrix4(matrix)
      min.min(p)
      max.max(p)
    }
  }
  return { min, max }
}

/** One BVH over the surfaces' triangles in model space, or null when there are none. */
function buildOccluder(surfaces: BakeSurface[]): MeshBVH | null {
  if (surfaces.length === 0) return null
  const positions: number[] = []
  const index: number[] = []
  const p = new Vector3()
  for (const { geometry, matrix } of surfaces) {
    const base = positions.length / 3
    const source = geometry.getAttribute('position')
    for (const i of geometry.getIndex()!.array) index.push(base + i)
    for (let i = 0; i < source.count; i++) {
      p.fromBufferAttribute(source, i).applyMatrix4(matrix)
      positions.push(p.x, p.y, p.z)
    }
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3))
  geometry.setIndex(new BufferAttribute(new Uint32Array(index), 1))
  return new MeshBVH(geometry, { verbose: false })
}
