// The "service-hall" kind: a government service hall that takes a visitor from "我要办…" to the matters,
// the merged checklist, a queue ticket and the right window, with a digital-human clerk there.
// Rendered inside the platform's <Canvas><XR> after the scene's environment and models. In AR the hall is a
// 1:50 floor-plan model on the visitor's table (the same building, call screen and route from the entrance to
// the window, the queue state above that window), with the navigator at its desk and the status beside the view.
import { useEffect, useMemo } from 'react'
import { ARPlacement, footprintOfFloors, useInAR } from '../../platform/ar'
import { registerViewMirror } from '../../platform/spectate'
import { loadPinyinSpeller } from '../../platform/ui'
import type { SceneOfKind } from '../../schema/scene-schema'
import { registerServiceHallDebugView } from './debug'
import { watchHallAnalytics } from './hall-analytics'
import { hallMirror } from './hall-mirror'
import { addSpeller, initHall, useHall } from './service-hall-store'
import { CallScreen } from './views/CallScreen'
import { ClerkPanel } from './views/ClerkPanel'
import { HallARModel } from './views/HallARModel'
import { HallBuilding } from './views/HallBuilding'
import { NavigatorPanel } from './views/NavigatorPanel'
import { RouteGuide } from './views/RouteGuide'
import { StatusPanel } from './views/StatusPanel'
import { TicketMachinePanel } from './views/TicketMachinePanel'
import { useQueueTicker } from './views/use-queue-ticker'

export default function ServiceHallExperience({ scene }: { scene: SceneOfKind<'service-hall'> }) {
  const content = scene.serviceHall
  useEffect(() => {
    initHall(content, performance.now())
    // pinyin-pro is big: the hall shows first, and search learns pinyin as soon as it arrives.
    void loadPinyinSpeller().then((speller) => addSpeller(content, speller))
  }, [content])
  // After initHall (effects run in order), so a ticket call a reload restores is not counted again.
  useEffect(() => watchHallAnalytics(scene.id), [scene.id])
  // Offered to tests while the hall is mounted; nothing is computed until a test asks.
  useEffect(() => registerServiceHallDebugView(), [])
  useEffect(() => registerViewMirror(hallMirror), [])
  useQueueTicker()
  const ready = useHall((s) => s.content === content)
  const ar = useInAR()
  const footprint = useMemo(() => footprintOfFloors(scene.floors), [scene.floors])
  if (!ready) return null
  if (ar)
    return (
      <group name="kind:service-hall">
        <ARPlacement scale={AR_SCALE} footprint={footprint}>
          <HallARModel content={content} />
        </ARPlacement>
        <NavigatorPanel content={content} />
        <StatusPanel />
      </group>
    )
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

/** The floor-plan model's scale: a 23 m hall becomes under half a metre. */
const AR_SCALE = 1 / 50
