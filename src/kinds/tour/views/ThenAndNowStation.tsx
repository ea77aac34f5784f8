// Then and now: a historical and a present-day picture in one frame, cross-faded by a slider that works
// with rays, hands and the mouse. Pictures load only when the visitor is near, to keep the hall light.
import { useTexture } from '@react-three/drei'
import { SRGBColorSpace } from 'three'
import { useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { AssetBoundary } from '../../../platform/models'
import { Panel, Slider, UiText } from '../../../platform/ui'
import type { ThenAndNowStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { setThenNow, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { StationGroup } from './RoomCulling'

const PIC_W = 1.6
const PIC_H = 1.0

export function ThenAndNowStation({ station, theme }: { station: Station; theme: TourTheme }) {
  const value = useTourStore((s) => s.thenNow)
  const t = useLocalize()
  const caption = value < 0.5 ? station.historical.caption : station.present.caption
  const near = useNearPlayer(station.position, 7)
  return (
    <StationGroup station={station} radius={1.4} name={`then-now:${station.id}`}>
      <Panel
        width={PIC_W + 0.16}
        height={PIC_H + 0.62}
        position={[0, -0.16, -0.01]}
        color={theme.primary}
        opacity={1}
      >
        <UiText
          text={t(station.title)}
          fontSize={0.06}
          color="#fff4d6"
          position={[0, PIC_H / 2 + 0.21, 0.01]}
          maxWidth={PIC_W}
        />
      </Panel>
      {near && (
        <>
          <AssetBoundary asset={station.historical.image}>
            <CrossFade historical={station.historical.image} present={station.present.image} value={value} />
          </AssetBoundary>
          <UiText
            text={t(caption)}
            fontSize={0.04}
            color="#fff4d6"
            position={[0, -PIC_H / 2 - 0.07, 0.01]}
            maxWidth={PIC_W}
          />
          <UiText
            text={t(tourStrings.historical)}
            fontSize={0.04}
            color="#fff4d6"
            position={[-PIC_W / 2 + 0.08, -PIC_H / 2 - 0.25, 0.01]}
          />
          <UiText
            text={t(tourStrings.present)}
            fontSize={0.04}
            color="#fff4d6"
            position={[PIC_W / 2 - 0.08, -PIC_H / 2 - 0.25, 0.01]}
          />
          <Slider
            value={value}
            onChange={setThenNow}
            width={PIC_W - 0.4}
            position={[0, -PIC_H / 2 - 0.25, 0.02]}
            name="then-now:slider"
          />
        </>
      )}
    </StationGroup>
  )
}

function CrossFade({ historical, present, value }: { historical: string; present: string; value: number }) {
  const [a, b] = useTexture([historical, present])
  a.colorSpace = SRGBColorSpace
  b.colorSpace = SRGBColorSpace
  return (
    <group>
      <mesh name="then-now:historical">
        <planeGeometry args={[PIC_W, PIC_H]} />
        <meshBasicMaterial map={a} toneMapped={false} />
      </mesh>
      <mesh position={[0, 0, 0.004]} name="then-now:present">
        <planeGeometry args={[PIC_W, PIC_H]} />
        <meshBasicMaterial map={b} transparent opacity={value} depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  )
}
