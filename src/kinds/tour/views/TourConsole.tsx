// The guided-tour console that travels with the visitor (XR and desktop alike): play/pause, previous,
// next and replay, the visitor-mode switch, leaving the panorama (or, on a visit from the AR map, going back
// to the table) and the current stop, in the view's
// "bottom" slot; the floor plan sits in the "right" slot. Slots keep both clear of the subtitle, the
// cards and the stations' panels at every window size (platform/ui/view-slots.ts).
import { arStrings, backToTable, useCameFromTable, useInAR } from '../../../platform/ar'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { Button, fitLabelSize, Panel, UiText, ViewSlot } from '../../../platform/ui'
import type { FloorArea } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'
import { primaryButtonLabel } from '../logic/console-labels'
import { isPlaying } from '../logic/tour-sequencer'
import { dispatchTour, setGroupPanelOpen, setPanoramaOpen, setVisitorMode, useTourStore } from '../tour-store'
import { type TourStringKey, tourStrings } from '../tour-strings'
import { TourMinimap } from './TourMinimap'

const W = 0.96
const H = 0.3
/** The second row's keys by how many it holds: one centred, two halves, three thirds. */
const SECOND_ROW: { width: number; position: [number, number, number] }[][] = [
  [{ width: 0.42, position: [0, -0.1, 0.01] }],
  [
    { width: 0.42, position: [-0.22, -0.1, 0.01] },
    { width: 0.42, position: [0.23, -0.1, 0.01] },
  ],
  [
    { width: 0.3, position: [-0.31, -0.1, 0.01] },
    { width: 0.28, position: [0, -0.1, 0.01] },
    { width: 0.3, position: [0.31, -0.1, 0.01] },
  ],
]

export function TourConsole({ tour, floors }: { tour: TourContent; floors: FloorArea[] }) {
  const t = useLocalize()
  const state = useTourStore((s) => s.tour)
  const panoramaOpen = useTourStore((s) => s.panoramaOpen)
  const groupPanelOpen = useTourStore((s) => s.groupPanelOpen)
  const fromTable = useCameFromTable()
  const ar = useInAR()
  // The second row: the visitor mode, except at the AR table (nobody walks there) and inside a panorama
  // (a photo sphere has no floor to walk), then the group, then leaving the panorama or back to the table.
  const showMode = !ar && !panoramaOpen
  const rowCount = (showMode ? 1 : 0) + 1 + (panoramaOpen || fromTable ? 1 : 0)
  const secondRow = (index: number) => ({
    ...SECOND_ROW[rowCount - 1][index],
    height: 0.075,
    fontSize: 0.038,
  })

  const stop = state.stopIndex >= 0 ? tour.stops[state.stopIndex] : undefined
  const phaseKey: TourStringKey = state.phase === 'idle' ? 'notStarted' : state.phase
  const status = stop
    ? `${fillPlaceholders(t(tourStrings.stopOf), { n: state.stopIndex + 1, total: tour.stops.length })} · ${t(stop.title)} · ${t(tourStrings[phaseKey])}`
    : t(tourStrings[phaseKey])
  // Hung from the panel's top edge and shrunk to two lines' room when it wraps (a long English stop
  // title), so a second line grows down into free space and never reaches the buttons' row.
  const statusSize = fitLabelSize(status, 0.04, W - 0.02, 0.095)
  const playing = isPlaying(state)
  const playLabel = primaryButtonLabel(state)
  const teleportMode = state.mode === 'teleport-with-guide'
  return (
    <group name="tour-console">
      <ViewSlot slot="bottom" width={W} height={H}>
        <Panel width={W} height={H} color="#20232a" opacity={0.92} name="tour-console-panel">
          <UiText
            text={status}
            fontSize={statusSize}
            color="#fff4d6"
            maxWidth={W - 0.06}
            anchorY="top"
            position={[0, H / 2 - 0.012, 0.004]}
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
          {showMode && (
            <Button
              label={t(teleportMode ? tourStrings.modeTeleport : tourStrings.modeFree)}
              {...secondRow(0)}
              selected={!teleportMode}
              onPress={() => setVisitorMode(teleportMode ? 'free-walk' : 'teleport-with-guide')}
              name="tour:mode"
            />
          )}
          <Button
            label={t(tourStrings.group)}
            {...secondRow(showMode ? 1 : 0)}
            selected={groupPanelOpen}
            onPress={() => setGroupPanelOpen(!groupPanelOpen)}
            name="tour:group"
          />
          {panoramaOpen && (
            <Button
              label={t(tourStrings.leavePanorama)}
              {...secondRow(rowCount - 1)}
              variant="danger"
              onPress={() => setPanoramaOpen(false)}
              name="panorama:leave"
            />
          )}
          {fromTable && !panoramaOpen && (
            <Button
              label={t(arStrings.backToTable)}
              {...secondRow(rowCount - 1)}
              variant="primary"
              onPress={() => void backToTable()}
              name="tour:back-to-table"
            />
          )}
        </Panel>
      </ViewSlot>
      {/* At the AR table the table is the map: a second, flat one beside it was clutter and five draws an eye. */}
      {!ar && <TourMinimap tour={tour} floors={floors} />}
    </group>
  )
}
