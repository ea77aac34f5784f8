// What a student is told about what the teacher did to their movement: locked in place, or being led
// ("follow me"). Without it a locked student only finds that walking does nothing.
export type StudentNotice = 'movementLocked' | 'following' | null

export function studentNotice(state: {
  mode: string
  role: 'teacher' | 'student'
  movementLocked: boolean
  followId: string
}): StudentNotice {
  if (state.mode !== 'online' || state.role !== 'student') return null
  if (state.movementLocked) return 'movementLocked'
  if (state.followId) return 'following'
  return null
}
