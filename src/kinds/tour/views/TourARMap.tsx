// The memorial as a tabletop map in AR (the seeds' "AR地图导航"): the site's floors, the hall and its
// exhibits, the scene's own models, the tour route and a numbered pin per stop, with the guide walking on
// it. Selecting a pin goes to that stop, so its narration plays, and offers stepping into the full VR scene
// there. All in the site's own metres: the AR service's placed group scales it down onto the table.
import { useMemo } from 'react'
import { visitInVR } from '../../../platform/ar'
import { useLocalize } from '../../../platform/i18n'
import { AssetBoundary, SceneModel } from '../../../platform/models'
import { Button, Interactive, UiText } from '../../../platform/ui'
import type { FloorArea, ModelPlacement } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'
import { dispatchTour, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { MemorialArchitecture } from './MemorialArchitecture'
import { TourGuide } from './TourGuide'

const FLOOR_COLOR = '#cfc6b4'
const ROUTE_COLOR = '#c8161d'
const PIN_COLOR = '#c8161d'
const CURRENT_COLOR = '#ffc940'
/** The UI kit's metres on the map: its buttons at about a third of their size in a headset's view. */
const UI_ON_MAP = 28

export function TourARMap({
  tour,
  floors,
  models,
}: {
  tour: TourContent
  floors: FloorArea[]
  models: ModelPlacement[]
}) {
  const t = useLocalize()
  const current = useTourStore((s) => s.tour.stopIndex)
  // The route as flat ribbons from stop to stop, 0.5 m wide on the site (a few millimetres on the table).
  const route = useMemo(
    () =>
      tour.stops.slice(1).map((stop, i) => {
        const a = tour.stops[i].visitorPosition
        const b = stop.visitorPosition
        const length = Math.hypot(b[0] - a[0], b[2] - a[2])
        return {
          key: stop.id,
          position: [(a[0] + b[0]) / 2, 0.15, (a[2] + b[2]) / 2] as [number, number, number],
          yaw: Math.atan2(b[0] - a[0], b[2] - a[2]),
          length,
        }
      }),
    [tour.stops],
  )
  return (
    <group name="tour-ar-map">
      {floors.map((f) => (
        <mesh
          key={f.id}
          position={[(f.min[0] + f.max[0]) / 2, 0.05, (f.min[1] + f.max[1]) / 2]}
          name={`tour-ar-floor:${f.id}`}
        >
          <boxGeometry args={[f.max[0] - f.min[0], 0.1, f.max[1] - f.min[1]]} />
          <meshLambertMaterial color={FLOOR_COLOR} />
        </mesh>
      ))}
      {/* Roofless: the map is seen from above, and the stops inside the hall must show. */}
      <MemorialArchitecture hall={tour.hall} exhibits={tour.exhibits} theme={tour.theme} roof={false} />
      {models.map((m) => (
        <AssetBoundary key={m.id} asset={m.src}>
          <SceneModel src={m.src} position={m.position} rotationY={m.rotationY} scale={m.scale} />
        </AssetBoundary>
      ))}
      {route.map((r) => (
        <mesh key={r.key} position={r.position} rotation-y={r.yaw}>
          <boxGeometry args={[0.5, 0.1, r.length]} />
          <meshBasicMaterial color={ROUTE_COLOR} />
        </mesh>
      ))}
      {tour.stops.map((stop, i) => {
        const [x, , z] = stop.visitorPosition
        const here = i === current
        return (
          <Interactive
            key={stop.id}
            label={`tour-ar-stop:${stop.id}`}
            name={`tour-ar-stop:${stop.id}`}
            position={[x, 0, z]}
            onPress={() => dispatchTour({ type: 'goTo', stopIndex: i })}
          >
            <mesh position={[0, 1.5, 0]}>
              <cylinderGeometry args={[0.25, 0.25, 3, 8]} />
              <meshLambertMaterial color={here ? CURRENT_COLOR : PIN_COLOR} />
            </mesh>
            <mesh position={[0, 3.6, 0]}>
              <sphereGeometry args={[1.1, 16, 12]} />
              <meshLambertMaterial color={here ? CURRENT_COLOR : PIN_COLOR} />
            </mesh>
            <UiText text={String(i + 1)} fontSize={1.3} position={[0, 3.6, 1.15]} color="#ffffff" />
            {here && (
              <UiText
                text={t(stop.title)}
                fontSize={1.6}
                position={[0, 6.2, 0]}
                color="#ffffff"
                outlineWidth={0.12}
                outlineColor="#3a0d0d"
              />
            )}
          </Interactive>
        )
      })}
      {tour.stops[current] && (
        // Above the chosen pin's title, leaning back towards the visitor looking down at the table.
        <group
          position={[tour.stops[current].visitorPosition[0], 9.5, tour.stops[current].visitorPosition[2]]}
          rotation-x={-0.4}
          scale={UI_ON_MAP}
        >
          <Button
            label={t(tourStrings.visitInVR)}
            width={0.56}
            variant="primary"
            onPress={() => void visitInVR()}
            name="tour-ar:visit-in-vr"
          />
        </group>
      )}
      <TourGuide tour={tour} />
    </group>
  )
}
