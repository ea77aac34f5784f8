// The classroom client: joins the room (or runs solo without a server), mirrors the room state into a
// small zustand store for UI that changes rarely, and into mutable buffers (avatars, laser, model pose)
// read every frame. UI actions go through here; in solo mode they act locally.
import type { Room } from '@colyseus/sdk'
import { create } from 'zustand'
import { testHooks } from '../../platform/debug/test-hooks'
import { connectRoom, type RoomConnection, type RoomStatus } from '../../platform/realtime/room-connection'
import type { ClassroomContent } from '../../schema/kinds/classroom'
import { AvatarBuffer } from './avatar-buffer'
import type {
  ClassroomMessage,
  ClassroomMessageType,
  QuizResultRow,
  ServerEvents,
} from './classroom-messages'
import type { ClassroomRole } from './classroom-roles'
import { type GradedAnswer, gradeAnswer, summarize } from './quiz-grader'

export interface MemberInfo {
  id: string
  name: string
  role: ClassroomRole
  seatId: string
  connected: boolean
  answered: number
}

export interface MyAnswer {
  choiceIds: string[]
  correct: boolean
  correctChoiceIds: string[]
  /** Sent but not yet graded; a refusal takes it back so the question can be answered again. */
  pending?: boolean
}

export interface ClassroomUi {
  mode: 'join' | 'connecting' | 'online' | 'solo' | 'ended'
  status: RoomStatus | null
  message: string
  role: ClassroomRole
  selfId: string
  code: string
  slide: number
  annotations: number[][]
  modelId: string
  modelController: string
  quizPhase: 'idle' | 'open' | 'closed'
  quizSessionId: string
  myAnswers: Record<string, MyAnswer>
  myScore: { score: number; maxScore: number } | null
  /** Set when the last answer could not be recorded (quiz closed, server unreachable). */
  answerRefused: boolean
  results: { rows: QuizResultRow[]; maxScore: number } | null
  members: MemberInfo[]
  movementLocked: boolean
  followId: string
  spotlightId: string
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
  results: null,
  members: [],
  movementLocked: false,
  followId: '',
  spotlightId: '',
}

export const useClassroom = create<ClassroomUi>(() => ({ ...initial }))

/** Values that change many times a second: read in useFrame, never rendered through React state. */
export const live = {
  avatars: new AvatarBuffer(),
  laser: { on: false, u: 0.5, v: 0.5 },
  modelPose: new Float32Array([0, 0, 0, 0, 0, 0, 1]),
}

interface RoomMember {
  name: string
  role: string
  seatId: string
  connected: boolean
  hands: number
  answered: number
  pose: ArrayLike<number>
}

interface RoomView {
  code: string
  slide: number
  laserOn: boolean
  laserU: number
  laserV: number
  members: Map<string, RoomMember>
  annotations: { length: number; forEach(f: (s: { points: ArrayLike<number> }) => void): void }
  model: { modelId: string; controller: string; pose: ArrayLike<number> }
  quiz: { phase: string; quizSessionId: string }
  movementLocked: boolean
  followId: string
  spotlightId: string
}

let connection: RoomConnection | undefined
let content: ClassroomContent | undefined
/** Solo mode's graded answers, kept locally. */
let soloAnswers: GradedAnswer[] = []
/** Called with server 'teleport' events (summon); the experience moves the player. */
let onTeleport: ((e: ServerEvents['teleport']) => void) | undefined

export function setTeleportHandler(handler: typeof onTeleport): void {
  onTeleport = handler
}

export function storageKey(scene: string): string {
  return `xr-showcase:classroom:${scene}`
}

export interface JoinRequest {
  scene: string
  name: string
  role: ClassroomRole
  teacherCode?: string
  roomCode?: string
}

export async function joinClass(
  request: JoinRequest,
  sceneContent: ClassroomContent,
  resumeOnly = false,
): Promise<void> {
  content = sceneContent
  useClassroom.setState({ ...initial, mode: 'connecting', role: request.role })
  try {
    connection = await connectRoom({
      roomName: 'classroom',
      resumeOnly,
      roomId: request.roomCode || undefined,
      joinOptions: {
        scene: request.scene,
        name: request.name,
        role: request.role,
        teacherCode: request.teacherCode,
      },
      storageKey: storageKey(request.scene),
      onStatus: (status) => useClassroom.setState({ status }),
      onLeave: (code) => {
        connection = undefined
        useClassroom.setState({ mode: 'ended', message: code === 4003 ? 'kicked' : 'offline' })
      },
    })
  } catch (error) {
    useClassroom.setState({ mode: 'join', message: resumeOnly ? '' : `error:${(error as Error).message}` })
    return
  }
  attach(connection.room)
}

