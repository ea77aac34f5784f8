// The desktop camera's field of view. 70° tall on a landscape window; on a portrait screen (a 1080×1920
// touch kiosk, a phone held upright) 70° tall is only 43° wide, a tunnel in which the hall's desk panel
// and the clerk beside it do not fit side by side. There the view widens until it is 60° wide.

/** Vertical field of view on a landscape window (degrees). */
export const DESKTOP_VFOV_DEG = 70
/** The narrowest horizontal field a portrait screen is given (degrees). */
export const MIN_DESKTOP_HFOV_DEG = 60

/** The desktop camera's vertical field of view (degrees) for a view `aspect` (width / height) wide. */
export function desktopVerticalFov(aspect: number): number {
  const halfW = Math.tan((MIN_DESKTOP_HFOV_DEG * Math.PI) / 360)
  const keepWidth = (2 * Math.atan(halfW / Math.max(aspect, 0.1)) * 180) / Math.PI
  return Math.max(DESKTOP_VFOV_DEG, keepWidth)
}
