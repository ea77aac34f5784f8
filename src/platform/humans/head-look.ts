// Where a digital human's head turns to look at a point: yaw and pitch within a neck's comfortable
// range (±60° and ±20°). Beyond 120° to either side the visitor is behind, and the head faces front.

export const LOOK_YAW_LIMIT = (60 * Math.PI) / 180
export const LOOK_PITCH_LIMIT = (20 * Math.PI) / 180
const BEHIND = (120 * Math.PI) / 180

export interface LookAngles {
  /** Radians about Y, toward the figure's left (+X) positive. */
  yaw: number
  /** Radians about X, looking down positive (the bones' convention). */
  pitch: number
}

/** Angles to a direction (x, y, z) given in the frame the head turns in (+Z ahead, +Y up); writes `out`. */
export function lookAngles(x: number, y: number, z: number, out: LookAngles): LookAngles {
  const yaw = Math.atan2(x, z)
  if (Math.abs(yaw) > BEHIND || x * x + y * y + z * z < 1e-6) {
    out.yaw = 0
    out.pitch = 0
    return out
  }
  out.yaw = Math.min(Math.max(yaw, -LOOK_YAW_LIMIT), LOOK_YAW_LIMIT)
  const pitch = -Math.atan2(y, Math.hypot(x, z))
  out.pitch = Math.min(Math.max(pitch, -LOOK_PITCH_LIMIT), LOOK_PITCH_LIMIT)
  return out
}
