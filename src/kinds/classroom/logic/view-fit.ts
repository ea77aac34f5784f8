import { MEMBERS_PER_PAGE } from './member-row'

// How far in front of the eye a panel must float to fit a desktop window of any shape (a portrait
// kiosk screen shows a narrow slice of the room), and how far it may sit to the side. Headsets see
// wide enough for the default placement.

export interface ViewShape {
  aspect: number
  vFovDeg: number
}

/** Free space kept around a panel, as a fraction of its size. */
const MARGIN = 0.08

/**
 * The least distance (≥ `base`) at which a `w`×`h` panel, `side` metres right of the line of sight and
 * `up` metres above the eye, lies wholly in view.
 */
export function fitDistance(
  view: ViewShape | null,
  w: number,
  h: number,
  base: number,
  side = 0,
  up = 0,
): number {
  if (!view) return base
  const tanV = Math.tan(((view.vFovDeg / 2) * Math.PI) / 180)
  const tanH = tanV * view.aspect
  const halfW = Math.abs(side) + (w / 2) * (1 + MARGIN)
  const halfH = Math.abs(up) + (h / 2) * (1 + MARGIN)
  return Math.max(base, halfW / tanH, halfH / tanV)
}

/**
 * A console below the eye, like a lectern: its top edge at `top` (under `eye`), its centre and how far
 * in front it must stand so a `w`×`h` console fits the window. Above it the room stays in view.
 */
export function lecternPlacement(
  view: ViewShape | null,
  w: number,
  h: number,
  top: number,
  eye: number,
  base: number,
): { centreY: number; distance: number } {
  const centreY = top - h / 2
  return { centreY, distance: fitDistance(view, w, h, base, 0, centreY - eye) }
}

/** One member row of the teacher console. */
export const MEMBER_ROW = 0.085

/**
 * The teacher console's height: four key rows, the members heading and one page of member rows. It is the
 * same for any class (the list pages), so nothing on it moves as students come and go.
 */
export const CONSOLE_HEIGHT = 0.65 + MEMBER_ROW * MEMBERS_PER_PAGE

/** Free space kept between a headset panel and the comfort field's side columns, at 1 m (tan units). */
const XR_COLUMN_MARGIN = 0.03

/**
 * In a headset: how far along the comfort field's centre line (XR_COMFORT's pitch below the horizon) a
 * `w`×`h` panel facing the eye must stand to stay inside the field's centre column. The side columns
 * hold the XR menu; the default desktop placement reached above the field and under that menu.
 */
export function xrCentreDistance(w: number, h: number, comfort: XrComfort, centre: CentreColumn): number {
  const half = Math.tan(((comfort.fovDeg / 2) * Math.PI) / 180)
  // The column's half-width and the field's half-height on the plane 1 m along the centre line.
  const columnHalfW = (centre.x1 - centre.x0) * half * comfort.aspect - XR_COLUMN_MARGIN
  const fieldHalfH = half - XR_COLUMN_MARGIN
  return Math.max(w / 2 / columnHalfW, h / 2 / fieldHalfH)
}

/** The headset's comfort field (the platform's XR_COMFORT). */
export interface XrComfort {
  fovDeg: number
  aspect: number
  pitchDeg: number
}

/** The centre column of the view's slots, in fractions of the field's width (the platform's SLOT_REGIONS.center). */
export interface CentreColumn {
  x0: number
  x1: number
}
