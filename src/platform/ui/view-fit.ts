// World panels fit to the view: how far in front of the eye a panel must float to fit a desktop window
// of any shape (a portrait kiosk screen shows a narrow slice of the room), and, in a headset, to stay in
// the comfort field's centre column between the view slots' side columns (the XR menu's). For panels a
// kind stands in its room (the classroom's join panel, quiz and teacher console) rather than in a slot.
import type { DesktopViewShape } from './use-desktop-view'
import { SLOT_REGIONS, XR_COMFORT } from './view-slots'

/** Free space kept around a panel, as a fraction of its size. */
const MARGIN = 0.08

/**
 * The least distance (≥ `base`) at which a `w`×`h` panel, `side` metres right of the line of sight and
 * `up` metres above the eye, lies wholly in view. Null (a headset) keeps `base`.
 */
export function fitDistance(
  view: DesktopViewShape | null,
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
  view: DesktopViewShape | null,
  w: number,
  h: number,
  top: number,
  eye: number,
  base: number,
): { centreY: number; distance: number } {
  const centreY = top - h / 2
  return { centreY, distance: fitDistance(view, w, h, base, 0, centreY - eye) }
}

/** Free space kept between a headset panel and the comfort field's side columns, at 1 m (tan units). */
const XR_COLUMN_MARGIN = 0.03

/**
 * In a headset: how far along the comfort field's centre line (XR_COMFORT's pitch below the horizon) a
 * `w`×`h` panel facing the eye must stand to stay inside the field's centre column. The side columns
 * hold the XR menu.
 */
export function xrCentreDistance(w: number, h: number): number {
  const half = Math.tan(((XR_COMFORT.fovDeg / 2) * Math.PI) / 180)
  const centre = SLOT_REGIONS.center
  // The column's half-width and the field's half-height on the plane 1 m along the centre line.
  const columnHalfW = (centre.x1 - centre.x0) * half * XR_COMFORT.aspect - XR_COLUMN_MARGIN
  const fieldHalfH = half - XR_COLUMN_MARGIN
  return Math.max(w / 2 / columnHalfW, h / 2 / fieldHalfH)
}
