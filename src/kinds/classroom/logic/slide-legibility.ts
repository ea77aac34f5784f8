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

/** The farthest any point of the slide's text area is from any seat's eye. */
export function farthestReadingDistance(
  layout: SlideGeometry,
  seats: ReadonlyArray<{ position: Vec3 }>,
): number {
  const [cx, cy, cz] = layout.screenPosition
  const halfW = layout.screenSize[0] / 2 - SLIDE_MARGIN
  const halfH = layout.screenSize[1] / 2 - SLIDE_MARGIN
  let farthest = 0
  for (const seat of seats)
    for (const eye of EYE_HEIGHTS)
      for (const x of [cx - halfW, cx + halfW])
        for (const y of [cy - halfH, cy + halfH]) {
          const d = Math.hypot(x - seat.position[0], y - (seat.position[1] + eye), cz - seat.position[2])
          if (d > farthest) farthest = d
        }
  return farthest
}

export interface SlideFonts {
  body: number
  title: number
  caption: number
  pageNumber: number
}

/** Font sizes (metres) whose cap height reaches MIN_CAP_DEG from the farthest seat, rounded up to 5 mm. */
export function slideFonts(layout: SlideGeometry, seats: ReadonlyArray<{ position: Vec3 }>): SlideFonts {
  const d = farthestReadingDistance(layout, seats)
  const needed = (2 * d * Math.tan(((MIN_CAP_DEG / 2) * Math.PI) / 180)) / CAP_HEIGHT_EM
  const body = Math.ceil(needed / 0.005) * 0.005
  return { body, title: Math.ceil((body * 1.4) / 0.005) * 0.005, caption: body, pageNumber: body }
}
