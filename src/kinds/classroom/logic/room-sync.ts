// Room state → client state, as plain functions: `roomPatch` says which rarely-changing fields of the UI
// state differ from the patched room (nothing when nothing changed, so React does not re-render), and
// `copyRoomToLive` copies the high-frequency values (poses, laser, model) into the mutable buffers.
import type { ClassroomRole } from '../../../shared/classroom/classroom-roles'
import type { AvatarBuffer } from './avatar-buffer'

/** One member as the Colyseus schema (src/server/classroom/classroom-state.ts) delivers it. */
export interface RoomMemberView {
  name: string
  role: string
  seatId: string
  connected: boolean
  hands: number
  answered: number
  pose: ArrayLike<number>
  hand: boolean
  floor: boolean
  muted: boolean
}

/** The parts of the synchronised room state the client reads (a structural view of the schema). */
export interface RoomStateView {
  code: string
  slide: number
  laserOn: boolean
  laserU: number
  laserV: number
  members: {
    size: number
    get(id: string): RoomMemberView | undefined
    has(id: string): boolean
    forEach(f: (m: RoomMemberView, id: string) => void): void
  }
  annotations: { length: number; forEach(f: (s: { points: ArrayLike<number> }, i: number) => void): void }
  model: { modelId: string; controller: string; pose: ArrayLike<number> }
  quiz: { phase: string; quizSessionId: string }
  movementLocked: boolean
  followId: string
  spotlightId: string
  allMuted: boolean
}

export interface MemberInfo {
  id: string
  name: string
  role: ClassroomRole
  seatId: string
  connected: boolean
  answered: number
  /** Live voice: hand raised, holds the floor, muted by the teacher. */
  hand: boolean
  floor: boolean
  muted: boolean
}

export type QuizPhase = 'idle' | 'open' | 'closed'

/** The fields of the UI state that mirror the room. */
export interface RoomMirror {
  role: ClassroomRole
  code: string
  slide: number
  annotations: number[][]
  modelId: string
  modelController: string
  quizPhase: QuizPhase
  quizSessionId: string
  members: MemberInfo[]
  movementLocked: boolean
  followId: string
  spotlightId: string
  /** The teacher muted every student's voice. */
  allMuted: boolean
}

/** The first patch may arrive after the join resolves: until it does, the state is not usable. */
export function isRoomStateReady(state: unknown): state is RoomStateView {
  const s = state as Partial<RoomStateView> | undefined
  return Boolean(s?.members && s.model && s.quiz && s.annotations)
}

function asRole(role: string): ClassroomRole {
  return role === 'teacher' ? 'teacher' : 'student'
}

function asPhase(phase: string): QuizPhase {
  return phase === 'open' || phase === 'closed' ? phase : 'idle'
}

/**
 * The changed mirror fields, plus a fresh answer sheet when a new quiz session began. Empty when the
 * patch changed nothing the UI shows (poses and the laser go to the live buffers instead).
 */
export function roomPatch(
  prev: RoomMirror,
  state: RoomStateView,
  selfId: string,
): Partial<RoomMirror> & { newQuizSession?: true } {
  const next: Partial<RoomMirror> & { newQuizSession?: true } = {}
  const me = state.members.get(selfId)
  if (me && asRole(me.role) !== prev.role) next.role = asRole(me.role)
  if (prev.code !== state.code) next.code = state.code
  const slide = state.slide ?? 0
  if (prev.slide !== slide) next.slide = slide
  if (prev.modelId !== state.model.modelId) next.modelId = state.model.modelId
  if (prev.modelController !== state.model.controller) next.modelController = state.model.controller
  const phase = asPhase(state.quiz.phase)
  if (prev.quizPhase !== phase) next.quizPhase = phase
  if (prev.quizSessionId !== state.quiz.quizSessionId) {
    next.quizSessionId = state.quiz.quizSessionId
    next.newQuizSession = true
  }
  const locked = Boolean(state.movementLocked)
  if (prev.movementLocked !== locked) next.movementLocked = locked
  if (prev.followId !== state.followId) next.followId = state.followId
  if (prev.spotlightId !== state.spotlightId) next.spotlightId = state.spotlightId
  const allMuted = Boolean(state.allMuted)
  if (prev.allMuted !== allMuted) next.allMuted = allMuted
  if (annotationsChanged(prev.annotations, state.annotations)) {
    const strokes: number[][] = []
    state.annotations.forEach((s) => {
      strokes.push(Array.from(s.points))
    })
    next.annotations = strokes
  }
  if (membersChanged(prev.members, state.members)) {
    const members: MemberInfo[] = []
    state.members.forEach((m, id) => {
      members.push({
        id,
        name: m.name,
        role: asRole(m.role),
        seatId: m.seatId,
        connected: m.connected,
        answered: m.answered,
        hand: Boolean(m.hand),
        floor: Boolean(m.floor),
        muted: Boolean(m.muted),
      })
    })
    next.members = members
  }
  return next
}

/** Strokes only append or clear as a whole, so comparing the lengths finds every change. */
function annotationsChanged(prev: number[][], room: RoomStateView['annotations']): boolean {
  if (prev.length !== room.length) return true
  let changed = false
  room.forEach((s, i) => {
    if (s.points.length !== prev[i]?.length) changed = true
  })
  return changed
}

function membersChanged(prev: MemberInfo[], room: RoomStateView['members']): boolean {
  if (prev.length !== room.size) return true
  let i = 0
  let changed = false
  room.forEach((m, id) => {
    const p = prev[i++]
    if (
      !p ||
      p.id !== id ||
      p.name !== m.name ||
      p.role !== asRole(m.role) ||
      p.seatId !== m.seatId ||
      p.connected !== m.connected ||
      p.answered !== m.answered ||
      p.hand !== Boolean(m.hand) ||
      p.floor !== Boolean(m.floor) ||
      p.muted !== Boolean(m.muted)
    )
      changed = true
  })
  return changed
}

/** Values read every frame, written by patches and by the local pointer; never React state. */
export interface LiveBuffers {
  avatars: AvatarBuffer
  laser: { on: boolean; u: number; v: number }
  /** The lab model's pose relative to its station: [x, y, z, qx, qy, qz, qw]. */
  modelPose: Float32Array
  /** True while this member drags the model: the local pose leads, the server's echo is ignored. */
  modelDragging: boolean
}

/**
 * Copies poses, the laser and the model pose into `live`. The member who controls the model (or the
 * teacher while dragging) moves it locally, so the server's echo of an older pose is not applied.
 */
export function copyRoomToLive(
  state: RoomStateView,
  selfId: string,
  role: ClassroomRole,
  live: LiveBuffers,
  now: number,
): void {
  live.laser.on = state.laserOn
  live.laser.u = state.laserU
  live.laser.v = state.laserV
  if (state.model.controller !== selfId && !(role === 'teacher' && live.modelDragging)) {
    for (let i = 0; i < 7; i++) live.modelPose[i] = state.model.pose[i] ?? 0
  }
  state.members.forEach((m, id) => {
    if (id !== selfId) live.avatars.push(id, m.pose, m.hands, now)
  })
  for (const id of live.avatars.tracks.keys()) if (!state.members.has(id)) live.avatars.remove(id)
}
