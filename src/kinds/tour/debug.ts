// The tour's read-only view for browser tests (`view('tour')`): where the sequencer, the guide and the
// stations are. Computed only when a test asks; tests drive the tour with real pointer input.
import { registerDebugActions, registerDebugView } from '../../platform/debug'
import { docentLive, type GroupProblem, type GroupStatus, useGroup } from '../../platform/groups'
import type { HumanoidState } from '../../platform/humans'
import type { Vec3 } from '../../schema/common'
import type { VisitorMode } from '../../schema/kinds/tour'
import type { GroupRole } from '../../shared/groups/group-messages'
import { exhibitCard } from './info-cards'
import { gradeQuiz } from './logic/quiz-grader'
import type { TourPhase } from './logic/tour-sequencer'
import {
  advanceQuiz,
  answerQuiz,
  closeCard,
  dispatchTour,
  guideAvatar,
  guideMotion,
  openCard,
  setPanoramaOpen,
  setThenNow,
  tourContent,
  useTourStore,
} from './tour-store'
import type { TourStringKey } from './tour-strings'
import { docentMarkerShown, docentPointer } from './views/DocentPointer'
import { groupQrShown } from './views/GroupPanel'
import { groupVoiceNote } from './views/GroupVoiceControls'

export interface TourDebugView {
  phase: TourPhase
  /** -1 before the tour starts. */
  stopIndex: number
  stopId: string | null
  mode: VisitorMode
  guidePosition: Vec3
  guideMoving: boolean
  /** The guide's clips and runtime bones (jaw, lids, head), or null while its model is not shown. */
  guideAnimation: HumanoidState | null
  /** Id of the open info card, or null. */
  card: string | null
  panoramaOpen: boolean
  /** Then-and-now slider: 0 = historical picture, 1 = present day. */
  thenNow: number
  timelineSelected: string | null
  quiz: { current: number; finished: boolean; answers: (number | null)[]; correct: number; total: number }
  /** The docent-led group this device is in (status 'none' when in none). */
  group: {
    status: GroupStatus
    role: GroupRole | null
    code: string | null
    /** The group's stop as the server last said. */
    stopIndex: number
    members: number
    following: number
    selfFollowing: boolean
    problem: GroupProblem
    panelOpen: boolean
    /** The join link the docent's QR code shows, or null. */
    qrText: string | null
    /** A visitor has heard the docent's position. */
    docentSeen: boolean
    /** On the docent's device: where their pointer last met the hall, or null. */
    ownPointer: Vec3 | null
    /** Where a visitor's docent-pointer marker is drawn, or null when hidden. */
    docentMarker: Vec3 | null
    /** Live voice: this visitor's hand is up, holds the floor; the hands up (first first); the floor's holder. */
    selfHand: boolean
    selfFloor: boolean
    hands: string[]
    floorId: string
    /** The line a visitor's panel shows under the voice controls (a tour string key). */
    voiceNote: TourStringKey
  }
}

declare global {
  interface XrShowcaseDebugViews {
    tour: TourDebugView
  }
}

function computeTourView(): TourDebugView {
  const s = useTourStore.getState()
  const content = tourContent()
  const score = gradeQuiz(content?.quiz?.questions ?? [], s.quiz.answers)
  const g = guideMotion.position
  return {
    phase: s.tour.phase,
    stopIndex: s.tour.stopIndex,
    stopId: s.tour.stopIndex >= 0 ? (content?.stops[s.tour.stopIndex]?.id ?? null) : null,
    mode: s.tour.mode,
    guidePosition: [g.x, g.y, g.z],
    guideMoving: guideMotion.moving,
    guideAnimation: guideAvatar.animator?.state() ?? null,
    card: s.card?.id ?? null,
    panoramaOpen: s.panoramaOpen,
    thenNow: s.thenNow,
    timelineSelected: s.timelineSelected,
    quiz: {
      current: s.quiz.current,
      finished: s.quiz.finished,
      answers: [...s.quiz.answers],
      correct: score.correct,
      total: score.total,
    },
    group: groupView(s.groupPanelOpen),
  }
}

function groupView(panelOpen: boolean): TourDebugView['group'] {
  const g = useGroup.getState()
  return {
    status: g.status,
    role: g.role,
    code: g.code,
    stopIndex: g.stopIndex,
    members: g.members,
    following: g.following,
    selfFollowing: g.selfFollowing,
    problem: g.problem,
    panelOpen,
    qrText: groupQrShown.text,
    docentSeen: docentLive.known,
    ownPointer: docentPointer.point,
    docentMarker: docentMarkerShown.point,
    selfHand: g.selfHand,
    selfFloor: g.selfFloor,
    hands: [...g.hands],
    floorId: g.floorId,
    voiceNote: groupVoiceNote(),
  }
}

/** Offers the view while the tour is mounted; returns the unregister function for the effect's cleanup. */
export function registerTourDebugView(): () => void {
  const view = registerDebugView('tour', computeTourView)
  // Store actions for the layout rule test and `npm run shots` (the tour test presses real controls).
  const actions = registerDebugActions('tour', {
    goTo: (stopIndex: number) => dispatchTour({ type: 'goTo', stopIndex }),
    pause: () => dispatchTour({ type: 'pause' }),
    openHotspot: (index: number) => {
      const h = tourContent()?.hotspots[index]
      // At the exhibit itself, not towards wherever the test's camera stands.
      if (h) openCard({ ...exhibitCard(h), position: h.position })
    },
    closeCard,
    setPanoramaOpen: (open: boolean) => setPanoramaOpen(open),
    setThenNow: (value: number) => setThenNow(value),
    answerQuiz: (choice: number) => answerQuiz(choice),
    advanceQuiz,
  })
  return () => {
    view()
    actions()
  }
}
