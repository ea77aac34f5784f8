// The guided-tour console that travels with the visitor (XR and desktop alike): play/pause, previous,
// next and replay, the visitor-mode switch, leaving the panorama, the current stop, and the floor plan
// (on the right: the platform's XR menu floats low on the left).
import { useRef } from 'react'
import { type Group, MathUtils } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { usePlayer } from '../../../platform/locomotion'
import { Button, Panel, UiText } from '../../../platform/ui'
import type { FloorArea } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'
import { isPlaying } from '../logic/tour-sequencer'
import { dispatchTour, setPanoramaOpen, setVisitorMode, useTourStore } from '../tour-store'
import { type TourStringKey, tourStrings } from '../tour-strings'
import { TourMinimap } from './TourMinimap'

/** Console placement relative to the visitor's feet and facing: ahead, below the eyes, tilted up. */
const AHEAD = 0.9
const HEIGHT = 1.17
const W = 0.96
const H = 0.34

export function TourConsole({ tour, floors }: { tour: TourContent; floors: FloorArea[] }) {
  const t = useLocalize()
  const group = useRef<Group>(null)
  const state = useTourStore((s) => s.tour)
  const panoramaOpen = useTourStore((s) => s.panoramaOpen)

  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
    const { position, yaw } = usePlayer.getState()
    const r = MathUtils.degToRad(yaw)
    g.position.set(position[0] - Math.sin(r) * AHEAD, position[1] + HEIGHT, position[2] - Math.cos(r) * AHEAD)
    g.rotation.set(0, r, 0)
  })

  const stop = state.stopIndex >= 0 ? tour.stops[state.stopIndex] : undefined
  const phaseKey: TourStringKey = state.phase === 'idle' ? 'notStarted' : state.phase
  const status = stop
    ? `${fillPlaceholders(t(tourStrings.stopOf), { n: state.stopIndex + 1, total: tour.stops.length })} · ${t(stop.title)} · ${t(tourStrings[phaseKey])}`
    : t(tourStrings[phaseKey])
  const playing = isPlaying(state)
  const playLabel = playing
    ? tourStrings.pause
    : state.phase === 'paused'
      ? tourStrings.resume
      : state.phase === 'finished'
        ? tourStrings.restart
        : state.phase === 'presented'
          ? tourStrings.next
          : tourStrings.play
  const teleportMode = state.mode === 'teleport-with-guide'
  return (
    <group ref={group} name="tour-console">
      <group rotation-x={MathUtils.degToRad(-35)} scale={0.66}>
        <Panel width={W} height={H} color="#20232a" opacity={0.92}>
          <UiText
            text={status}
            fontSize={0.034}
            color="#fff4d6"
            maxWidth={W - 0.06}
            position={[0, H / 2 - 0.05, 0.004]}
          />
          <Button
            label={t(tourStrings.prev)}
            width={0.2}
            position={[-0.345, 0.01, 0.01]}
            onPress={() => dispatchTour({ type: 'prev' })}
            name="tour:prev"
          />
          <Button
            label={t(playLabel)}
            width={0.22}
            variant="primary"
            position={[-0.115, 0.01, 0.01]}
            onPress={() => dispatchTour({ type: playing ? 'pause' : 'play' })}
            name="tour:play"
          />
          <Button
            label={t(tourStrings.next)}
            width={0.2}
            position={[0.115, 0.01, 0.01]}
            onPress={() => dispatchTour({ type: 'next' })}
            name="tour:next"
          />
          <Button
            label={t(tourStrings.replay)}
            width={0.2}
            position={[0.345, 0.01, 0.01]}
            onPress={() => dispatchTour({ type: 'replay' })}
            name="tour:replay"
          />
          <Button
            label={t(teleportMode ? tourStrings.modeTeleport : tourStrings.modeFree)}
            width={0.42}
            height={0.075}
            fontSize={0.032}
            position={[panoramaOpen ? -0.22 : 0, -0.11, 0.01]}
            selected={!teleportMode}
            onPress={() => setVisitorMode(teleportMode ? 'free-walk' : 'teleport-with-guide')}
            name="tour:mode"
          />
          {panoramaOpen && (
            <Button
              label={t(tourStrings.leavePanorama)}
              width={0.42}
              height={0.075}
              fontSize={0.032}
              variant="danger"
              position={[0.23, -0.11, 0.01]}
              onPress={() => setPanoramaOpen(false)}
              name="panorama:leave"
            />
          )}
        </Panel>
      </group>
      <group
        position={[W * 0.33 + 0.13, 0.02, 0.05]}
        rotation={[MathUtils.degToRad(-30), MathUtils.degToRad(-28), 0]}
        scale={0.62}
      >
        <TourMinimap tour={tour} floors={floors} />
      </group>
    </group>
  )
}
