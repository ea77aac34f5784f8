// The service hall's read-only view for browser tests (`view('service-hall')`): the plan, the merged
// checklist, the QR text, the route, the ticket and the clerk's last reply. Computed only when a test
// asks (the merge and the QR text included), never per store change; tests drive the hall with input.
import { Vector3 } from 'three'
import { registerDebugActions, registerDebugView, registeredThree } from '../../platform/debug'
import type { HumanoidState } from '../../platform/humans'
import { teleportPlayer } from '../../platform/locomotion'
import { boneUploads } from '../../platform/render'
import type { LocalizedText } from '../../schema/common'
import { clerkFigures } from './clerk-figures'
import { type PlanTab, showPlanTab, useDeskPage } from './desk-page-store'
import { checklistText, mergeChecklist } from './logic/checklist-merge'
import type { ClerkReply } from './logic/clerk-answers'
import { type FloorPoint, windowStandPoint } from './logic/route-planner'
import {
  advanceQueue,
  askClerk,
  chooseEvent,
  chooseOption,
  openClerk,
  type RouteTarget,
  routeTo,
  setElderly,
  takeTicket,
  useHall,
} from './service-hall-store'
import { RIBBON_Y } from './views/RouteGuide'

type Vec3 = [number, number, number]

export interface ServiceHallDebugView {
  eventId: string | null
  /** Questions of the life event answered so far. */
  answered: number
  /** Matter ids in the order to do them. */
  plan: string[]
  /** Material ids of the merged checklist, in its order. */
  checklist: string[]
  ticked: string[]
  showQr: boolean
  /** Which tab of the plan the desk shows, and its page. */
  planTab: PlanTab
  planPage: number
  /** The text the take-away QR code carries (zh), or null while it is hidden. */
  qrText: string | null
  route: {
    target: RouteTarget
    arrived: boolean
    following: boolean
    /** Teleport stops reached so far while following. */
    stops: number
    /** The route's points on the hall floor (x, z in hall metres: the AR model's own frame). */
    path: FloorPoint[]
    end: FloorPoint
    /** Where its drawn ribbon starts and ends in the world (on the AR model: scaled and placed), or null. */
    drawn: { start: [number, number, number]; end: [number, number, number] } | null
  } | null
  /** The visitor's ticket number, e.g. "B003". */
  ticket: string | null
  myCall: { ticket: string; windowNumber: number; windowId: string } | null
  /** The newest calls, as "B003@2". */
  calls: string[]
  clerkWindowId: string | null
  clerkMatterId: string | null
  clerkReply: { kind: ClerkReply['kind']; text: LocalizedText } | null
  /**
   * The skinned clerk at each window whose model is shown: its clips, jaw, lids and head, animator updates
   * so far, and bone uploads (how often its pose was sent to the GPU).
   */
  clerks: Array<{
    windowId: string
    animation: HumanoidState
    updates: number
    boneUploads: number
    /** Drawn at full detail, or at the file's far detail (beyond 4 m of the visitor, not talking). */
    fullDetail: boolean
  }>
  elderly: boolean
  searchQuery: string
}

declare global {
  interface XrShowcaseDebugViews {
    'service-hall': ServiceHallDebugView
  }
}

function computeHallView(): ServiceHallDebugView {
  const s = useHall.getState()
  const checklist = s.content ? mergeChecklist(s.content, s.plan) : null
  return {
    eventId: s.nav?.eventId ?? null,
    answered: s.nav?.answers.length ?? 0,
    plan: [...s.plan],
    checklist: checklist ? checklist.items.map((i) => i.materialId) : [],
    ticked: [...s.ticked],
    showQr: s.showQr,
    planTab: useDeskPage.getState().tab,
    planPage: useDeskPage.getState().page,
    qrText:
      s.showQr && s.content && checklist
        ? checklistText(checklist, 'zh', {
            windows: new Map(s.content.layout.windows.map((w) => [w.id, w.number])),
            ticket: s.ticket?.number,
            ticked: s.ticked,
          })
        : null,
    route: s.route
      ? {
          target: s.route.target,
          arrived: s.route.arrived,
          following: s.route.following,
          stops: s.route.stop,
          path: s.route.path.map(([x, z]) => [x, z]),
          end: s.route.path[s.route.path.length - 1],
          drawn: drawnEnds(s.route.path),
        }
      : null,
    ticket: s.ticket?.number ?? null,
    myCall: s.myCall
      ? { ticket: s.myCall.ticket.number, windowNumber: s.myCall.windowNumber, windowId: s.myCall.windowId }
      : null,
    calls: s.recentCalls.map((c) => `${c.ticket.number}@${c.windowNumber}`),
    clerkWindowId: s.clerkWindowId,
    clerkMatterId: s.clerkMatterId,
    clerkReply: s.clerkReply ? { kind: s.clerkReply.kind, text: s.clerkReply.text } : null,
    clerks: [...clerkFigures].map(([windowId, f]) => {
      const figure = registeredThree()?.scene.getObjectByName(`clerk-figure:${windowId}`)
      return {
        windowId,
        animation: f.animator.state(),
        updates: f.updates,
        boneUploads: figure ? boneUploads(figure) : 0,
        fullDetail: f.fullDetail,
      }
    }),
    elderly: s.elderly,
    searchQuery: s.searchQuery,
  }
}

/** The drawn ribbon's first and last points in the world, through its mesh's own transform. */
function drawnEnds(path: readonly FloorPoint[]): { start: Vec3; end: Vec3 } | null {
  const ribbon = registeredThree()?.scene.getObjectByName('sh:route-path')
  if (!ribbon || path.length < 2) return null
  ribbon.updateWorldMatrix(true, false)
  const at = ([x, z]: FloorPoint): Vec3 => ribbon.localToWorld(new Vector3(x, RIBBON_Y, z)).toArray()
  return { start: at(path[0]), end: at(path[path.length - 1]) }
}

/** Offers the view while the hall is mounted; returns the unregister function for the effect's cleanup. */
export function registerServiceHallDebugView(): () => void {
  const view = registerDebugView('service-hall', computeHallView)
  // Store actions for the layout rule test and `npm run shots` (the hall test presses real controls).
  const actions = registerDebugActions('service-hall', {
    chooseEvent: (id: string) => chooseEvent(id),
    chooseOption: (i: number) => chooseOption(i),
    setElderly: (on: boolean) => setElderly(on),
    showPlanTab: (tab: PlanTab) => showPlanTab(tab),
    routeToMachine: () => {
      const p = useHall.getState().content?.layout.guidanceDesk.position ?? [0, 0, 0]
      routeTo({ kind: 'machine' }, [p[0], p[2] + 1.2])
    },
    takeTicket: (queue: string, matterId?: string) => takeTicket(queue, matterId, performance.now()),
    /** Lets the simulated queue run ten minutes ahead, so the visitor's own number is called. */
    callAll: () => advanceQueue(performance.now() + 600_000),
    /** Stands the visitor at a window, as arriving by its route does, and opens its clerk. */
    standAtWindow: (windowId: string) => {
      const w = useHall.getState().content?.layout.windows.find((x) => x.id === windowId)
      if (!w) return
      const [x, z] = windowStandPoint(w, 1.7)
      teleportPlayer([x, 0, z], w.rotationY)
      openClerk(windowId)
    },
    askClerk: (q: string) => askClerk(q),
  })
  return () => {
    view()
    actions()
  }
}
