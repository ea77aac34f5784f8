// The "tour" kind: a memorial site with a digital-human guide, driven entirely by the scene's `tour` data.
// Rendered after the platform has drawn the environment, floors and the scene's model list.
import { useEffect } from 'react'
import type { SceneOfKind } from '../../schema/scene-schema'
import { registerTourDebugView } from './debug'
import { disposeTour, initTour } from './tour-store'
import { ExhibitHotspots, InfoCard } from './views/Hotspots'
import { MemorialArchitecture } from './views/MemorialArchitecture'
import { PanoramaStation } from './views/PanoramaStation'
import { QuizStation } from './views/QuizStation'
import { RoomCulling } from './views/RoomCulling'
import { ThenAndNowStation } from './views/ThenAndNowStation'
import { TimelineStation } from './views/TimelineStation'
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
    }
  }, [tour])
  return (
    <group name="tour">
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
      <InfoCard />
      <TourConsole tour={tour} floors={scene.floors} />
    </group>
  )
}
