// The classroom's state and its session actions, testable without React: a small zustand store for what
// the UI shows (changes a few times a second at most), mutable `live` buffers for what moves every frame,
// and the session (room link or solo mode). Views call actions (these, and the send-only ones in
// room-actions.ts); only these two files write the store.
// Over 300 lines on purpose: the kind's one store with its session actions (the layout every kind shares).
import { z } from 'zod'
import { create } from 'zustand'
import type { RoomStatus } from '../../platform/realtime'
import { keepSceneState, readSceneState } from '../../platform/visit'
import { VoiceChat } from '../../platform/voice-chat'
import type { ClassroomContent } from '../../schema/kinds/classroom'
import type {
  ClassroomMessage,
  ClassroomMessageType,
  ServerEvents,
} from '../../shared/classroom/classroom-messages'
import type { GradedAnswer } from '../../shared/classroom/quiz-grader'
import { type FloorMember, speakers } from '../../shared/voice/voice-floor'
import {
  type ClassroomLink,
  type ClassroomRoomEvents,
  connectClassroom,
  gradeOnServer,
  hasStoredSeat,
  type JoinRequest,
} from './api'
import { AvatarBuffer } from './logic/avatar-buffer'
import { memberPage } from './logic/member-row'
import {
  type MyAnswer,
  recordSolo,
  soloGrading,
  withGraded,
  withoutPending,
  withPending,
} from './logic/quiz-answers'
import {
  copyRoomToLive,
  type LiveBuffers,
  type MemberInfo,
  type RoomMirror,
  type RoomStateView,
  roomPatch,
} from './logic/room-sync'

export type { JoinRequest } from './api'
export type { MyAnswer } from './logic/quiz-answers'
export type { MemberInfo } from './logic/room-sync'

export type TeacherTool = 'none' | 'laser' | 'draw'

/** What the views show: the room's mirror (written only by room-sync's patch) plus this device's own state. */
export interface ClassroomUi extends RoomMirror {
  mode: 'join' | 'connecting' | 'online' | 'solo' | 'ended'
  status: RoomStatus | null
  /** '', 'kicked', 'ended', 'offline' or 'error:<reason>' (shown by the join panel). */
  message: string
  selfId: string
  myAnswers: Record<string, MyAnswer>
  myScore: { score: number; maxScore: number } | null
  /** Set when the last answer could not be recorded (quiz closed, server unreachable). */
  answerRefused: boolean
  /**
   * The student's quiz panel is open. It starts folded to a key, so it does not cover the slides; a quiz
   * the teacher starts opens it, and the student may fold it again to read a slide.
   */
  quizShown: boolean
  results: { rows: ServerEvents['quiz:results']['rows']; maxScore: number; unsaved: number } | null
  /** The page of the teacher console's member list shown (the view clamps it as students leave). */
  memberPage: number
  /** The teacher's slide tool (local only; the laser and ink themselves are shared). */
  tool: TeacherTool
}

const initial: ClassroomUi = {
  mode: 'join',
  status: null,
  message: '',
  role: 'student',
  selfId: '',
  code: '',
  slide: 0,
  annotations: [],
  modelId: '',
  modelController: '',
  quizPhase: 'idle',
  quizSessionId: '',
  myAnswers: {},
  myScore: null,
  answerRefused: false,
  quizShown: false,
  results: null,
  memberPage: 0,
  members: [],
  movementLocked: false,
  followId: '',
  spotlightId: '',
  allMuted: false,
  tool: 'laser',
}

export const useClassroom = create<ClassroomUi>(() => ({ ...initial }))

/** Values that change many times a second: read in the frame loop, never rendered through React state. */
export const live: LiveBuffers = {
  avatars: new AvatarBuffer(),
  laser: { on: false, u: 0.5, v: 0.5 },
  modelPose: new Float32Array([0, 0, 0, 0, 0, 0, 1]),
  modelDragging: false,
}

/** The session behind the store: the room link (online) or the solo answers, and the scene's content. */
const session: {
  link?: ClassroomLink
  /** The class's live voice (platform voice-chat), from joining until leaving. */
  voice?: VoiceChat
  content?: ClassroomContent
  sceneId?: string
  soloAnswers: GradedAnswer[]
  /** The self id the voice roster was last given (a rejoin changes it). */
  voiceSelf?: string
  onTeleport?: (e: ServerEvents['teleport']) => void
} = { soloAnswers: [] }

// ---- joining and leaving ----------------------------------------------------------------------------

