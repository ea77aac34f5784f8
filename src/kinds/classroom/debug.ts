// The classroom's read-only view for browser tests: the session, the room mirror and whose avatars are
// posed. Computed only when a test asks (never per frame or per store change); never drives the UI.
import { Vector3 } from 'three'
import { registerDebugActions, registerDebugView } from '../../platform/debug'
import type { HumanoidState } from '../../platform/humans'
import type { ClassroomContent } from '../../schema/kinds/classroom'
import { avatarFigures } from './avatar-figures'
import {
  answerQuestion,
  joinClass,
  live,
  setSlide,
  showMemberPage,
  showQuiz,
  startSolo,
  useClassroom,
} from './classroom-store'
import { classNotice } from './logic/class-notice'
import { CAP_HEIGHT_EM } from './logic/slide-legibility'
import { endQuiz, startQuiz } from './room-actions'
import { slideScreenShown } from './views/SlideScreen'

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
  /** The student's quiz panel is open (not folded to its key). */
  quizShown: boolean
  /** The teacher console's member page asked for (the console clamps it to the pages there are). */
  memberPage: number
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
    /** Live voice: hand raised, holds the floor, muted by the teacher. */
    hand: boolean
    floor: boolean
    muted: boolean
  }>
  /** The teacher muted every student. */
  allMuted: boolean
  modelId: string
  /** The current slide's image has loaded and is on the screen (false on a slide without one). */
  slideImage: boolean
  /** Members whose avatar buffer holds at least one pose. */
  avatars: string[]
  /** Other members shown as their role's skinned figure: its clips, jaw, lids and head. */
  figures: Array<{ memberId: string; role: 'teacher' | 'student'; animation: HumanoidState }>
  /** The class notice shown ('reconnecting', 'movementLocked', 'following'), or null. */
  notice: string | null
  /**
   * Every text on the slide screen as the camera sees it now: the smallest visual angle (degrees) a
   * capital letter subtends anywhere in the text's block, whether the block lies on the screen, and
   * which pairs of blocks overlap.
   */
  slideTexts: SlideTexts
  /** The same, seen from an eye at any point (a seat): `view('classroom').slideTextsFrom([x, y, z])`. */
  slideTextsFrom(eye: [number, number, number]): SlideTexts
}

export interface SlideTexts {
  texts: Array<{ name: string; text: string; capDeg: number; inside: boolean }>
  overlaps: string[]
}

declare global {
  interface XrShowcaseDebugViews {
    classroom: ClassroomDebugView
  }
}

/** Offers the view (and the store actions) while the classroom is mounted; returns the unregister function. */
export function registerClassroomDebugView(sceneId: string, content: ClassroomContent): () => void {
  // Store actions for the layout rule test and `npm run shots` (the classroom test presses real controls).
  const actions = registerDebugActions('classroom', {
    startSolo: () => startSolo(content, sceneId),
    setSlide: (index: number) => setSlide(index),
    answerQuestion: (questionId: string, choiceIds: string[]) => answerQuestion(questionId, choiceIds),
    showQuiz: (shown: boolean) => showQuiz(shown),
    showMemberPage: (page: number) => showMemberPage(page),
    // Not awaited: the debug view says when the room has answered (mode 'online').
    joinAsTeacher: (name: string, teacherCode: string) =>
      void joinClass({ scene: sceneId, name, role: 'teacher', teacherCode }, content),
    startQuiz,
    endQuiz,
  })
  const view = registerDebugView('classroom', () => {
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
      quizShown: s.quizShown,
      memberPage: s.memberPage,
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
        hand: m.hand,
        floor: m.floor,
        muted: m.muted,
      })),
      allMuted: s.allMuted,
      modelId: s.modelId,
      slideImage: slideScreenShown.root?.getObjectByName('slide-image') !== undefined,
      notice: classNotice(s),
      slideTexts: measureSlideTexts(),
      slideTextsFrom: (eye: [number, number, number]) => measureSlideTexts(new Vector3(...eye)),
      avatars: [...live.avatars.tracks.entries()].filter(([, t]) => t.samples.length > 0).map(([id]) => id),
      figures: [...avatarFigures].map(([memberId, f]) => ({
        memberId,
        role: f.role,
        animation: f.animator.state(),
      })),
    }
  })
  return () => {
    view()
    actions()
  }
}

interface TroikaText {
  name: string
  text?: string
  fontSize?: number
  textRenderInfo?: { capHeight?: number; blockBounds: [number, number, number, number] }
}

/** Projects each slide text's block from the camera (see ClassroomDebugView.slideTexts). */
function measureSlideTexts(from?: Vector3): SlideTexts {
  const { root, camera } = slideScreenShown
  const out: SlideTexts = { texts: [], overlaps: [] }
  if (!root || !camera) return out
  root.updateWorldMatrix(true, true)
  const eye = from ?? camera.getWorldPosition(new Vector3())
  const surface = root.getObjectByName('slide-surface') as
    | (typeof root & { geometry?: { parameters?: { width: number; height: number } } })
    | undefined
  const size = surface?.geometry?.parameters ?? { width: 0, height: 0 }
  const blocks: Array<{ name: string; box: [number, number, number, number] }> = []
  const a = new Vector3()
  const b = new Vector3()
  root.traverse((o) => {
    const info = (o as unknown as TroikaText).textRenderInfo
    if (!info || !o.visible) return
    // troika's own cap height when it reports one, else the font's metric times the size.
    const capHeight = info.capHeight ?? ((o as unknown as TroikaText).fontSize ?? 0) * CAP_HEIGHT_EM
    const [x0, y0, x1, y1] = info.blockBounds
    let capDeg = Number.POSITIVE_INFINITY
    let inside = true
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
    for (const [x, y] of [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ]) {
      o.localToWorld(a.set(x, y, 0))
      o.localToWorld(b.set(x, y + capHeight, 0))
      capDeg = Math.min(capDeg, (a.clone().sub(eye).angleTo(b.clone().sub(eye)) * 180) / Math.PI)
      const local = root.worldToLocal(a.clone())
      if (Math.abs(local.x) > size.width / 2 + 1e-3 || Math.abs(local.y) > size.height / 2 + 1e-3)
        inside = false
      box[0] = Math.min(box[0], local.x)
      box[1] = Math.min(box[1], local.y)
      box[2] = Math.max(box[2], local.x)
      box[3] = Math.max(box[3], local.y)
    }
    const name = o.name || '(unnamed)'
    out.texts.push({ name, text: String((o as unknown as TroikaText).text ?? ''), capDeg, inside })
    blocks.push({ name, box })
  })
  for (let i = 0; i < blocks.length; i++)
    for (let j = i + 1; j < blocks.length; j++) {
      const p = blocks[i].box
      const q = blocks[j].box
      if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3])
        out.overlaps.push(`${blocks[i].name} × ${blocks[j].name}`)
    }
  return out
}