/** Rejoins a session stored by a previous page load (reload keeps seat and role). */
export async function resumeClass(scene: string, sceneContent: ClassroomContent): Promise<boolean> {
  if (!sessionStorageHas(storageKey(scene))) return false
  await joinClass({ scene, name: '-', role: 'student' }, sceneContent, true)
  return useClassroom.getState().mode === 'online'
}

function sessionStorageHas(key: string): boolean {
  try {
    return Boolean(sessionStorage.getItem(key))
  } catch {
    return false
  }
}

/** The scene a solo visitor is in, for grading through the server when the answer key is withheld. */
let soloSceneId: string | undefined

export function startSolo(sceneContent: ClassroomContent, sceneId?: string): void {
  soloSceneId = sceneId
  content = sceneContent
  soloAnswers = []
  useClassroom.setState({
    ...initial,
    mode: 'solo',
    role: 'student',
    quizPhase: 'open',
    quizSessionId: 'solo',
  })
}

export async function leaveClass(): Promise<void> {
  await connection?.leave()
  connection = undefined
  useClassroom.setState({ ...initial })
}

function attach(room: Room) {
  const selfId = room.sessionId
  // The first state patch may arrive after the join resolves; sync() fills everything in when it does.
  const self = (room.state as Partial<RoomView> | undefined)?.members?.get(selfId)
  useClassroom.setState({
    mode: 'online',
    selfId,
    role: (self?.role as ClassroomRole) ?? useClassroom.getState().role,
  })
  room.onStateChange(() => sync(room))
  room.onMessage('quiz:graded', (m: ServerEvents['quiz:graded']) => {
    useClassroom.setState((s) => ({
      myAnswers: {
        ...s.myAnswers,
        [m.questionId]: {
          choiceIds: s.myAnswers[m.questionId]?.choiceIds ?? [],
          correct: m.correct,
          correctChoiceIds: m.correctChoiceIds,
        },
      },
      myScore: { score: m.score, maxScore: m.maxScore },
    }))
  })
  room.onMessage('quiz:results', (m: ServerEvents['quiz:results']) =>
    useClassroom.setState({ results: { rows: m.rows, maxScore: m.maxScore } }),
  )
  room.onMessage('teleport', (m: ServerEvents['teleport']) => onTeleport?.(m))
  room.onMessage('refused', (m: ServerEvents['refused']) => {
    console.warn(`classroom: ${m.type} refused (${m.reason})`)
    // "Already answered" means the server has the answer; anything else means it was not recorded.
    if (m.type === 'quiz:answer' && m.reason !== 'already answered') withdrawPendingAnswers()
  })
  room.onMessage('kicked', () => useClassroom.setState({ message: 'kicked' }))
  sync(room)
}

/** Copies the patched room state out: scalars into the store when they change, poses into buffers. */
function sync(room: Room) {
  const state = room.state as RoomView | undefined
  if (!state?.members || !state.model || !state.quiz) return
  const now = performance.now()
  const prev = useClassroom.getState()
  const next: Partial<ClassroomUi> = {}
  const me = state.members.get(room.sessionId)
  if (me && me.role !== prev.role) next.role = me.role as ClassroomRole
  if (prev.code !== state.code) next.code = state.code
  if (prev.slide !== (state.slide ?? 0)) next.slide = state.slide ?? 0
  if (prev.modelId !== state.model.modelId) next.modelId = state.model.modelId
  if (prev.modelController !== state.model.controller) next.modelController = state.model.controller
  const phase = state.quiz.phase as ClassroomUi['quizPhase']
  if (prev.quizPhase !== phase) next.quizPhase = phase
  if (prev.quizSessionId !== state.quiz.quizSessionId) {
    next.quizSessionId = state.quiz.quizSessionId
    next.myAnswers = {}
    next.myScore = null
    next.results = null
  }
  if (prev.movementLocked !== Boolean(state.movementLocked))
    next.movementLocked = Boolean(state.movementLocked)
  if (prev.followId !== state.followId) next.followId = state.followId
  if (prev.spotlightId !== state.spotlightId) next.spotlightId = state.spotlightId

  live.laser.on = state.laserOn
  live.laser.u = state.laserU
  live.laser.v = state.laserV
  // The controlling member moves the model locally; everyone else follows the server.
  if (state.model.controller !== room.sessionId && !(prev.role === 'teacher' && dragging)) {
    for (let i = 0; i < 7; i++) live.modelPose[i] = state.model.pose[i] ?? 0
  }

  const strokes: number[][] = []
  state.annotations.forEach((s) => {
    strokes.push(Array.from(s.points))
  })
  if (
    strokes.length !== prev.annotations.length ||
    strokes.some((s, i) => s.length !== prev.annotations[i]?.length)
  )
    next.annotations = strokes

  const members: MemberInfo[] = []
  state.members.forEach((m, id) => {
    members.push({
      id,
      name: m.name,
      role: m.role as ClassroomRole,
      seatId: m.seatId,
      connected: m.connected,
      answered: m.answered,
    })
    if (id !== room.sessionId) live.avatars.push(id, m.pose, m.hands, now)
  })
  for (const id of live.avatars.tracks.keys()) if (!state.members.has(id)) live.avatars.remove(id)
  const key = (list: MemberInfo[]) =>
    list.map((m) => `${m.id}|${m.name}|${m.seatId}|${m.connected}|${m.answered}`).join(',')
  if (key(members) !== key(prev.members)) next.members = members

  if (Object.keys(next).length > 0) useClassroom.setState(next)
}

