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
