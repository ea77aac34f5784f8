// What a spectator screen shows of a citizen's visit besides their view: where they are in the guidance
// desk's questions (the plan it made), the materials they ticked, the QR code, elderly mode, the route
// the guide walks, the window whose clerk they talk to, and their queue ticket with its wait and call.
// Read on the visitor's device, applied on the screen with this schema. The screen's own simulated queue
// never holds the visitor's ticket: their device's queue decides when it is called, and the wait shown.
import { z } from 'zod'
import type { ViewMirror } from '../../platform/spectate'
import {
  chooseEvent,
  chooseOption,
  clearRoute,
  closeClerk,
  openClerk,
  routeTo,
  setElderly,
  useHall,
} from './service-hall-store'

const Id = z.string().max(80)
const HallView = z.object({
  nav: z.object({ eventId: Id, answers: z.array(z.number().int().min(0).max(50)).max(50) }).nullable(),
  plan: z.array(Id).max(50),
  ticked: z.array(Id).max(200),
  showQr: z.boolean(),
  elderly: z.boolean(),
  route: z
    .object({
      target: z.union([
        z.object({ kind: z.literal('machine') }),
        z.object({ kind: z.literal('waiting') }),
        z.object({ kind: z.literal('window'), windowId: Id }),
      ]),
      from: z.tuple([z.number().finite(), z.number().finite()]),
    })
    .nullable(),
  clerk: z.object({ windowId: Id, matterId: Id.nullable() }).nullable(),
  ticket: z
    .object({
      number: z.string().max(8),
      queue: z.string().max(4),
      matterId: Id.nullable(),
      /** People before it as the visitor's device counts them; -1 once called. */
      ahead: z.number().int().min(-1).max(999),
      minutes: z.number().int().min(0).max(100_000),
    })
    .nullable(),
  call: z.object({ windowId: Id, windowNumber: z.number().int().min(0).max(999) }).nullable(),
})
type HallView = z.infer<typeof HallView>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function readHall(): HallView {
  const s = useHall.getState()
  return {
    nav: s.nav ? { eventId: s.nav.eventId, answers: s.nav.answers } : null,
    plan: s.plan,
    ticked: [...s.ticked],
    showQr: s.showQr,
    elderly: s.elderly,
    route: s.route?.path[0] ? { target: s.route.target, from: s.route.path[0] } : null,
    clerk: s.clerkWindowId ? { windowId: s.clerkWindowId, matterId: s.clerkMatterId } : null,
    ticket:
      s.ticket && s.queue
        ? {
            number: s.ticket.number,
            queue: s.ticket.queue,
            matterId: s.ticket.matterId ?? null,
            ahead: s.mirroredWait?.ahead ?? s.queue.peopleAhead(s.ticket),
            minutes:
              s.mirroredWait?.minutes ?? s.queue.estimatedWait(s.ticket, performance.now()).realMinutes,
          }
        : null,
    call: s.myCall ? { windowId: s.myCall.windowId, windowNumber: s.myCall.windowNumber } : null,
  }
}

/** Tickets made here: one the screen restored into its own queue (a reload kept it) is replaced. */
const mirrored = new WeakSet<object>()

/** The visitor's ticket and call on the screen, kept out of the screen's own queue; set only when changed. */
function showTicket(view: HallView['ticket'], call: HallView['call']): void {
  const s = useHall.getState()
  if (!view) {
    if (s.ticket || s.myCall || s.mirroredWait)
      useHall.setState({ ticket: null, myCall: null, mirroredWait: null })
    return
  }
  const now = performance.now()
  const ticket =
    s.ticket && mirrored.has(s.ticket) && s.ticket.number === view.number && s.ticket.queue === view.queue
      ? s.ticket
      : {
          number: view.number,
          queue: view.queue,
          ...(view.matterId ? { matterId: view.matterId } : {}),
          issuedAt: now,
          mine: true,
        }
  mirrored.add(ticket)
  const myCall = !call
    ? null
    : s.myCall?.ticket === ticket && s.myCall.windowId === call.windowId
      ? s.myCall
      : { ticket, ...call, at: now }
  const wait =
    s.mirroredWait?.ahead === view.ahead && s.mirroredWait.minutes === view.minutes
      ? s.mirroredWait
      : { ahead: view.ahead, minutes: view.minutes }
  if (ticket !== s.ticket || myCall !== s.myCall || wait !== s.mirroredWait)
    useHall.setState({ ticket, myCall, mirroredWait: wait })
}

export const hallMirror: ViewMirror = {
  read: readHall,
  apply: (raw) => {
    const parsed = HallView.safeParse(raw)
    if (!parsed.success) return
    const view = parsed.data
    const shown = readHall()
    if (!same(view.nav, shown.nav)) {
      if (view.nav) {
        chooseEvent(view.nav.eventId)
        for (const answer of view.nav.answers) chooseOption(answer)
      } else useHall.setState({ nav: null })
    }
    useHall.setState({
      plan: view.plan,
      ticked: new Set(view.ticked),
      showQr: view.showQr,
    })
    if (view.elderly !== shown.elderly) setElderly(view.elderly)
    if (!same(view.route, shown.route)) {
      if (view.route) routeTo(view.route.target, view.route.from, false)
      else clearRoute()
    }
    if (!same(view.clerk, shown.clerk)) {
      if (view.clerk) openClerk(view.clerk.windowId, view.clerk.matterId ?? undefined)
      else closeClerk()
    }
    showTicket(view.ticket, view.call)
  },
}
