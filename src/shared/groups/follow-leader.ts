// Keeping a group with its leader, for every kind that has one (the classroom's teacher, a tour's docent):
// "follow me" moves a member who is more than FOLLOW_RADIUS away to FOLLOW_BEHIND from the leader, on the
// line from the leader to where the member stood, so the group gathers without piling up; and a summon
// ("gather") places the members in arcs in front of a spot.
export const FOLLOW_RADIUS = 2.5
export const FOLLOW_BEHIND = 1.5
/** How far the leader must move before following members are pulled after them again. */
export const LEADER_MOVE = 1

type Floor3 = Readonly<[number, number, number]>

/** Where to move the member, or null when they are close enough. Floor positions (x, z); y is 0. */
export function followTarget(
  member: Floor3,
  leaderX: number,
  leaderZ: number,
): [number, number, number] | null {
  const dx = member[0] - leaderX
  const dz = member[2] - leaderZ
  const d = Math.hypot(dx, dz)
  if (d <= FOLLOW_RADIUS) return null
  return [leaderX + (dx / d) * FOLLOW_BEHIND, 0, leaderZ + (dz / d) * FOLLOW_BEHIND]
}

/**
 * Follows the leader's moves, not the member's own: a member who walks off to look at something while
 * the leader stands still is left alone; once the leader has moved LEADER_MOVE or more since the last
 * pull, a member out of FOLLOW_RADIUS is brought after them. Pure apart from its one remembered anchor.
 */
export class LeaderFollower {
  private anchor: [number, number] | null = null

  /** Where to move the member now, or null. */
  update(member: Floor3, leaderX: number, leaderZ: number): [number, number, number] | null {
    const a = this.anchor
    if (a && Math.hypot(leaderX - a[0], leaderZ - a[1]) < LEADER_MOVE) return null
    this.anchor = [leaderX, leaderZ]
    return followTarget(member, leaderX, leaderZ)
  }

  /** Forget the anchor (after stepping back in, the next leader position pulls the member). */
  reset(): void {
    this.anchor = null
  }
}

/** Members per arc of a summon, and the arcs' radii. */
const PER_ARC = 8
const FIRST_RADIUS = 1.8
const ARC_STEP = 0.9

/**
 * Where the `index`-th summoned member stands: arcs of eight in front of `spot` (towards +z from it,
 * rotated by `facingYaw` radians), each facing the spot; returns the position and the yaw in degrees.
 */
export function gatherSlot(
  spot: Floor3,
  index: number,
  facingYaw = 0,
): { position: [number, number, number]; yaw: number } {
  const ring = Math.floor(index / PER_ARC)
  const slot = index % PER_ARC
  const angle = ((slot - (PER_ARC - 1) / 2) / PER_ARC) * Math.PI * 0.9 + facingYaw
  const radius = FIRST_RADIUS + ring * ARC_STEP
  return {
    position: [spot[0] + Math.sin(angle) * radius, 0, spot[2] + Math.cos(angle) * radius],
    yaw: (angle * 180) / Math.PI,
  }
}
