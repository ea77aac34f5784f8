// Maps between the world floor (x, z) and the minimap panel (u, v in metres, centred, north = -Z up),
// and snaps a chosen map point onto a floor area so the visitor is never sent into a wall or off the site.
import type { FloorArea } from '../../../schema/common'

export interface MapFrame {
  /** World rectangle shown (x, z). */
  min: readonly [number, number]
  max: readonly [number, number]
  /** Panel size in metres. */
  width: number
  height: number
}

/** The largest panel inside maxWidth × maxHeight with the world rectangle's aspect ratio. */
export function fitMapFrame(
  min: readonly [number, number],
  max: readonly [number, number],
  maxWidth: number,
  maxHeight: number,
): MapFrame {
  const worldW = max[0] - min[0]
  const worldD = max[1] - min[1]
  const scale = Math.min(maxWidth / worldW, maxHeight / worldD)
  return { min, max, width: worldW * scale, height: worldD * scale }
}

/** `out` lets a per-frame caller reuse one pair instead of allocating. */
export function worldToMap(
  frame: MapFrame,
  x: number,
  z: number,
  out: [number, number] = [0, 0],
): [number, number] {
  const fx = (x - frame.min[0]) / (frame.max[0] - frame.min[0])
  const fz = (z - frame.min[1]) / (frame.max[1] - frame.min[1])
  // Smaller z (north, -Z) is drawn at the top of the map.
  out[0] = (fx - 0.5) * frame.width
  out[1] = (0.5 - fz) * frame.height
  return out
}

export function mapToWorld(frame: MapFrame, u: number, v: number): [number, number] {
  const fx = u / frame.width + 0.5
  const fz = 0.5 - v / frame.height
  return [
    frame.min[0] + fx * (frame.max[0] - frame.min[0]),
    frame.min[1] + fz * (frame.max[1] - frame.min[1]),
  ]
}

/**
 * The closest point to (x, z) on any floor area, pulled `inset` metres inside its edge so the visitor does not
 * stand in a wall. Returns the floor's height as y.
 */
export function snapToFloors(
  floors: readonly FloorArea[],
  x: number,
  z: number,
  inset = 0.4,
): { position: [number, number, number]; floorId: string } | null {
  let best: { position: [number, number, number]; floorId: string; distance: number } | null = null
  for (const f of floors) {
    const ix = Math.min(inset, (f.max[0] - f.min[0]) / 2)
    const iz = Math.min(inset, (f.max[1] - f.min[1]) / 2)
    const sx = Math.min(Math.max(x, f.min[0] + ix), f.max[0] - ix)
    const sz = Math.min(Math.max(z, f.min[1] + iz), f.max[1] - iz)
    const distance = Math.hypot(sx - x, sz - z)
    if (!best || distance < best.distance) best = { position: [sx, f.y, sz], floorId: f.id, distance }
  }
  return best && { position: best.position, floorId: best.floorId }
}