let dragging = false
export function setModelDragging(value: boolean): void {
  dragging = value
}

/** Sends a message to the room; false in solo mode (the caller acts locally). */
export function send<T extends ClassroomMessageType>(type: T, message: ClassroomMessage<T>): boolean {
  if (!connection) return false
  connection.room.send(type, message)
  return true
}

// ---- actions shared by UI (each works online and solo) ----------------------------------------------

export function setSlide(index: number): void {
  const total = content?.slides.length ?? 1
  const clamped = Math.max(0, Math.min(total - 1, index))
  if (!send('slide:set', { index: clamped })) useClassroom.setState({ slide: clamped, annotations: [] })
}

/** Takes back answers that were sent but never graded, so the visitor sees them unanswered again. */
function withdrawPendingAnswers(): void {
  useClassroom.setState((s) => ({
    answerRefused: true,
    myAnswers: Object.fromEntries(Object.entries(s.myAnswers).filter(([, a]) => !a.pending)),
  }))
}

export function answerQuestion(questionId: string, choiceIds: string[]): void {
  useClassroom.setState((s) => ({
    answerRefused: false,
    myAnswers: {
      ...s.myAnswers,
      [questionId]: { choiceIds, correct: false, correctChoiceIds: [], pending: true },
    },
  }))
  if (send('quiz:answer', { questionId, choiceIds })) return
  if (!content) return
  const quiz = content.quiz
  // Served by our server, the scene has no answer key: the server grades. On a static host it does.
  if (quiz.answersRedacted) {
    void gradeOnServer(questionId, choiceIds).then((graded) =>
      graded ? recordSoloAnswer(quiz, questionId, choiceIds, graded) : withdrawPendingAnswers(),
    )
    return
  }
  const result = gradeAnswer(quiz, questionId, choiceIds)
  if (result.ok) recordSoloAnswer(quiz, questionId, choiceIds, result.graded)
  else withdrawPendingAnswers()
}

async function gradeOnServer(questionId: string, choiceIds: string[]): Promise<GradedAnswer | undefined> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}api/classroom/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: soloSceneId, questionId, choiceIds }),
    })
    if (!response.ok) return undefined
    return ((await response.json()) as { graded: GradedAnswer }).graded
  } catch {
    return undefined
  }
}

function recordSoloAnswer(
  quiz: ClassroomContent['quiz'],
  questionId: string,
  choiceIds: string[],
  graded: GradedAnswer,
): void {
  const result = { graded }
  soloAnswers = [...soloAnswers.filter((a) => a.questionId !== questionId), result.graded]
  const summary = summarize(quiz, soloAnswers)
  useClassroom.setState((s) => ({
    myAnswers: {
      ...s.myAnswers,
      [questionId]: {
        choiceIds,
        correct: result.graded.correct,
        correctChoiceIds: result.graded.correctChoiceIds,
      },
    },
    myScore: { score: summary.score, maxScore: summary.maxScore },
  }))
}

export function restartSoloQuiz(): void {
  soloAnswers = []
  useClassroom.setState({ myAnswers: {}, myScore: null })
}

/** Read-only debug view for browser tests (never used to drive the UI). */
export function registerClassroomTestHooks(): () => void {
  testHooks.kinds.classroom = {
    ui: () => {
      const s = useClassroom.getState()
      return {
        mode: s.mode,
        status: s.status,
        role: s.role,
        selfId: s.selfId,
        code: s.code,
        slide: s.slide,
        quizPhase: s.quizPhase,
        myScore: s.myScore,
        results: s.results,
        members: s.members,
        modelId: s.modelId,
      }
    },
    avatars: () => [...live.avatars.tracks.keys()],
  }
  return () => {
    delete testHooks.kinds.classroom
  }
}

/** The teacher's current slide tool (local only; the laser and ink themselves are shared). */
export const useTeacherTool = create<{ tool: 'none' | 'laser' | 'draw' }>(() => ({ tool: 'laser' }))
