// Where the park's field sensors stand: a pure function of the scene data and the sensor count, shared
// by the server's simulator (which derives each sensor's reading from its place) and every viewer (which
// draws sensor i at point i), so the batch payload carries values only and both sides always agree.
import type { TwinContent } from '../../schema/kinds/twin'

/** Clearance kept around each asset's footprint, metres: sensors stand outside buildings. */
const CLEARANCE = 1.5

interface Rect {
  minX: number
  maxX: number
  minZ: number
  maxZ: number
}

/** The park's extent: every asset footprint and road, in the scene's x/z plane. */
export function parkBounds(twin: TwinContent): Rect {
  const r: Rect = { minX: Infinity, maxX: -Infinity, minZ: Infinity, maxZ: -Infinity }
  const add = (x: number, z: number) => {
    r.minX = Math.min(r.minX, x)
    r.maxX = Math.max(r.maxX, x)
    r.minZ = Math.min(r.minZ, z)
    r.maxZ = Math.max(r.maxZ, z)
  }
  for (const f of footprints(twin, 0)) {
    add(f.minX, f.minZ)
    add(f.maxX, f.maxZ)
  }
  for (const road of twin.roads) {
    add(road.from[0], road.from[1])
    add(road.to[0], road.to[1])
  }
  if (!Number.isFinite(r.minX)) return { minX: -10, maxX: 10, minZ: -10, maxZ: 10 }
  return r
}

/** Axis-aligned footprints of the assets (a rotated asset gets the box around its rotated rectangle). */
function footprints(twin: TwinContent, margin: number): Rect[] {
  return twin.assets.map((a) => {
    const [w, , d] = a.size
    const rad = (a.rotationY * Math.PI) / 180
    const hx = (Math.abs(Math.cos(rad)) * w + Math.abs(Math.sin(rad)) * d) / 2 + margin
    const hz = (Math.abs(Math.sin(rad)) * w + Math.abs(Math.cos(rad)) * d) / 2 + margin
    const [x, , z] = a.position
    return { minX: x - hx, maxX: x + hx, minZ: z - hz, maxZ: z + hz }
  })
}

/**
 * Positions of `count` field sensors as x/z pairs (`[x0, z0, x1, z1, …]`): a regular grid over the park's
 * bounds with the cells inside building footprints left out, thinned evenly to `count`. Deterministic:
 * the same scene and count always give the same layout.
 */
export function fieldSensorLayout(twin: TwinContent, count: number): Float32Array {
  const out = new Float32Array(Math.max(0, count) * 2)
  if (count <= 0) return out
  const b = parkBounds(twin)
  const blocked = footprints(twin, CLEARANCE)
  const width = Math.max(1, b.maxX - b.minX)
  const depth = Math.max(1, b.maxZ - b.minZ)
  // Start with as many cells as sensors and refine until enough cells lie outside the buildings.
  for (let cells = count; ; cells = Math.ceil(cells * 1.25)) {
    // A park that is all building (no free ground at any density) still gets its sensors, on the roofs.
    const ignoreBuildings = cells > count * 64
    const cols = Math.max(1, Math.round(Math.sqrt((cells * width) / depth)))
    const rows = Math.max(1, Math.ceil(cells / cols))
    const free: number[] = []
    for (let row = 0; row < rows; row++) {
      const z = b.minZ + ((row + 0.5) / rows) * depth
      for (let col = 0; col < cols; col++) {
        const x = b.minX + ((col + 0.5) / cols) * width
        if (ignoreBuildings || !blocked.some((f) => x >= f.minX && x <= f.maxX && z >= f.minZ && z <= f.maxZ))
          free.push(x, z)
      }
    }
    const available = free.length / 2
    if (available >= count) {
      for (let i = 0; i < count; i++) {
        const cell = Math.floor((i * available) / count)
        out[i * 2] = free[cell * 2]
        out[i * 2 + 1] = free[cell * 2 + 1]
      }
      return out
    }
  }
}