const roomEvents: ClassroomRoomEvents = {
  onStatus: (status) => useClassroom.setState({ status }),
  onLeave: (reason) => {
    session.link = undefined
    session.voice?.close()
    session.voice = undefined
    useClassroom.setState({ mode: 'ended', message: reason })
  },
  onState: (state) => applyRoomState(state),
  onGraded: (m) => applyGraded(m),
  onResults: (m) =>
    useClassroom.setState({ results: { rows: m.rows, maxScore: m.maxScore, unsaved: m.unsaved ?? 0 } }),
  onTeleport: (m) => session.onTeleport?.(m),
  onRefused: (m) => applyRefused(m),
  onKicked: () => useClassroom.setState({ message: 'kicked' }),
  onRejoin: (selfId) => {
    // Back after a drop or a server restart, as a new session of the same member: answers sent while
    // away were never graded, so they are taken back to be answered again.
    const pending = Object.values(useClassroom.getState().myAnswers).some((a) => a.pending)
    useClassroom.setState({ selfId })
    if (pending) withdrawPendingAnswers()
  },
  onVoiceSignal: (m) => session.voice?.receive(m),
  onVoiceConfig: (m) => session.voice?.configure(m),
}

export async function joinClass(
  request: JoinRequest,
  content: ClassroomContent,
  resumeOnly = false,
): Promise<void> {
  session.content = content
  session.sceneId = request.scene
  useClassroom.setState({ ...initial, mode: 'connecting', role: request.role })
  // Before the room: a speaker's offer may arrive with the first messages.
  session.voice?.close()
  const voice = new VoiceChat({ label: 'classroom', send: (signal) => send('voice:signal', signal) })
  session.voice = voice
  let link: ClassroomLink
  try {
    link = await connectClassroom(request, roomEvents, resumeOnly)
  } catch (error) {
    voice.close()
    if (session.voice === voice) session.voice = undefined
    useClassroom.setState({ mode: 'join', message: resumeOnly ? '' : `error:${(error as Error).message}` })
    return
  }
  session.link = link
  useClassroom.setState({
    mode: 'online',
    selfId: link.selfId,
    role: link.role() ?? useClassroom.getState().role,
  })
  const state = link.state()
  if (state) applyRoomState(state)
}

/**
 * Rejoins a seat kept by a previous page load (a reload keeps seat and role, through the room's own
 * reconnection token), or a solo visit at its slide; false when there is neither.
 */
export async function resumeClass(scene: string, content: ClassroomContent): Promise<boolean> {
  stopKeeping()
  stopKeeping = persist()
  if (!hasStoredSeat(scene)) return restoreSolo(content, scene)
  await joinClass({ scene, name: '-', role: 'student' }, content, true)
  return useClassroom.getState().mode === 'online'
}

/** Solo mode: the same room without a server; the quiz is open at once and graded locally (or over HTTP). */
export function startSolo(content: ClassroomContent, sceneId?: string): void {
  session.content = content
  session.sceneId = sceneId
  session.soloAnswers = []
  useClassroom.setState({
    ...initial,
    mode: 'solo',
    role: 'student',
    quizPhase: 'open',
    quizSessionId: 'solo',
    // No teacher places one: the scene's first lab model stands at the station (on the desk in AR).
    modelId: content.labModels[0]?.id ?? '',
  })
}

// ---- what a reload keeps in solo mode (the visit service's sessionStorage) ---------------------------

const SavedSolo = z.object({ slide: z.number().int().min(0) })
let stopKeeping = () => {}

/** A solo visit saves its slide; online state comes back from the room itself. */
function persist(): () => void {
  return keepSceneState(useClassroom, 'classroom', (s) => (s.mode === 'solo' ? { slide: s.slide } : null))
}

function restoreSolo(content: ClassroomContent, sceneId: string): boolean {
  const saved = readSceneState('classroom', SavedSolo)
  if (!saved) return false
  startSolo(content, sceneId)
  setSlide(saved.slide)
  return true
}

export async function leaveClass(): Promise<void> {
  const link = session.link
  session.link = undefined
  session.voice?.close()
  session.voice = undefined
  await link?.leave()
  useClassroom.setState({ ...initial })
}

/** Called with the teacher's summon and follow-me teleports; the pose sender moves the player. */
export function setTeleportHandler(handler: ((e: ServerEvents['teleport']) => void) | undefined): void {
  session.onTeleport = handler
}

// ---- what the room reports ----------------------------------------------------------------------------

/** Mirrors a room patch: changed UI fields into the store (if any), poses and the laser into `live`. */
export function applyRoomState(state: RoomStateView, now = performance.now()): void {
  const prev = useClassroom.getState()
  const { newQuizSession, ...patch } = roomPatch(prev, state, prev.selfId)
  copyRoomToLive(state, prev.selfId, prev.role, live, now)
  if (newQuizSession) Object.assign(patch, { myAnswers: {}, myScore: null, results: null, quizShown: true })
  // Students who left can take the page shown with them: the list steps back to the last page there is.
  if (patch.members) {
    const page = pageOfMembers(patch.members, prev.memberPage)
    if (page !== prev.memberPage) Object.assign(patch, { memberPage: page })
  }
  if (Object.keys(patch).length > 0) useClassroom.setState(patch)
  if (patch.members || patch.allMuted !== undefined || session.voiceSelf !== prev.selfId) updateVoice()
}

