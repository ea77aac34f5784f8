// A world pose as the room's pose tuple, rounded to a millimetre (and 1e-3 of a quaternion component)
// so an unchanged pose is byte-identical and causes no patch at all.
import type { PoseTuple } from '../../../shared/classroom/classroom-messages'

export function round3(v: number): number {
  return Math.round(v * 1000) / 1000
}

export function poseTuple(
  p: { x: number; y: number; z: number },
  q: { x: number; y: number; z: number; w: number },
): PoseTuple {
  return [round3(p.x), round3(p.y), round3(p.z), round3(q.x), round3(q.y), round3(q.z), round3(q.w)]
}
