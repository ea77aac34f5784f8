// Where a panorama hotspot sits: yaw/pitch in the scene's convention (yaw 0 looks down -Z, counter-clockwise
// seen from above) to a point on a sphere around the viewer; and the texture offset that lines the image up.

/** Unit direction for a yaw/pitch in degrees. */
export function directionFromYawPitch(yawDeg: number, pitchDeg: number): [number, number, number] {
  const yaw = (yawDeg * Math.PI) / 180
  const pitch = (pitchDeg * Math.PI) / 180
  const c = Math.cos(pitch)
  return [-Math.sin(yaw) * c, Math.sin(pitch), -Math.cos(yaw) * c]
}

/** Yaw in degrees (scene convention) that looks from `from` towards `to` on the floor plane. */
export function yawTowards(
  from: readonly [number, number, number],
  to: readonly [number, number, number],
): number {
  const dx = to[0] - from[0]
  const dz = to[2] - from[2]
  return (Math.atan2(-dx, -dz) * 180) / Math.PI
}
