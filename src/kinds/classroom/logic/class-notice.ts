// The one line a member of a class is told about what is happening to them: the connection to the room
// dropped (for everyone; the class comes back by itself), or what the teacher did to a student's movement,
// locked in place or being led ("follow me"). Without it a locked student only finds that walking does
// nothing, and a dropped page only finds that nothing answers.
import type { RoomStatus } from '../../../platform/realtime'

export type ClassNotice = 'reconnecting' | 'movementLocked' | 'following' | null

export function classNotice(state: {
  mode: string
  role: 'teacher' | 'student'
  status: RoomStatus | null
  movementLocked: boolean
  followId: string
}): ClassNotice {
  if (state.mode !== 'online') return null
  if (state.status === 'reconnecting') return 'reconnecting'
  if (state.role !== 'student') return null
  if (state.movementLocked) return 'movementLocked'
  if (state.followId) return 'following'
  return null
}
