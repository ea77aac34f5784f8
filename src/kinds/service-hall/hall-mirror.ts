// What a spectator screen shows of a citizen's visit besides their view: where they are in the guidance
// desk's questions (the plan it made), the materials they ticked, the QR code, elderly mode, the route
// the guide walks and the window whose clerk they talk to. Read on the visitor's device, applied on the
// screen with this schema; the queue ticket stays on the visitor's device (the screen has no queue).
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
  }
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
  },
}
