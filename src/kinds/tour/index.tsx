// The "tour" kind: a memorial site with a digital-human guide, driven entirely by the scene's `tour` data.
// Rendered after the platform has drawn the environment, floors and the scene's model list. In AR the site
// is a tabletop map (views/TourARMap.tsx) placed in the visitor's room, with the same console and cards.
import { useEffect, useMemo } from 'react'
import { ARPlacement, footprintOfFloors, forgetTable, useInAR } from '../../platform/ar'
import { useGroup } from '../../platform/groups'
import { registerViewMirror } from '../../platform/spectate'
import type { SceneOfKind } from '../../schema/scene-schema'
import { registerTourDebugView } from './debug'
import { watchTourAnalytics } from './tour-analytics'
import { startTourGroup } from './tour-group'
import { tourMirror } from './tour-mirror'
import { disposeTour, initTour, setVisitorMode } from './tour-store'
import { DocentMarker, DocentPoseSender, useDocentPointerHandler } from './views/DocentPointer'
import { GroupPanel } from './views/GroupPanel'
import { ExhibitHotspots, InfoCard } from './views/Hotspots'
import { MemorialArchitecture } from './views/MemorialArchitecture'
import { PanoramaStation } from './views/PanoramaStation'
import { QuizStation } from './views/QuizStation'
import { RoomCulling } from './views/RoomCulling'
import { ThenAndNowStation } from './views/ThenAndNowStation'
import { TimelineStation } from './views/TimelineStation'
import { TourARMap } from './views/TourARMap'
import { TourConsole } from './views/TourConsole'
import { GuideMotionDriver, TourGuide } from './views/TourGuide'

export default function TourExperience({ scene }: { scene: SceneOfKind<'tour'> }) {
  const tour = scene.tour
  useEffect(() => {
    initTour(tour)
    const unregister = registerTourDebugView()
    return () => {
      unregister()
      disposeTour()
      // A way back to the AR table belongs to this scene only.
      forgetTable()
    }
  }, [tour])
  // After initTour (effects run in order): a group's first stop needs the tour's content.
  useEffect(() => startTourGroup(scene.id), [scene.id])
  // After initTour too, so a stop a reload restores is not counted as a new arrival.
  useEffect(() => watchTourAnalytics(scene.id), [scene.id])
  // After initTour too: a spectator screen's stop needs the tour's content.
  useEffect(() => registerViewMirror(tourMirror), [])
  const groupRole = useGroup((s) => (s.code ? s.role : null))
  const onPointerMove = useDocentPointerHandler()
  const ar = useInAR()
  // On the map the guide is brought to a chosen stop at once, so its story starts when the pin is pressed.
  useEffect(() => {
    if (ar) setVisitorMode('teleport-with-guide')
  }, [ar])
  const footprint = useMemo(() => footprintOfFloors(scene.floors), [scene.floors])
  if (ar)
    return (
      <group name="tour">
        <ARPlacement scale={AR_SCALE} footprint={footprint}>
          <TourARMap tour={tour} floors={scene.floors} models={scene.models} />
        </ARPlacement>
        <GuideMotionDriver tour={tour} />
        <InfoCard />
        <TourConsole tour={tour} floors={scene.floors} />
      </group>
    )
  return (
    <group name="tour">
      {/* The docent's pointer is where it meets the hall and its exhibits, never the docent's own panels. */}
      <group name="tour-world" onPointerMove={onPointerMove}>
        <RoomCulling hall={tour.hall}>
          <MemorialArchitecture hall={tour.hall} exhibits={tour.exhibits} theme={tour.theme} />
          <ExhibitHotspots hotspots={tour.hotspots} />
          {tour.panorama && <PanoramaStation station={tour.panorama} theme={tour.theme} />}
          {tour.thenAndNow && <ThenAndNowStation station={tour.thenAndNow} theme={tour.theme} />}
          {tour.timeline && <TimelineStation station={tour.timeline} theme={tour.theme} />}
          {tour.quiz && <QuizStation station={tour.quiz} theme={tour.theme} />}
          <GuideMotionDriver tour={tour} />
          <TourGuide tour={tour} />
        </RoomCulling>
      </group>
      <InfoCard />
      <TourConsole tour={tour} floors={scene.floors} />
      <GroupPanel scene={scene.id} />
      {groupRole === 'docent' && <DocentPoseSender />}
      {groupRole === 'visitor' && <DocentMarker />}
    </group>
  )
}

/** The tabletop map's scale: a 40 m memorial site becomes half a metre. */
const AR_SCALE = 1 / 80
