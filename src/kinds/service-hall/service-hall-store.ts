// The visit's state: where the visitor is in "我要办…", the plan and ticks, the route being walked, the
// ticket and the clerk conversation. Logic stays in the plain modules; this store only wires them to React.
// Over 300 lines on purpose: the kind's one store with all its actions (the layout every kind shares), so
// the visit's steps read in order and are testable without React.
import { z } from 'zod'
import { create } from 'zustand'
import type { Speller } from '../../platform/ui'
import { keepSceneState, readSceneState, setSceneLargeText } from '../../platform/visit'
import type { LocalizedText } from '../../schema/common'
import type { ServiceHallContent } from '../../schema/kinds/service-hall'
import { arRouteWindow } from './logic/ar-route'
import { orderPlan, toggleTick } from './logic/checklist-merge'
import { Clerk, type ClerkReply } from './logic/clerk-answers'
import { MatterSearch } from './logic/matter-search'
import { type QueueCall, QueueSimulation, type QueueTicket } from './logic/queue-simulation'
import { type FloorPoint, planRoute, windowStandPoint } from './logic/route-planner'
import { answerQuestion, goBack, type NavigationState, startNavigation } from './logic/service-navigator'

export type RouteTarget = { kind: 'machine' } | { kind: 'waiting' } | { kind: 'window'; windowId: string }

export interface ActiveRoute {
  target: RouteTarget
  path: FloorPoint[]
  /** Yaw (degrees, 0 looks down -Z) to face on arrival. */
  arrivalYaw: number
  label: LocalizedText
  /** Teleport stops reached so far while following. */
  stop: number
  following: boolean
  arrived: boolean
}

interface HallState {
  content: ServiceHallContent | null
  clerk: Clerk | null
  search: MatterSearch | null
  queue: QueueSimulation | null
  /** Life event chosen at the guidance desk, and the walk through its questions. */
  nav: NavigationState | null
  /** The plan: matters in the order to do them. */
  plan: string[]
  ticked: Set<string>
  showQr: boolean
  route: ActiveRoute | null
  ticket: QueueTicket | null
  /** Set when the visitor's own ticket has been called. */
  myCall: QueueCall | null
  /** On a spectator screen: the visitor's wait as their device counts it (hall-mirror.ts). */
  mirroredWait: { ahead: number; minutes: number } | null
  recentCalls: QueueCall[]
  /** Window whose clerk the visitor is talking to, and about which matter. */
  clerkWindowId: string | null
  clerkMatterId: string | null
  clerkReply: ClerkReply | null
  /** Text being typed for the clerk or the search. */
  draft: string
  searchQuery: string
  /** 适老化: larger text, slower narration, fewer choices, automatic route following. */
  elderly: boolean
}

const initial: Omit<HallState, 'content' | 'clerk' | 'search' | 'queue'> = {
  nav: null,
  plan: [],
  ticked: new Set(),
  showQr: false,
  route: null,
  ticket: null,
  myCall: null,
  mirroredWait: null,
  recentCalls: [],
  clerkWindowId: null,
  clerkMatterId: null,
  clerkReply: null,
  draft: '',
  searchQuery: '',
  elderly: false,
}

export const useHall = create<HallState>(() => ({
  ...initial,
  content: null,
  clerk: null,
  search: null,
  queue: null,
}))

const get = () => useHall.getState()
const set = useHall.setState

export function initHall(content: ServiceHallContent, now: number): void {
  stopKeeping()
  set({
    ...initial,
    ticked: new Set(),
    content,
    clerk: new Clerk(content),
    search: new MatterSearch(content.matters),
    queue: new QueueSimulation(content.queue, content.layout.windows, now),
  })
  restore(now)
  stopKeeping = persist()
}

// ---- what a reload keeps (the visit service's sessionStorage) --------------------------------------

const SavedHall = z.object({
  nav: z.object({ eventId: z.string(), answers: z.array(z.number().int().min(0)) }).nullable(),
  plan: z.array(z.string()),
  ticked: z.array(z.string()),
  showQr: z.boolean(),
  ticket: z.object({ number: z.string(), queue: z.string(), matterId: z.string().optional() }).nullable(),
  called: z.object({ windowId: z.string(), windowNumber: z.number() }).nullable(),
  /** The route's target and where it started (it is planned again from there). */
  route: z
    .object({
      target: z.union([
        z.object({ kind: z.literal('machine') }),
        z.object({ kind: z.literal('waiting') }),
        z.object({ kind: z.literal('window'), windowId: z.string() }),
      ]),
      from: z.tuple([z.number(), z.number()]),
    })
    .nullable(),
  elderly: z.boolean(),
})
type SavedHall = z.infer<typeof SavedHall>

