// The teleport arc as pure maths: a parabola launched from the controller, sampled into points, and
// where it lands. Landing counts only on the scene's floor areas; anywhere else the arc is refused.
import type { FloorArea, Vec3 } from '../../schema/common'

export interface TeleportArcOptions {
  /** Launch speed in m/s along the aim direction (default 7: ~5 m reach at 45°). */
  speed?: number
  /** Downward acceleration in m/s² (default 9.8). */
  gravity?: number
  /** Time between samples in seconds (default 0.03). */
  step?: number
  /** Most samples before giving up (default 80). */
  maxSamples?: number
}

export interface TeleportArc {
  /** Sampled points from the launch point to the landing (or the last sample). */
  points: Vec3[]
  /** Where the arc meets a floor area or the ground below, or null when it never comes down. */
  landing: Vec3 | null
  /** True only when the landing lies on a floor area: the one case a teleport is allowed. */
  valid: boolean
}

/**
 * Samples the arc from `origin` along `direction` (need not be normalised). It stops at the first
 * floor area it comes down onto (valid), or at the lowest walkable height outside every area (refused).
 */
export function computeTeleportArc(
  origin: Vec3,
  direction: Vec3,
  floors: readonly FloorArea[],
  options: TeleportArcOptions = {},
): TeleportArc {
  const { speed = 7, gravity = 9.8, step = 0.03, maxSamples = 80 } = options
  const len = Math.hypot(direction[0], direction[1], direction[2]) || 1
  const v: Vec3 = [(direction[0] / len) * speed, (direction[1] / len) * speed, (direction[2] / len) * speed]
  // Below the lowest floor nothing is walkable: the arc ends there even when it misses every area.
  const ground = floors.length ? Math.min(0, ...floors.map((f) => f.y)) : 0
  const at = (t: number): Vec3 => [
    origin[0] + v[0] * t,
    origin[1] + v[1] * t - 0.5 * gravity * t * t,
    origin[2] + v[2] * t,
  ]
  // Highest floor first, so a raised platform wins over the ground it stands on.
  const heights = [...new Set(floors.map((f) => f.y))].sort((a, b) => b - a)
  const points: Vec3[] = [origin]
  let prev = origin
  for (let i = 1; i <= maxSamples; i++) {
    const next = at(i * step)
    for (const h of heights) {
      if (prev[1] >= h && next[1] < h) {
        const hit = lerpToHeight(prev, next, h)
        const area = floors.find((f) => f.y === h && inside(f, hit[0], hit[2]))
        if (area) {
          points.push(hit)
          return { points, landing: hit, valid: true }
        }
      }
    }
    if (prev[1] >= ground && next[1] < ground) {
      const hit = lerpToHeight(prev, next, ground)
      points.push(hit)
      return { points, landing: hit, valid: false }
    }
    points.push(next)
    prev = next
  }
  return { points, landing: null, valid: false }
}

function lerpToHeight(a: Vec3, b: Vec3, h: number): Vec3 {
  const t = (a[1] - h) / (a[1] - b[1])
  return [a[0] + (b[0] - a[0]) * t, h, a[2] + (b[2] - a[2]) * t]
}

function inside(area: FloorArea, x: number, z: number): boolean {
  return x >= area.min[0] && x <= area.max[0] && z >= area.min[1] && z <= area.max[1]
}
