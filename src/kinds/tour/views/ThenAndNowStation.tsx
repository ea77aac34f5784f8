// Then and now: a historical and a present-day picture in one frame, cross-faded by a slider that works
// with rays, hands and the mouse. Pictures load only when the visitor is near, to keep the hall light.
// The slider and the caption sit in the view's top slot, so neither the console nor the subtitle can
// cover them (they once hid the slider at the frame's foot). At the frame that slot is where the frame's own
// title stands (it covered it on a 1280 × 720 desktop), so the title shows only from afar, where the card does
// not; at the frame the card's caption names the picture.
import { useTexture } from '@react-three/drei'
import { SRGBColorSpace } from 'three'
import { useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { AssetBoundary } from '../../../platform/models'
import { Panel, Slider, UiText, ViewSlot } from '../../../platform/ui'
import type { ThenAndNowStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { setThenNow, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { StationGroup } from './RoomCulling'

const PIC_W = 1.6
const PIC_H = 1.0
/** The slider card in the top slot. */
const CARD_W = 1.2
const CARD_H = 0.25
/** Pictures load within this distance (m), so they are in before the visitor arrives. */
const LOAD_RADIUS_M = 7
/**
 * The slider card shows only at the frame (m): its stop puts the visitor 1.7 m away, the next stop 5.5 m, where
 * the card from 7 m stayed in the view over the next exhibit's narration.
 */
const CONTROLS_RADIUS_M = 3.5

export function ThenAndNowStation({ station, theme }: { station: Station; theme: TourTheme }) {
  const value = useTourStore((s) => s.thenNow)
  const t = useLocalize()
  const caption = value < 0.5 ? station.historical.caption : station.present.caption
  const near = useNearPlayer(station.position, LOAD_RADIUS_M)
  /** The visitor at the frame: the slider card shows in the view, in place of the frame's title. */
  const atFrame = useNearPlayer(station.position, CONTROLS_RADIUS_M)
  return (
    <StationGroup station={station} radius={1.4} name={`then-now:${station.id}`}>
      <Panel
        width={PIC_W + 0.16}
        height={PIC_H + 0.62}
        position={[0, -0.16, -0.01]}
        color={theme.primary}
        opacity={1}
        scenery
        name="then-now:frame"
      >
        <UiText
          text={t(station.title)}
          fontSize={0.06}
          color="#fff4d6"
          position={[0, PIC_H / 2 + 0.21, 0.01]}
          maxWidth={PIC_W}
          name="then-now:title"
          visible={!atFrame}
        />
      </Panel>
      {near && (
        <>
          <AssetBoundary asset={station.historical.image}>
            <CrossFade historical={station.historical.image} present={station.present.image} value={value} />
          </AssetBoundary>
          {atFrame && (
            <ViewSlot slot="top" width={CARD_W} height={CARD_H} name="then-now:controls">
              <Panel width={CARD_W} height={CARD_H} color={theme.primary} name="then-now:card">
                <UiText
                  text={t(tourStrings.historical)}
                  fontSize={0.05}
                  color="#fff4d6"
                  position={[-CARD_W / 2 + 0.1, 0.055, 0.01]}
                />
                <UiText
                  text={t(tourStrings.present)}
                  fontSize={0.05}
                  color="#fff4d6"
                  position={[CARD_W / 2 - 0.1, 0.055, 0.01]}
                />
                <Slider
                  value={value}
                  onChange={setThenNow}
                  width={CARD_W - 0.42}
                  position={[0, 0.055, 0.02]}
                  name="then-now:slider"
                />
                <UiText
                  text={t(caption)}
                  fontSize={0.047}
                  color="#fff4d6"
                  position={[0, -0.06, 0.01]}
                  maxWidth={CARD_W - 0.08}
                />
              </Panel>
            </ViewSlot>
          )}
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