let stopKeeping = () => {}

/** Saves the plan, ticks, ticket, route target and elderly mode whenever they change. */
function persist(): () => void {
  return keepSceneState(
    useHall,
    'service-hall',
    (s): SavedHall => ({
      nav: s.nav ? { eventId: s.nav.eventId, answers: s.nav.answers } : null,
      plan: s.plan,
      ticked: [...s.ticked],
      showQr: s.showQr,
      ticket: s.ticket
        ? { number: s.ticket.number, queue: s.ticket.queue, matterId: s.ticket.matterId }
        : null,
      called: s.myCall ? { windowId: s.myCall.windowId, windowNumber: s.myCall.windowNumber } : null,
      route: s.route?.path[0] ? { target: s.route.target, from: s.route.path[0] } : null,
      elderly: s.elderly,
    }),
  )
}

/** Puts back what `persist` saved for this scene; anything the content no longer has is left out. */
function restore(now: number): void {
  const saved = readSceneState('service-hall', SavedHall)
  const { content, queue } = get()
  if (!saved || !content) return
  setElderly(saved.elderly)
  const event = saved.nav && content.lifeEvents.find((e) => e.id === saved.nav?.eventId)
  if (event && saved.nav) {
    let nav = startNavigation(event)
    for (const answer of saved.nav.answers) if (nav.questionId) nav = answerQuestion(event, nav, answer)
    set({ nav, plan: planOf(nav) })
  } else {
    set({ plan: saved.plan.filter((id) => content.matters.some((m) => m.id === id)) })
  }
  set({ ticked: new Set(saved.ticked), showQr: saved.showQr })
  const restored = saved.ticket && queue?.restoreTicket(saved.ticket, now, saved.called ?? undefined)
  if (restored)
    set({ ticket: restored.ticket, myCall: restored.call, recentCalls: queue?.recentCalls(5) ?? [] })
  if (saved.route) routeTo(saved.route.target, saved.route.from, false)
}

/**
 * Adds pinyin and initials to the search once the (large, lazily loaded) speller has arrived; search
 * answers Chinese and English before that. Ignored if another hall has been opened meanwhile.
 */
export function addSpeller(content: ServiceHallContent, speller: Speller): void {
  if (get().content === content) set({ search: new MatterSearch(content.matters, speller) })
}

export function chooseEvent(eventId: string): void {
  const event = get().content?.lifeEvents.find((e) => e.id === eventId)
  if (!event) return
  const nav = startNavigation(event)
  set({ nav, plan: planOf(nav), ticked: new Set(), showQr: false })
}

export function chooseOption(index: number): void {
  const { nav, content } = get()
  const event = content?.lifeEvents.find((e) => e.id === nav?.eventId)
  if (!nav || !event) return
  const next = answerQuestion(event, nav, index)
  set({ nav: next, plan: planOf(next) })
}

export function stepBack(): void {
  const { nav, content } = get()
  const event = content?.lifeEvents.find((e) => e.id === nav?.eventId)
  if (!nav || !event) return
  if (nav.answers.length === 0) set({ nav: null, plan: [], showQr: false })
  else {
    const prev = goBack(event, nav)
    set({ nav: prev, plan: planOf(prev), showQr: false })
  }
}

/** Picks one matter directly (from search), skipping the life events. */
export function chooseMatter(matterId: string): void {
  set({ nav: null, plan: [matterId], ticked: new Set(), showQr: false })
}

export function resetNavigation(): void {
  set({ nav: null, plan: [], ticked: new Set(), showQr: false })
}

function planOf(nav: NavigationState): string[] {
  const content = get().content
  return content ? orderPlan(content, nav.matterIds) : []
}

export function tick(materialId: string): void {
  set({ ticked: toggleTick(get().ticked, materialId) })
}

export function setShowQr(showQr: boolean): void {
  set({ showQr })
}

/** Elderly mode is the hall's own state: it enlarges text while the hall is open, not on the device. */
export function setElderly(elderly: boolean): void {
  set({ elderly })
  setSceneLargeText(elderly)
}

/**
 * Plans a route from where the visitor stands; the guide starts walking it at once. `follow` also moves
 * the visitor along it (default: in elderly mode only).
 */
