// The classroom's read-only view for browser tests: the session, the room mirror and whose avatars are
// posed. Computed only when a test asks (never per frame or per store change); never drives the UI.
import { registerDebugView } from '../../platform/debug'
import { live, useClassroom } from './classroom-store'

export interface ClassroomDebugView {
  mode: 'join' | 'connecting' | 'online' | 'solo' | 'ended'
  status: string | null
  /** '', 'kicked', 'ended', 'offline' or 'error:<reason>'. */
  message: string
  role: 'teacher' | 'student'
  selfId: string
  code: string
  slide: number
  quizPhase: 'idle' | 'open' | 'closed'
  myScore: { score: number; maxScore: number } | null
  /** Question ids this member has an answer for, graded or pending. */
  answered: string[]
  answerRefused: boolean
  results: {
    rows: Array<{ memberId: string; name: string; score: number; answered: number }>
    maxScore: number
    /** Answers the server could not write to disk. */
    unsaved: number
  } | null
  members: Array<{
    id: string
    name: string
    role: 'teacher' | 'student'
    seatId: string
    connected: boolean
  }>
  modelId: string
  /** Members whose avatar buffer holds at least one pose. */
  avatars: string[]
}

declare global {
  interface XrShowcaseDebugViews {
    classroom: ClassroomDebugView
  }
}

export function registerClassroomDebugView(): () => void {
  return registerDebugView('classroom', () => {
    const s = useClassroom.getState()
    return {
      mode: s.mode,
      status: s.status,
      message: s.message,
      role: s.role,
      selfId: s.selfId,
      code: s.code,
      slide: s.slide,
      quizPhase: s.quizPhase,
      myScore: s.myScore,
      answered: Object.keys(s.myAnswers),
      answerRefused: s.answerRefused,
      results: s.results && {
        maxScore: s.results.maxScore,
        unsaved: s.results.unsaved,
        rows: s.results.rows.map((r) => ({
          memberId: r.memberId,
          name: r.name,
          score: r.score,
          answered: r.answered,
        })),
      },
      members: s.members.map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        seatId: m.seatId,
        connected: m.connected,
      })),
      modelId: s.modelId,
      avatars: [...live.avatars.tracks.entries()].filter(([, t]) => t.samples.length > 0).map(([id]) => id),
    }
  })
}