/** Tells the voice service who is in the class and who may speak now (voice-floor.ts). */
function updateVoice(): void {
  const voice = session.voice
  const s = useClassroom.getState()
  if (!voice || !s.selfId) return
  session.voiceSelf = s.selfId
  const floor = new Map<string, FloorMember>()
  for (const m of s.members)
    floor.set(m.id, { leader: m.role === 'teacher', hand: m.hand, floor: m.floor, muted: m.muted })
  voice.update({
    selfId: s.selfId,
    members: s.members.filter((m) => m.connected).map((m) => m.id),
    speakers: speakers(floor, { allMuted: s.allMuted }),
  })
}

/** The class's live voice while online (push-to-talk, levels, the speakers' places). */
export function classVoice(): VoiceChat | undefined {
  return session.voice
}

export function applyGraded(m: ServerEvents['quiz:graded']): void {
  useClassroom.setState((s) => ({
    myAnswers: withGraded(s.myAnswers, m),
    myScore: { score: m.score, maxScore: m.maxScore },
  }))
}

export function applyRefused(m: ServerEvents['refused']): void {
  console.warn(`classroom: ${m.type} refused (${m.reason})`)
  // "Already answered" means the server has the answer; anything else means it was not recorded.
  if (m.type === 'quiz:answer' && m.reason !== 'already answered') withdrawPendingAnswers()
}

/** Takes back answers that were sent but never graded, so the visitor sees them unanswered again. */
function withdrawPendingAnswers(): void {
  useClassroom.setState((s) => ({ answerRefused: true, myAnswers: withoutPending(s.myAnswers) }))
}

// ---- actions of the UI (each works online, and solo where it makes sense) -----------------------------

/** Sends to the room; false in solo mode (the caller acts locally). Used by room-actions.ts too. */
export function send<T extends ClassroomMessageType>(type: T, message: ClassroomMessage<T>): boolean {
  if (!session.link) return false
  session.link.send(type, message)
  return true
}

export function answerQuestion(questionId: string, choiceIds: string[]): void {
  useClassroom.setState((s) => ({
    answerRefused: false,
    myAnswers: withPending(s.myAnswers, questionId, choiceIds),
  }))
  if (send('quiz:answer', { questionId, choiceIds })) return
  const quiz = session.content?.quiz
  if (!quiz) return
  const grading = soloGrading(quiz, questionId, choiceIds)
  if (grading.by === 'local') recordSoloAnswer(grading.graded)
  else if (grading.by === 'refused') withdrawPendingAnswers()
  else {
    const scene = session.sceneId ?? ''
    gradeOnServer({ scene, questionId, choiceIds }).then(
      (response) => recordSoloAnswer(response.graded),
      (error: Error) => {
        console.warn(`classroom: ${error.message}`)
        withdrawPendingAnswers()
      },
    )
  }
}

function recordSoloAnswer(graded: GradedAnswer): void {
  const quiz = session.content?.quiz
  if (!quiz) return
  const recorded = recordSolo(quiz, session.soloAnswers, graded)
  session.soloAnswers = recorded.answers
  useClassroom.setState((s) => ({ myAnswers: withGraded(s.myAnswers, graded), myScore: recorded.score }))
}

/** Opens or folds the student's quiz panel. */
export function showQuiz(shown: boolean): void {
  useClassroom.setState({ quizShown: shown })
}

/** Shows page `page` of the teacher console's member list (or its last page, if there are fewer). */
export function showMemberPage(page: number): void {
  useClassroom.setState((s) => ({ memberPage: pageOfMembers(s.members, page) }))
}

/** Page `page` of the member list as there are pages of students: the store never holds one past the last. */
function pageOfMembers(members: readonly MemberInfo[], page: number): number {
  return memberPage(
    members.filter((m) => m.role === 'student'),
    page,
  ).page
}

export function restartSoloQuiz(): void {
  session.soloAnswers = []
  useClassroom.setState({ myAnswers: {}, myScore: null })
}

/** Shows slide `index` (clamped): for everyone when online (teacher), locally in solo mode. */
export function setSlide(index: number): void {
  const total = session.content?.slides.length ?? 1
  const clamped = Math.max(0, Math.min(total - 1, index))
  if (!send('slide:set', { index: clamped })) useClassroom.setState({ slide: clamped, annotations: [] })
}
