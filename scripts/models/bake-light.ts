// Bakes ambient occlusion and the sun's soft shadow into per-vertex light at asset-build time, so
// the runtime (no shadow maps or SSAO in XR) still shows contact shadows and cast shadows. The light
// of one vertex, and the formula, are in bake-rays.ts; this module decides where vertices go.
// Vertices go where light changes: faces are first split to maxEdge, then edges whose ends differ
// by more than `contrast` are halved (down to minEdge) and only the new vertices baked, a few passes
// and within maxTriangles. A vertex buried inside other geometry (behind an inlaid panel) would bake
// dark and bleed into the visible face around it, so it takes the mean light of its unburied
// neighbours instead.
import type { BufferGeometry } from 'three'
import { BakeRays, type BakeSurface, type RayOptions, type Vec3 } from './bake-rays'

export type { BakeSurface }

import { SplittableMesh } from './edge-subdivision'

export { LIGHT_FLOOR } from './bake-rays'

/** Tuning for one model's bake; every field is optional. */
export interface BakeLightOptions extends RayOptions {
  /**
   * Names of nodes that code moves relative to the rest (a guide's arms, meshing gears, an orrery's
   * orbits). Each such node, with everything under it, is baked as if it stood alone on the floor,
   * so no shadow is left behind or carried along when it moves. Default none.
   */
  movingParts?: string[]
  /** Edges longer than this (metres) are split before baking. Default 0.6. */
  maxEdge?: number
  /** Edges across a light change are halved down to this length (metres). Default 0.08. */
  minEdge?: number
  /** Light difference between an edge's ends (0..1) that earns it a split. Default 0.08. */
  contrast?: number
  /**
   * Subdivision stops before the model passes this many triangles (maxEdge is relaxed to leave room to
   * refine). Default 2500: at 8000 the park's buildings doubled a software-GL frame (many small
   * triangles), for shading that reads much the same.
   */
  maxTriangles?: number
}

export interface BakedSurface {
  /** The surface's geometry, subdivided when it receives light. */
  geometry: BufferGeometry
  /** Light per vertex of `geometry`, LIGHT_FLOOR..1; null for surfaces that receive none. */
  light: Float32Array | null
}

/** A high afternoon sun from +X+Z, for models that name none; the scene scripts pass their scene's own (scene-sun.ts). */
export const DEFAULT_SUN: Vec3 = [10, 20, 8]
const REFINE_PASSES = 6
const DEFAULTS = {
  maxEdge: 0.6,
  minEdge: 0.08,
  contrast: 0.08,
  maxTriangles: 2500,
}

/** A receiver while it is refined: its mesh and, per vertex, raw light and whether it is buried. */
interface Receiver {
  surface: BakeSurface
  mesh: SplittableMesh
  light: number[]
  buried: boolean[]
}

