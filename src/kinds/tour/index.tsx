// The "tour" kind: a memorial site with a digital-human guide, driven entirely by the scene's `tour` data.
// Rendered after the platform has drawn the environment, floors and the scene's model list.
import { useEffect } from 'react'
import { testHooks } from '../../platform/debug/test-hooks'
import type { SceneOfKind } from '../../schema/scene-schema'
import { ExhibitHotspots, InfoCard } from './Hotspots'
import { MemorialArchitecture } from './MemorialArchitecture'
import { PanoramaStation } from './PanoramaStation'
import { QuizStation } from './QuizStation'
import { RoomCulling } from './RoomCulling'
import { ThenAndNowStation } from './ThenAndNowStation'
import { TimelineStation } from './TimelineStation'
import { TourConsole } from './TourConsole'
import { GuideMotionDriver, TourGuide } from './TourGuide'
import { disposeTour, initTour, tourDebugSnapshot } from './tour-store'

export default function TourExperience({ scene }: { scene: SceneOfKind<'tour'> }) {
  const tour = scene.tour
  useEffect(() => {
    initTour(tour)
    testHooks.kinds.tour = { snapshot: tourDebugSnapshot }
    return () => {
      disposeTour()
      delete testHooks.kinds.tour
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
