// Who may speak in a docent's group, by the classroom's floor rules (src/shared/voice/voice-floor.ts): the
// docent leads; a visitor raises a hand and speaks once given the floor. A group has no mute: the docent
// takes the floor back instead. The room keeps the members; these read and change their floor fields.
import type { GroupRole } from '../../shared/groups/group-messages'
import { type FloorChange, type FloorMember, maySpeak, speakers } from '../../shared/voice/voice-floor'

export interface FloorHolder {
  role: GroupRole
  hand: boolean
  floor: boolean
}

const NO_MUTE = { allMuted: false }

const asFloorMember = (m: FloorHolder): FloorMember => ({
  leader: m.role === 'docent',
  hand: m.hand,
  floor: m.floor,
  muted: false,
})

/** The members as the floor rules see them. */
export function floorMembers(members: ReadonlyMap<string, FloorHolder>): Map<string, FloorMember> {
  const floor = new Map<string, FloorMember>()
  for (const [id, m] of members) floor.set(id, asFloorMember(m))
  return floor
}

/** True when this member may speak now (and so offer their voice, or be answered). */
export const groupMaySpeak = (m: FloorHolder | undefined): boolean =>
  Boolean(m && maySpeak(asFloorMember(m), NO_MUTE))

/** Everyone who may speak now, in the members' order. */
export const groupSpeakers = (members: ReadonlyMap<string, FloorHolder>): string[] =>
  speakers(floorMembers(members), NO_MUTE)

/** Applies an allowed change; returns the hands up, first raised first (`hands` is the order before). */
export function applyFloorChange(
  members: ReadonlyMap<string, FloorHolder>,
  hands: readonly string[],
  change: Extract<FloorChange, { ok: true }>,
): string[] {
  for (const [id, fields] of change.changes) {
    const m = members.get(id)
    if (!m) continue
    if (fields.hand !== undefined) m.hand = fields.hand
    if (fields.floor !== undefined) m.floor = fields.floor
  }
  const kept = hands.filter((id) => members.get(id)?.hand)
  for (const [id, m] of members) if (m.hand && !kept.includes(id)) kept.push(id)
  return kept
}
