// Who may speak in a room with a leader (the teacher, the docent) and listeners (students, visitors): the
// leader always; a listener only while holding the floor the leader gave, and not muted one by one or all
// at once. A listener raises a hand to ask for it. Pure rules: the classroom room applies them to its
// synchronised state, the browser reads the same function to decide whom to hear.

export interface FloorMember {
  leader: boolean
  hand: boolean
  floor: boolean
  muted: boolean
}

export interface FloorRoom {
  /** The leader muted every listener. */
  allMuted: boolean
}

/** True when this member's voice may be sent and heard now. */
export function maySpeak(member: FloorMember, room: FloorRoom): boolean {
  if (member.leader) return true
  return member.floor && !member.muted && !room.allMuted
}

export type FloorChange =
  | { ok: true; changes: Array<[string, Partial<FloorMember>]> }
  | { ok: false; reason: string }

/** A listener raises or lowers a hand (a hand already holding the floor has nothing to ask). */
export function raiseHand(members: ReadonlyMap<string, FloorMember>, id: string, up: boolean): FloorChange {
  const m = members.get(id)
  if (!m || m.leader) return { ok: false, reason: 'only a listener raises a hand' }
  if (up && m.floor) return { ok: true, changes: [] }
  return { ok: true, changes: [[id, { hand: up }]] }
}

/**
 * The leader gives the floor to one listener (`id`), taking it from whoever held it, or takes it back
 * (`id` ''). Giving it lowers the hand and lifts that listener's own mute: giving the floor is asking them
 * to speak.
 */
export function giveFloor(members: ReadonlyMap<string, FloorMember>, id: string): FloorChange {
  if (id !== '') {
    const target = members.get(id)
    if (!target || target.leader) return { ok: false, reason: 'the floor goes to a listener in this room' }
  }
  const changes: Array<[string, Partial<FloorMember>]> = []
  for (const [other, m] of members) {
    if (other === id) changes.push([other, { floor: true, hand: false, muted: false }])
    else if (m.floor) changes.push([other, { floor: false }])
  }
  return { ok: true, changes }
}

/** The leader mutes or unmutes one listener; a muted listener keeps a raised hand but not the floor. */
export function muteOne(members: ReadonlyMap<string, FloorMember>, id: string, muted: boolean): FloorChange {
  const target = members.get(id)
  if (!target || target.leader) return { ok: false, reason: 'only a listener can be muted' }
  return { ok: true, changes: [[id, muted ? { muted: true, floor: false } : { muted: false }]] }
}

/** The ids whose voice is heard now, in the members' order. */
export function speakers(members: ReadonlyMap<string, FloorMember>, room: FloorRoom): string[] {
  const ids: string[] = []
  for (const [id, m] of members) if (maySpeak(m, room)) ids.push(id)
  return ids
}
