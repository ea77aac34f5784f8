// Where things stand in the hall: a point given in a piece of furniture's own frame (x right, z towards
// the visitor, rotated by its yaw) turned into the world, and the seat rows that fill the waiting area.
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'

/**
 * Clerks stand this far behind the counter's centre line: far enough that talking hands (the talk clip
 * reaches 0.51 m ahead at 1.04 m, under the counter's top) stay clear of its back edge at -0.37.
 */
export const CLERK_DEPTH = -0.9

export type Point3 = [number, number, number]

/** `local` (metres, in the frame of something at `origin` turned `rotationY` degrees about +Y) in world space. */
export function placeLocal(origin: readonly number[], rotationY: number, local: readonly number[]): Point3 {
  const a = (rotationY * Math.PI) / 180
  return [
    origin[0] + local[0] * Math.cos(a) + local[2] * Math.sin(a),
    origin[1] + local[1],
    origin[2] - local[0] * Math.sin(a) + local[2] * Math.cos(a),
  ]
}

export interface SeatPlacement {
  position: Point3
  /** Degrees about +Y. */
  rotationY: number
}

/** Seat rows filling the waiting area: two blocks either side of a central aisle, rows 1.2 m apart. */
export function seatPlacements(content: ServiceHallContent): SeatPlacement[] {
  const w = content.layout.waitingArea
  const rows = Math.max(1, Math.floor(w.size[1] / 1.2))
  const perSide = Math.max(1, Math.floor((w.size[0] / 2 - 0.5) / 2.4))
  const out: SeatPlacement[] = []
  for (let r = 0; r < rows; r++) {
    const z = (r - (rows - 1) / 2) * 1.2
    for (let k = 0; k < perSide; k++) {
      const x = 0.5 + 1.2 + k * 2.4
      for (const s of [-1, 1])
        out.push({ position: placeLocal(w.position, w.rotationY, [s * x, 0, z]), rotationY: w.rotationY })
    }
  }
  return out
}