/** Subdivides the receivers, then bakes light into each of their vertices. */
export function bakeLight(
  surfaces: BakeSurface[],
  sun: Vec3,
  options: BakeLightOptions = {},
): BakedSurface[] {
  const settings = { ...DEFAULTS, ...options }
  const rays = new BakeRays(surfaces, sun, options)
  const authored = surfaces.reduce((sum, s) => sum + s.geometry.getIndex()!.count / 3, 0)
  const budget = Math.max(settings.maxTriangles, authored)
  // The first split takes at most half of the room subdivision has; refinement gets the rest.
  const meshes = splitToFit(surfaces, settings.maxEdge, authored + (budget - authored) / 2)
  const receivers: Array<Receiver | null> = surfaces.map((surface, i) => {
    const mesh = meshes[i]
    return mesh ? { surface, mesh, light: [], buried: [] } : null
  })
  const bakeNew = (r: Receiver) => {
    const inwards = towardFaceInterior(r.mesh)
    for (let v = r.light.length; v < r.mesh.vertexCount; v++) {
      ;[r.light[v], r.buried[v]] = rays.sample(r.surface, r.mesh, v, inwards)
    }
  }
  const active = receivers.filter((r): r is Receiver => r !== null)
  active.forEach(bakeNew)

  let triangles = meshes.reduce(
    (sum, m, i) => sum + (m ? m.triangleCount : surfaces[i].geometry.getIndex()!.count / 3),
    0,
  )
  for (let pass = 0; pass < REFINE_PASSES && triangles < budget; pass++) {
    // Edge → light difference across it, or -1 when it may not be split (too short, or hidden:
    // both ends buried). Edges with one buried end are split: they cross an occluder's outline.
    const contrasts = active.map((r) => {
      const limit = 4 * (settings.minEdge / r.surface.matrix.getMaxScaleOnAxis()) ** 2
      return (a: number, b: number): number =>
        (r.buried[a] && r.buried[b]) || r.mesh.distanceSq(a, b) <= limit
          ? -1
          : Math.abs(r.light[a] - r.light[b])
    })
    // Each split side adds one triangle; when they do not all fit, the strongest contrasts go first.
    const sides: number[] = []
    active.forEach((r, i) => {
      r.mesh.countAdded((a, b) => {
        const c = contrasts[i](a, b)
        if (c > settings.contrast) sides.push(c)
        return false
      })
    })
    if (sides.length === 0) break
    sides.sort((x, y) => y - x)
    const room = budget - triangles
    const cut = sides.length <= room ? settings.contrast : sides[room]
    active.forEach((r, i) => {
      const split = (a: number, b: number) => contrasts[i](a, b) > cut
      triangles += r.mesh.countAdded(split)
      r.mesh.splitEdges(split)
      bakeNew(r)
    })
  }

  return surfaces.map((surface, i) => {
    const r = receivers[i]
    if (!r) return { geometry: surface.geometry, light: null }
    return { geometry: r.mesh.toGeometry(), light: fillBuried(r) }
  })
}

/** Receivers split to `maxEdge`, relaxed by 25 % steps until the model fits in `budget` triangles. */
function splitToFit(surfaces: BakeSurface[], maxEdge: number, budget: number): Array<SplittableMesh | null> {
  for (let edge = maxEdge; ; edge *= 1.25) {
    let total = 0
    const meshes = surfaces.map((s) => {
      const mesh = s.receiver
        ? SplittableMesh.from(s.geometry).splitLongEdges(edge, s.matrix.getMaxScaleOnAxis())
        : null
      total += mesh ? mesh.triangleCount : s.geometry.getIndex()!.count / 3
      return mesh
    })
    if (total <= budget) return meshes
  }
}

/**
 * Per vertex, the sum of (centroid − vertex) over its triangles, in part space: it points from an
 * edge or corner into the vertex's own face, and nearly vanishes inside a face.
 */
function towardFaceInterior(mesh: SplittableMesh): Float32Array {
  const { index, positions: p } = mesh
  const sums = new Float32Array(p.length)
  for (let t = 0; t < index.length; t += 3) {
    const corners = [index[t], index[t + 1], index[t + 2]]
    for (let k = 0; k < 3; k++) {
      const centroid = (p[corners[0] * 3 + k] + p[corners[1] * 3 + k] + p[corners[2] * 3 + k]) / 3
      for (const v of corners) sums[v * 3 + k] += centroid - p[v * 3 + k]
    }
  }
  return sums
}

/** Final light: each buried vertex takes the mean of its unburied edge neighbours, a few rings deep. */
function fillBuried({ mesh, light: raw, buried: flags }: Receiver): Float32Array {
  const light = Float32Array.from(raw)
  const buried = flags.slice()
  const { index } = mesh
  for (let ring = 0; ring < 4; ring++) {
    const sum = new Float32Array(light.length)
    const count = new Uint16Array(light.length)
    for (let t = 0; t < index.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const [a, b] = [index[t + e], index[t + ((e + 1) % 3)]]
        for (const [to, from] of [
          [a, b],
          [b, a],
        ]) {
          if (buried[to] && !buried[from]) {
            sum[to] += light[from]
            count[to]++
          }
        }
      }
    }
    let filled = 0
    for (let v = 0; v < light.length; v++) {
      if (buried[v] && count[v] > 0) {
        light[v] = sum[v] / count[v]
        buried[v] = false
        filled++
      }
    }
    if (filled === 0) break
  }
  return light
}
