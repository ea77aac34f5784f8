// Seeded, tileable pattern functions for the generated surface textures (surface-textures.ts).
// Every function is periodic over the unit square, so a texture made from them repeats without seams.
import { seededRandom } from '../../src/shared/seeded-random'

/** A periodic value-noise lattice of `period` (across × along `periodV`) cells per tile, smoothly interpolated; values 0..1. */
export function valueNoise(seed: number, period: number, periodV = period): (u: number, v: number) => number {
  const random = seededRandom(seed)
  const lattice = Float32Array.from({ length: period * periodV }, () => random())
  const at = (x: number, y: number) =>
    lattice[(((y % periodV) + periodV) % periodV) * period + (((x % period) + period) % period)]
  return (u, v) => {
    const x = u * period
    const y = v * periodV
    const x0 = Math.floor(x)
    const y0 = Math.floor(y)
    const fx = smooth(x - x0)
    const fy = smooth(y - y0)
    const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
    const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
    return top * (1 - fy) + bottom * fy
  }
}

/** Fractal sum of value noise from `period` cells upward, octaves halving in weight; values about 0..1. */
export function fbm(seed: number, period: number, octaves: number): (u: number, v: number) => number {
  const layers = Array.from({ length: octaves }, (_, i) => valueNoise(seed + i * 101, period << i))
  const total = layers.reduce((sum, _, i) => sum + 0.5 ** i, 0)
  return (u, v) => layers.reduce((sum, layer, i) => sum + layer(u, v) * 0.5 ** i, 0) / total
}

/** Distance to the nearest of `count` seeded points (wrapping), scaled so a cell's radius is about 1. */
export function cells(
  seed: number,
  count: number,
): (u: number, v: number) => { distance: number; id: number } {
  const random = seededRandom(seed)
  const points = Array.from({ length: count }, () => [random(), random()] as const)
  const scale = Math.sqrt(count)
  return (u, v) => {
    let best = Number.POSITIVE_INFINITY
    let id = 0
    points.forEach(([px, py], i) => {
      const dx = Math.abs(u - px)
      const dy = Math.abs(v - py)
      const d = Math.hypot(Math.min(dx, 1 - dx), Math.min(dy, 1 - dy))
      if (d < best) {
        best = d
        id = i
      }
    })
    return { distance: best * scale, id }
  }
}

/** A running-bond grid: which block (row, column) a point is in and its distance to the nearest joint, in tile units. */
export function bond(
  u: number,
  v: number,
  rows: number,
  columns: number,
  offset = 0.5,
): { row: number; column: number; joint: number } {
  const row = Math.floor(v * rows)
  const shifted = u * columns + (row % 2) * offset
  const column = Math.floor(shifted)
  const fu = (shifted - column) / columns
  const fv = (v * rows - row) / rows
  const joint = Math.min(fu, 1 / columns - fu, fv, 1 / rows - fv)
  return { row, column: ((column % columns) + columns) % columns, joint }
}

/** A per-integer pseudo-random value 0..1 (block tints, plank shades). */
export function hash(seed: number, ...values: number[]): number {
  let h = seed >>> 0
  for (const value of values) h = Math.imul(h ^ (value + 0x9e3779b9), 0x85ebca6b) >>> 0
  return seededRandom(h)()
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t)
}