export function routeTo(target: RouteTarget, from: FloorPoint, follow?: boolean): void {
  const content = get().content
  if (!content) return
  const { layout } = content
  let to: FloorPoint
  let arrivalYaw = 0
  let label: LocalizedText
  if (target.kind === 'machine') {
    const m = layout.ticketMachine
    const a = (m.rotationY * Math.PI) / 180
    to = [m.position[0] + Math.sin(a) * 1.1, m.position[2] + Math.cos(a) * 1.1]
    arrivalYaw = m.rotationY
    label = { zh: '取号机', en: 'the ticket machine' }
  } else if (target.kind === 'waiting') {
    const w = layout.waitingArea
    // Stand at the side of the seats, facing the call screen.
    to = [w.position[0] + w.size[0] / 2 + 0.9, w.position[2]]
    const screen = layout.callScreen.position
    arrivalYaw = (Math.atan2(-(screen[0] - to[0]), -(screen[2] - to[1])) * 180) / Math.PI
    label = { zh: '等候区', en: 'the waiting area' }
  } else {
    const window = layout.windows.find((w) => w.id === target.windowId)
    if (!window) return
    to = windowStandPoint(window, 1.7)
    arrivalYaw = window.rotationY
    label = {
      zh: `${window.number}号窗口（${window.area.zh}）`,
      en: `window ${window.number} (${window.area.en})`,
    }
  }
  const path = planRoute(layout, from, to)
  set({
    route: { target, path, arrivalYaw, label, stop: 0, following: follow ?? get().elderly, arrived: false },
  })
}

export function followRoute(): void {
  const route = get().route
  if (route && !route.arrived) set({ route: { ...route, following: true } })
}

export function routeStopReached(stop: number, arrived: boolean): void {
  const route = get().route
  if (!route) return
  set({ route: { ...route, stop, arrived, following: route.following && !arrived } })
  if (arrived && route.target.kind === 'window') {
    const ticket = get().ticket
    const window = route.target.windowId
    const matter =
      get().plan.find((id) =>
        get()
          .content?.matters.find((m) => m.id === id)
          ?.windows.includes(window),
      ) ??
      (ticket?.matterId &&
      get()
        .content?.matters.find((m) => m.id === ticket.matterId)
        ?.windows.includes(window)
        ? ticket.matterId
        : undefined)
    openClerk(window, matter)
  }
}

export function clearRoute(): void {
  set({ route: null })
}

export function takeTicket(queue: string, matterId: string | undefined, now: number): QueueTicket | null {
  const sim = get().queue
  if (!sim) return null
  const ticket = sim.takeTicket(queue, now, matterId)
  set({ ticket, myCall: null, recentCalls: sim.recentCalls(5) })
  return ticket
}

/**
 * A ticket for the plan's first matter, in the queue of the window the route on the table's model leads
 * to (AR: there is no machine to walk to). Null without a plan.
 */
export function takeTicketForPlan(now: number): QueueTicket | null {
  const { content, plan } = get()
  if (!content) return null
  const windowId = arRouteWindow(content, plan, null)
  const queue = content.layout.windows.find((w) => w.id === windowId)?.queue
  return queue ? takeTicket(queue, plan[0], now) : null
}

/** Moves the simulated queue to `now`; returns true when the visitor's own ticket was just called. */
export function advanceQueue(now: number): boolean {
  const { queue: sim, ticket } = get()
  if (!sim) return false
  const calls = sim.advance(now)
  if (calls.length === 0) return false
  const mine = ticket ? calls.find((c) => c.ticket === ticket) : undefined
  set({ recentCalls: sim.recentCalls(5), ...(mine ? { myCall: mine } : {}) })
  return !!mine
}

export function openClerk(windowId: string, matterId?: string): void {
  const content = get().content
  const fallbackMatter = content?.matters.find((m) => m.windows.includes(windowId))?.id
  set({
    clerkWindowId: windowId,
    clerkMatterId: matterId ?? fallbackMatter ?? null,
    clerkReply: null,
    draft: '',
  })
}

export function closeClerk(): void {
  set({ clerkWindowId: null, clerkReply: null, draft: '' })
}

export function askClerk(question: string): ClerkReply | null {
  const { clerk, clerkWindowId, clerkMatterId } = get()
  if (!clerk) return null
  const reply = clerk.answer(question, {
    windowId: clerkWindowId ?? undefined,
    matterId: clerkMatterId ?? undefined,
  })
  set({ clerkReply: reply, draft: '' })
  return reply
}

export function setDraft(draft: string): void {
  set({ draft: draft.slice(0, 60) })
}

export function setSearchQuery(searchQuery: string): void {
  set({ searchQuery: searchQuery.slice(0, 30) })
}
