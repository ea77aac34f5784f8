// Fixed ray sets and per-vertex turns for the light bake: low-discrepancy points (so few rays give a
// smooth result) and a hash instead of a random generator (so every build gives the same bytes).
import { Vector3 } from 'three'

/** N points of the Hammersley set in the unit square: evenly spread, and the same every build. */
export function hammersley(count: number): Array<[number, number]> {
  const points: Array<[number, number]> = []
  for (let i = 0; i < count; i++) {
    let bits = i
    let inverse = 0
    for (let f = 0.5; bits > 0; f /= 2, bits >>= 1) if (bits & 1) inverse += f
    points.push([(i + 0.5) / count, inverse])
  }
  return points
}

/** N points of a Fibonacci spiral filling the unit disk evenly. */
export function fibonacciDisk(count: number): Array<[number, number]> {
  const golden = Math.PI * (3 - Math.sqrt(5))
  return Array.from({ length: count }, (_, i) => {
    const r = Math.sqrt((i + 0.5) / count)
    return [r * Math.cos(i * golden), r * Math.sin(i * golden)] as [number, number]
  })
}

/** An orthonormal tangent and bitangent for unit vector n (Duff et al. 2017, branch-free ONB). */
export function frame(
  n: Vector3,
  tangent = new Vector3(),
  bitangent = new Vector3(),
): { tangent: Vector3; bitangent: Vector3 } {
  const sign = n.z >= 0 ? 1 : -1
  const a = -1 / (sign + n.z)
  const b = n.x * n.y * a
  tangent.set(1 + sign * n.x * n.x * a, sign * b, -sign * n.x)
  bitangent.set(b, sign + n.y * n.y * a, -n.y)
  return { tangent, bitangent }
}

/**
 * Two numbers in [0, 1) from a vertex's position (to 0.1 mm) and normal (to 0.001): how far to turn
 * the fixed ray sets for this vertex. Coinciding vertices with the same normal get the same turn.
 */
export function vertexHash(position: Vector3, normal: Vector3): [number, number] {
  let h = 0x811c9dc5
  for (const value of [
    Math.round(position.x * 1e4),
    Math.round(position.y * 1e4),
    Math.round(position.z * 1e4),
    Math.round(normal.x * 1e3),
    Math.round(normal.y * 1e3),
    Math.round(normal.z * 1e3),
  ]) {
    h = Math.imul(h ^ value, 0x01000193)
  }
  const mix = (x: number): number => {
    let y = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
    y = Math.imul(y ^ (y >>> 13), 0xc2b2ae35)
    return (y ^ (y >>> 16)) >>> 0
  }
  const first = mix(h)
  return [first / 2 ** 32, mix(first ^ 0x9e3779b9) / 2 ** 32]
}
