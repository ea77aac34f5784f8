// The guided-tour console that travels with the visitor (XR and desktop alike): play/pause, previous,
// next and replay, the visitor-mode switch, leaving the panorama (or, on a visit from the AR map, going back
// to the table) and the current stop, in the view's
// "bottom" slot; the floor plan sits in the "right" slot. Slots keep both clear of the subtitle, the
// cards and the stations' panels at every window size (platform/ui/view-slots.ts).
import { arStrings, backToTable, useCameFromTable, useInAR } from '../../../platform/ar'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { Button, Panel, UiText, ViewSlot } from '../../../platform/ui'
import type { FloorArea } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'
import { primaryButtonLabel } from '../logic/console-labels'
import { isPlaying } from '../logic/tour-sequencer'
import { dispatchTour, setGroupPanelOpen, setPanoramaOpen, setVisitorMode, useTourStore } from '../tour-store'
import { type TourStringKey, tourStrings } from '../tour-strings'
import { TourMinimap } from './TourMinimap'

const W = 0.96
const H = 0.3

export function TourConsole({ tour, floors }: { tour: TourContent; floors: FloorArea[] }) {
  const t = useLocalize()
  const state = useTourStore((s) => s.tour)
  const panoramaOpen = useTourStore((s) => s.panoramaOpen)
  const groupPanelOpen = useTourStore((s) => s.groupPanelOpen)
  const fromTable = useCameFromTable()
  const ar = useInAR()
  // A third button in the second row: leaving the panorama first, else the way back to the AR table.
  const third = panoramaOpen || fromTable

  const stop = state.stopIndex >= 0 ? tour.stops[state.stopIndex] : undefined
  const phaseKey: TourStringKey = state.phase === 'idle' ? 'notStarted' : state.phase
  const status = stop
    ? `${fillPlaceholders(t(tourStrings.stopOf), { n: state.stopIndex + 1, total: tour.stops.length })} · ${t(stop.title)} · ${t(tourStrings[phaseKey])}`
    : t(tourStrings[phaseKey])
  const playing = isPlaying(state)
  const playLabel = primaryButtonLabel(state)
  const teleportMode = state.mode === 'teleport-with-guide'
  return (
    <group name="tour-console">
      <ViewSlot slot="bottom" width={W} height={H}>
        <Panel width={W} height={H} color="#20232a" opacity={0.92} name="tour-console-panel">
          <UiText
            text={status}
            fontSize={0.04}
            color="#fff4d6"
            maxWidth={W - 0.06}
            position={[0, H / 2 - 0.045, 0.004]}
          />
          <Button
            label={t(tourStrings.prev)}
            width={0.2}
            position={[-0.345, 0, 0.01]}
            onPress={() => dispatchTour({ type: 'prev' })}
            name="tour:prev"
          />
          <Button
            label={t(playLabel)}
            width={0.22}
            variant="primary"
            position={[-0.115, 0, 0.01]}
            onPress={() => dispatchTour({ type: playing ? 'pause' : 'play' })}
            name="tour:play"
          />
          <Button
            label={t(tourStrings.next)}
            width={0.2}
            position={[0.115, 0, 0.01]}
            onPress={() => dispatchTour({ type: 'next' })}
            name="tour:next"
          />
          <Button
            label={t(tourStrings.replay)}
            width={0.2}
            position={[0.345, 0, 0.01]}
            onPress={() => dispatchTour({ type: 'replay' })}
            name="tour:replay"
          />
          {/* Second row: the visitor mode, the group tour, and leaving the panorama or back to the table. */}
          {/* At the AR table nobody walks: going with the guide or freely means nothing there. */}
          {!ar && (
            <Button
              label={t(teleportMode ? tourStrings.modeTeleport : tourStrings.modeFree)}
              width={third ? 0.3 : 0.42}
              height={0.075}
              fontSize={0.038}
              position={[third ? -0.31 : -0.22, -0.1, 0.01]}
              selected={!teleportMode}
              onPress={() => setVisitorMode(teleportMode ? 'free-walk' : 'teleport-with-guide')}
              name="tour:mode"
            />
          )}
          <Button
            label={t(tourStrings.group)}
            width={third ? 0.28 : 0.42}
            height={0.075}
            fontSize={0.038}
            position={[third || ar ? 0 : 0.23, -0.1, 0.01]}
            selected={groupPanelOpen}
            onPress={() => setGroupPanelOpen(!groupPanelOpen)}
            name="tour:group"
          />
          {panoramaOpen && (
            <Button
              label={t(tourStrings.leavePanorama)}
              width={0.3}
              height={0.075}
              fontSize={0.038}
              variant="danger"
              position={[0.31, -0.1, 0.01]}
              onPress={() => setPanoramaOpen(false)}
              name="panorama:leave"
            />
          )}
          {fromTable && !panoramaOpen && (
            <Button
              label={t(arStrings.backToTable)}
              width={0.3}
              height={0.075}
              fontSize={0.038}
              variant="primary"
              position={[0.31, -0.1, 0.01]}
              onPress={() => void backToTable()}
              name="tour:back-to-table"
            />
          )}
        </Panel>
      </ViewSlot>
      <TourMinimap tour={tour} floors={floors} />
    </group>
  )
}
