// The 1927–1949 wall timeline: a ruler with one selectable marker per event; the chosen event's story
// shows above it. Markers mount only when the visitor is near, so the far hall costs no extra draw calls.
import { useMemo } from 'react'
import { useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { Interactive, Panel, UiText } from '../../../platform/ui'
import type { TimelineStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { layoutMarkers, sortEvents } from '../logic/timeline-layout'
import { selectTimelineEvent, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { StationGroup } from './RoomCulling'

const WIDTH = 6.4

export function TimelineStation({ station, theme }: { station: Station; theme: TourTheme }) {
  const t = useLocalize()
  const selected = useTourStore((s) => s.timelineSelected)
  const near = useNearPlayer(station.position, 9)
  const { events, xs } = useMemo(() => {
    const events = sortEvents(station.events)
    return { events, xs: layoutMarkers(events, station.startYear, station.endYear, WIDTH - 0.5, 0.66) }
  }, [station])
  const chosen = events.find((e) => e.id === selected)
  return (
    <StationGroup station={station} radius={3.6} name={`timeline:${station.id}`}>
      <Panel width={WIDTH + 0.3} height={1.9} position={[0, 0.15, 0.01]} color="#f4ead2" opacity={1}>
        <UiText
          text={t(station.title)}
          fontSize={0.11}
          color={theme.primary}
          position={[0, 0.88, 0.01]}
          fixedSize
        />
        <mesh position={[0, -0.35, 0.004]}>
          <boxGeometry args={[WIDTH - 0.3, 0.03, 0.006]} />
          <meshBasicMaterial color={theme.primary} toneMapped={false} />
        </mesh>
        {!near ? null : chosen ? (
          <group name="timeline:detail">
            <UiText
              text={t(chosen.title)}
              fontSize={0.08}
              color={theme.primary}
              position={[0, 0.56, 0.01]}
              fixedSize
            />
            <UiText
              text={t(chosen.text)}
              fontSize={0.055}
              lineHeight={1.3}
              maxWidth={WIDTH - 0.8}
              position={[0, 0.22, 0.01]}
              fixedSize
            />
          </group>
        ) : (
          <UiText
            text={t(tourStrings.timelineHint)}
            fontSize={0.06}
            color="#6b5b43"
            position={[0, 0.3, 0.01]}
            fixedSize
          />
        )}
        {near &&
          events.map((e, i) => (
            <Interactive
              key={e.id}
              label={t(e.title)}
              onPress={() => selectTimelineEvent(e.id)}
              position={[xs[i], -0.35, 0.02]}
              name={`timeline:event:${e.id}`}
            >
              <mesh rotation-x={Math.PI / 2}>
                <cylinderGeometry args={[0.09, 0.09, 0.03, 20]} />
                <meshBasicMaterial
                  color={e.id === selected ? theme.accent : theme.primary}
                  toneMapped={false}
                />
              </mesh>
              <UiText
                text={e.month ? `${e.year}.${e.month}` : String(e.year)}
                fontSize={0.055}
                color={e.id === selected ? theme.primary : '#3a2a20'}
                position={[0, -0.17, 0.02]}
                fixedSize
              />
            </Interactive>
          ))}
      </Panel>
    </StationGroup>
  )
}
