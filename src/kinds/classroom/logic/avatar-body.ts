// Where another member's figure stands, from the head pose they send: under their eyes, turning after
// the way they face (a body follows a head, slower), walking while the head moves faster than a
// stroll, and sized so its eyes meet the head's height. A jump of over a metre (a teleport, a summon)
// places it at once. Pure and allocation-free: the Avatars view calls it every frame.

/** The humanoid's eye height (m) at scale 1, and how far its eyes sit ahead of its feet's centre. */
export const FIGURE_EYE_Y = 1.59
const EYE_AHEAD = 0.08
/** Faster than this (m/s) the figure walks. */
export const WALK_SPEED = 0.35
const TELEPORT_M = 1
/** How fast the body turns after the head (rad/s). */
const BODY_TURN = 3
const MIN_SCALE = 0.8
const MAX_SCALE = 1.15

export class AvatarBody {
  /** Where the figure's feet stand (floor plane) and the way it faces (rad about +Y, 0 = +Z). */
  x = 0
  z = 0
  yaw = 0
  /** Ground speed of the head (m/s), smoothed. */
  speed = 0
  scale = 1
  private placed = false
  private headX = 0
  private headZ = 0

  /** Follows a head at (x, y, z) facing `heading` (rad about +Y, 0 = +Z), `delta` s after the last call. */
  follow(x: number, y: number, z: number, heading: number, delta: number): this {
    const moved = Math.hypot(x - this.headX, z - this.headZ)
    if (!this.placed || moved > TELEPORT_M) {
      this.placed = true
      this.yaw = heading
      this.speed = 0
    } else if (delta > 0) {
      // Exponential smoothing of the pose buffer's steps (10–20 Hz poses, interpolated).
      this.speed += (moved / delta - this.speed) * (1 - Math.exp(-6 * delta))
      const turn = BODY_TURN * delta
      this.yaw += Math.min(turn, Math.max(-turn, shortestTurn(this.yaw, heading)))
    }
    this.headX = x
    this.headZ = z
    this.x = x - Math.sin(this.yaw) * EYE_AHEAD
    this.z = z - Math.cos(this.yaw) * EYE_AHEAD
    this.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, y / FIGURE_EYE_Y))
    return this
  }

  get walking(): boolean {
    return this.speed > WALK_SPEED
  }
}

/** Signed smallest turn (rad) from `from` to `to`. */
export function shortestTurn(from: number, to: number): number {
  const d = (to - from + Math.PI) % (Math.PI * 2)
  return (d < 0 ? d + Math.PI * 2 : d) - Math.PI
}
