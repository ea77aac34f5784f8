// Slide text a student can read from their seat: the height of a capital letter must subtend at least
// 0.9° of visual angle (≈16 mm at 1 m) from every seat, seated or standing, to every point of the
// slide's text area. The slide's font sizes are derived from the scene's seats and screen, so moving
// the desks or the screen keeps the text legible without touching code.
import type { Vec3 } from '../../../schema/common'

/** Noto Sans SC's cap height (OS/2 sCapHeight 733 of 1000 units per em), the font every text uses. */
export const CAP_HEIGHT_EM = 0.733
export const MIN_CAP_DEG = 0.9
/** Eye heights above a seat's floor: sitting at the desk (VR seated mode) and standing (desktop rig). */
export const EYE_HEIGHTS = [1.2, 1.6] as const
/** The margin between the screen's edge and its text, metres. */
export const SLIDE_MARGIN = 0.25

export interface SlideGeometry {
  screenPosition: Vec3
  screenSize: [number, number]
}

/** Degrees a cap height subtends at a distance (metres). */
export function capDegrees(fontSize: number, distance: number): number {
  return (2 * Math.atan((fontSize * CAP_HEIGHT_EM) / 2 / distance) * 180) / Math.PI
}

/**
 * The visual angle (degrees) of a vertical cap height `cap` standing at `point`, seen from `eye`: the
 * distance shrinks it, and so does looking up or down at it (a vertical letter seen from below is
 * foreshortened).
 */
export function capAngleAt(cap: number, point: Vec3, eye: Vec3): number {
  const a = [point[0] - eye[0], point[1] - eye[1], point[2] - eye[2]]
  const b = [a[0], a[1] + cap, a[2]]
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
  const cos = dot / (Math.hypot(a[0], a[1], a[2]) * Math.hypot(b[0], b[1], b[2]))
  return (Math.acos(Math.min(1, cos)) * 180) / Math.PI
}

/** Every corner of the slide's text area (world space). */
export function textAreaCorners(layout: SlideGeometry): Vec3[] {
  const [cx, cy, cz] = layout.screenPosition
  const halfW = layout.screenSize[0] / 2 - SLIDE_MARGIN
  const halfH = layout.screenSize[1] / 2 - SLIDE_MARGIN
  return [
    [cx - halfW, cy - halfH, cz],
    [cx + halfW, cy - halfH, cz],
    [cx - halfW, cy + halfH, cz],
    [cx + halfW, cy + halfH, cz],
  ]
}

/** Every seat's eye, seated and standing. */
export function seatEyes(seats: ReadonlyArray<{ position: Vec3 }>): Vec3[] {
  return seats.flatMap((s) => EYE_HEIGHTS.map((h): Vec3 => [s.position[0], s.position[1] + h, s.position[2]]))
}

/** The smallest visual angle (degrees) a cap height of `cap` metres has anywhere in the text area from any seat. */
export function worstCapAngle(
  layout: SlideGeometry,
  seats: ReadonlyArray<{ position: Vec3 }>,
  cap: number,
): number {
  let worst = Number.POSITIVE_INFINITY
  for (const eye of seatEyes(seats))
    for (const corner of textAreaCorners(layout)) {
      // The letter's cap may stand at the corner or hang just below it: look at both ends.
      worst = Math.min(
        worst,
        capAngleAt(cap, corner, eye),
        capAngleAt(cap, [corner[0], corner[1] - cap, corner[2]], eye),
      )
    }
  return worst
}

export interface SlideFonts {
  body: number
  title: number
  caption: number
  pageNumber: number
}

/** Font sizes (metres) whose cap height reaches MIN_CAP_DEG from every seat, in 5 mm steps. */
export function slideFonts(layout: SlideGeometry, seats: ReadonlyArray<{ position: Vec3 }>): SlideFonts {
  let body = 0.05
  while (worstCapAngle(layout, seats, body * CAP_HEIGHT_EM) < MIN_CAP_DEG) body += 0.005
  body = Math.round(body * 1000) / 1000
  return { body, title: Math.round(body * 1.4 * 200) / 200, caption: body, pageNumber: body }
}
