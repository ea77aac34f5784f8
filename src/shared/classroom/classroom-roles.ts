// Who may do what in a classroom. The server enforces this on every message; the client uses the same
// table to decide which controls to show, so the two can never disagree.
export type ClassroomRole = 'teacher' | 'student'

export type ClassroomAction =
  | 'pose'
  | 'slide:set'
  | 'laser'
  | 'annotation:add'
  | 'annotation:clear'
  | 'model:place'
  | 'model:clear'
  | 'model:grant'
  | 'model:pose'
  | 'quiz:start'
  | 'quiz:end'
  | 'quiz:answer'
  | 'teacher:summon'
  | 'teacher:follow'
  | 'teacher:lock'
  | 'teacher:spotlight'
  | 'teacher:kick'
  | 'class:end'
  | 'voice:signal'
  | 'voice:hand'
  | 'voice:floor'
  | 'voice:mute'
  | 'voice:mute-all'

export interface ActorContext {
  role: ClassroomRole
  /** This member currently holds control of the lab model (granted by the teacher). */
  controlsModel: boolean
}

const TEACHER_ONLY = new Set<ClassroomAction>([
  'slide:set',
  'laser',
  'annotation:add',
  'annotation:clear',
  'model:place',
  'model:clear',
  'model:grant',
  'quiz:start',
  'quiz:end',
  'teacher:summon',
  'teacher:follow',
  'teacher:lock',
  'teacher:spotlight',
  'teacher:kick',
  'class:end',
  'voice:floor',
  'voice:mute',
  'voice:mute-all',
])

/** True when `actor` may perform `action`. Unknown actions are refused. */
export function mayPerform(actor: ActorContext, action: ClassroomAction): boolean {
  // Anyone signals (the room refuses an offer from whoever may not speak now, see voice-signals.ts).
  if (action === 'pose' || action === 'voice:signal') return true
  if (action === 'voice:hand') return actor.role === 'student'
  if (action === 'quiz:answer') return actor.role === 'student'
  if (action === 'model:pose') return actor.role === 'teacher' || actor.controlsModel
  if (TEACHER_ONLY.has(action)) return actor.role === 'teacher'
  return false
}

export type JoinDecision = { ok: true; role: ClassroomRole } | { ok: false; reason: string }

/**
 * Decides the role a joiner gets. Teachers must present the server's teacher code; a wrong code is refused
 * rather than silently downgraded, so a teacher notices a typo.
 */
export function decideJoinRole(
  requested: ClassroomRole,
  presentedCode: string | undefined,
  teacherCode: string,
): JoinDecision {
  if (requested === 'student') return { ok: true, role: 'student' }
  if (!teacherCode) return { ok: false, reason: 'teacher role is disabled on this server' }
  if (presentedCode !== undefined && timingSafeEqualText(presentedCode, teacherCode))
    return { ok: true, role: 'teacher' }
  return { ok: false, reason: 'wrong teacher code' }
}

/** Compares without an early exit, so response time does not leak how much of the code was right. */
function timingSafeEqualText(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
