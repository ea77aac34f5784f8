// The "service-hall" kind: a government service hall that takes a visitor from "我要办…" to the matters,
// the merged checklist, a queue ticket and the right window, with a digital-human clerk there.
// Rendered inside the platform's <Canvas><XR> after the scene's environment and models.
import { useFrame } from '@react-three/fiber'
import { useEffect } from 'react'
import { narrate } from '../../platform/audio'
import { testHooks } from '../../platform/debug'
import { getPlayerPosition } from '../../platform/locomotion'
import type { SceneOfKind } from '../../schema/scene-schema'
import { checklistText, mergeChecklist } from './logic/checklist-merge'
import { advanceQueue, initHall, routeTo, useHall } from './service-hall-store'
import { CallScreen } from './views/CallScreen'
import { ClerkPanel } from './views/ClerkPanel'
import { HallBuilding } from './views/HallBuilding'
import { NavigatorPanel } from './views/NavigatorPanel'
import { RouteGuide } from './views/RouteGuide'
import { StatusPanel } from './views/StatusPanel'
import { TicketMachinePanel } from './views/TicketMachinePanel'

export default function ServiceHallExperience({ scene }: { scene: SceneOfKind<'service-hall'> }) {
  const content = scene.serviceHall
  useEffect(() => {
    initHall(content, performance.now())
    return () => {
      delete testHooks.kinds['service-hall']
    }
  }, [content])
  useDebugState()
  useQueueTicker()
  const ready = useHall((s) => s.content === content)
  if (!ready) return null
  return (
    <group name="kind:service-hall">
      <HallBuilding content={content} />
      <CallScreen content={content} />
      <NavigatorPanel content={content} />
      <TicketMachinePanel content={content} />
      <RouteGuide content={content} />
      <ClerkPanel content={content} />
      <StatusPanel />
    </group>
  )
}

/** Runs the simulated queue; announces the visitor's number as a real hall's speaker would. */
function useQueueTicker() {
  let last = 0
  useFrame(() => {
    const now = performance.now()
    if (now - last < 200) return
    last = now
    if (!advanceQueue(now)) return
    const { myCall, elderly } = useHall.getState()
    if (!myCall) return
    void narrate({
      text: {
        zh: `请${myCall.ticket.number}号到${myCall.windowNumber}号窗口办理。`,
        en: `Ticket ${myCall.ticket.number}, please go to window ${myCall.windowNumber}.`,
      },
      rate: elderly ? 0.75 : 1,
    })
    // Simpler flow for older visitors: the guide sets off to the window straight away.
    if (elderly) {
      const p = getPlayerPosition()
      routeTo({ kind: 'window', windowId: myCall.windowId }, [p.x, p.z])
    }
  })
}

/** What browser tests read (never drive): the plan, ticket, route and the clerk's last reply. */
function useDebugState() {
  useEffect(() => {
    const publish = () => {
      const s = useHall.getState()
      testHooks.kinds['service-hall'] = {
        eventId: s.nav?.eventId ?? null,
        plan: s.plan,
        ticked: [...s.ticked],
        showQr: s.showQr,
        route: s.route
          ? {
              target: s.route.target,
              arrived: s.route.arrived,
              following: s.route.following,
              stops: s.route.stop,
              end: s.route.path[s.route.path.length - 1],
            }
          : null,
        ticket: s.ticket?.number ?? null,
        myCall: s.myCall
          ? {
              ticket: s.myCall.ticket.number,
              windowNumber: s.myCall.windowNumber,
              windowId: s.myCall.windowId,
            }
          : null,
        calls: s.recentCalls.map((c) => `${c.ticket.number}@${c.windowNumber}`),
        clerkWindowId: s.clerkWindowId,
        clerkMatterId: s.clerkMatterId,
        clerkReply: s.clerkReply ? { kind: s.clerkReply.kind, text: s.clerkReply.text } : null,
        elderly: s.elderly,
        searchQuery: s.searchQuery,
        checklist: s.content ? mergeChecklist(s.content, s.plan).items.map((i) => i.materialId) : [],
        qrText:
          s.showQr && s.content
            ? checklistText(mergeChecklist(s.content, s.plan), 'zh', {
                windows: new Map(s.content.layout.windows.map((w) => [w.id, w.number])),
                ticket: s.ticket?.number,
                ticked: s.ticked,
              })
            : null,
      }
    }
    publish()
    return useHall.subscribe(publish)
  }, [])
}
