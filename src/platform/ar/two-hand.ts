// Two hands (or two controllers) holding the placed model's base turn and resize it, as a photo is turned and
// stretched with two fingers: the turn follows the line between the two grips, the size their distance.
// Pure: room-space points on the table (x, z) in, the pose's yaw and zoom out.

/** Where the two grips began (x, z in room space) and the pose then. */
export interface TwoHandStart {
  a: readonly [number, number]
  b: readonly [number, number]
  yaw: number
  zoom: number
}

/** Grips closer than this (metres) give no direction or ratio worth following. */
const MIN_SPAN = 0.02

/** The heading of the line from a to b (radians, the sense of a turn about +Y). */
const heading = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.atan2(b[0] - a[0], b[1] - a[1])

/** The yaw and zoom the grips now at a and b ask for, the zoom clamped to `range`. */
export function twoHandPose(
  start: TwoHandStart,
  a: readonly [number, number],
  b: readonly [number, number],
  range: readonly [number, number],
): { yaw: number; zoom: number } {
  const span0 = Math.hypot(start.b[0] - start.a[0], start.b[1] - start.a[1])
  const span = Math.hypot(b[0] - a[0], b[1] - a[1])
  if (span0 < MIN_SPAN || span < MIN_SPAN) return { yaw: start.yaw, zoom: start.zoom }
  let turn = heading(a, b) - heading(start.a, start.b)
  // The short way round: a line crossing ±180° is a small turn, not a whole one.
  turn = Math.atan2(Math.sin(turn), Math.cos(turn))
  const zoom = Math.min(range[1], Math.max(range[0], (start.zoom * span) / span0))
  return { yaw: start.yaw + turn, zoom }
}
