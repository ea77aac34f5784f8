// 3D hotspots on the exhibits and the info card they open (text and picture). Hotspots use the platform
// Interactive, so controller rays, hand pinch and poke, mouse and touch all select them.
import { useTexture } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { type Group, type InstancedMesh, Matrix4, type Mesh, SRGBColorSpace } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { useLocalize } from '../../../platform/i18n'
import { AssetBoundary } from '../../../platform/models'
import { useSettings } from '../../../platform/settings'
import { Button, Interactive, Panel, UiText, ViewSlot } from '../../../platform/ui'
import type { LocalizedText, Vec3 } from '../../../schema/common'
import type { Hotspot } from '../../../schema/kinds/tour'
import { exhibitCard } from '../info-cards'
import type { Sphere } from '../logic/room-visibility'
import { closeCard, openCard, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { useRoomCulling } from './RoomCulling'

export interface MarkerSpec {
  id: string
  position: Vec3
  title: LocalizedText
  onPress: () => void
}

const PULSE_SPEED = 3
const pulseAt = (time: number) => 1 + 0.2 * (0.5 + 0.5 * Math.sin(time * PULSE_SPEED))
const inverse = new Matrix4()

/**
 * Pulsing glow balls, one per marker, all drawn as ONE InstancedMesh. Each marker keeps its own named,
 * selectable object (an undrawn hit sphere in the platform Interactive, which hover-scales it); every
 * frame each instance copies its hit sphere's transform, so the drawn ball looks and reacts as before.
 */
export function HotspotMarkers({
  markers,
  color = '#ffc940',
  size = 0.1,
}: {
  markers: readonly MarkerSpec[]
  color?: string
  size?: number
}) {
  const t = useLocalize()
  const balls = useRef<InstancedMesh>(null)
  const hits = useRef<(Mesh | null)[]>([])
  const sized = useRef(false)
  useFrameStage('kindLogic', (state) => {
    const im = balls.current
    if (!im) return
    const scale = pulseAt(state.clock.elapsedTime)
    im.updateWorldMatrix(true, false)
    inverse.copy(im.matrixWorld).invert()
    for (let i = 0; i < markers.length; i++) {
      const hit = hits.current[i]
      if (!hit) continue
      hit.scale.setScalar(scale)
      hit.updateWorldMatrix(true, false)
      im.setMatrixAt(i, scratch.multiplyMatrices(inverse, hit.matrixWorld))
    }
    im.instanceMatrix.needsUpdate = true
    if (!sized.current) {
      // Bounds for frustum culling once, with room for the largest pulse and hover.
      sized.current = true
      im.computeBoundingSphere()
      if (im.boundingSphere) im.boundingSphere.radius += size * 0.5
    }
  })
  return (
    <>
      {markers.map((m, i) => (
        <Interactive
          key={m.id}
          label={t(m.title)}
          onPress={m.onPress}
          position={m.position}
          name={`hotspot:${m.id}`}
        >
          <mesh
            ref={(mesh) => {
              hits.current[i] = mesh
            }}
            visible={false}
          >
            <sphereGeometry args={[size, 16, 12]} />
          </mesh>
        </Interactive>
      ))}
      <instancedMesh
        ref={balls}
        args={[undefined, undefined, markers.length]}
        raycast={() => null}
        frustumCulled
        name="hotspot-markers"
      >
        <sphereGeometry args={[size, 16, 12]} />
        <meshBasicMaterial color={color} transparent opacity={0.85} toneMapped={false} />
      </instancedMesh>
    </>
  )
}

const scratch = new Matrix4()

export function ExhibitHotspots({ hotspots }: { hotspots: Hotspot[] }) {
  const group = useRef<Group>(null)
  const bounds = useMemo<Sphere[]>(
    () => hotspots.map((h) => ({ center: h.position, radius: 0.3 })),
    [hotspots],
  )
  useRoomCulling(group, bounds)
  const markers = useMemo<MarkerSpec[]>(
    () =>
      hotspots.map((h) => ({
        id: h.id,
        position: h.position,
        title: h.title,
        onPress: () => openCard(exhibitCard(h)),
      })),
    [hotspots],
  )
  return (
    <group ref={group} name="tour-hotspots">
      <HotspotMarkers markers={markers} />
    </group>
  )
}

const CARD_W_LANDSCAPE = 0.82
/**
 * On a portrait screen the centre slot is wide and short, so a tall card is drawn small (an English
 * card's body at 0.76°, under the kiosk's 21.5 px floor): wider there, it takes three lines fewer.
 */
const CARD_W_PORTRAIT = 1.3
const BODY_SIZE = 0.042

/** Lines a text takes at this size and width (CJK one em per character, Latin about half an em). */
function estimateLines(text: string, fontSize: number, width: number): number {
  const perLine = width / fontSize
  return text.split('\n').reduce((n, para) => {
    const units = /[\u3400-\u9fff]/.test(para) ? [...para].length : para.length * 0.55
    return n + Math.max(1, Math.ceil((units * 1.08) / perLine))
  }, 0)
}

export function InfoCard() {
  const card = useTourStore((s) => s.card)
  const t = useLocalize()
  const largeText = useSettings((s) => s.largeText)
  const portrait = useThree((s) => s.size.width < s.size.height)
  if (!card) return null
  const cardW = portrait ? CARD_W_PORTRAIT : CARD_W_LANDSCAPE
  const imageH = card.image ? 0.34 : 0
  const body = t(card.text)
  // The card grows with its text, so the text never runs past it (lines estimated as the clerk's are).
  const drawn = BODY_SIZE * (largeText ? 1.25 : 1)
  const bodyH = estimateLines(body, drawn, cardW - 0.08) * drawn * 1.3
  const height = imageH + 0.14 + bodyH + 0.12
  return (
    // The card's home is the view's centre: in front of the visitor, clear of the console and subtitle.
    <ViewSlot slot="center" width={cardW} height={height} name="tour-info-card" key={card.id}>
      <Panel width={cardW} height={height} name="tour-info-card-panel">
        {card.image && (
          <AssetBoundary asset={card.image}>
            <CardImage
              src={card.image}
              position={[0, height / 2 - 0.03 - imageH / 2, 0.002]}
              height={imageH}
            />
          </AssetBoundary>
        )}
        <UiText
          text={t(card.title)}
          fontSize={0.05}
          color="#8e1014"
          position={[0, height / 2 - imageH - 0.08, 0.004]}
          maxWidth={cardW - 0.08}
        />
        <UiText
          text={body}
          fontSize={BODY_SIZE}
          lineHeight={1.3}
          anchorY="top"
          position={[0, height / 2 - imageH - 0.13, 0.004]}
          maxWidth={cardW - 0.08}
        />
        <Button
          label={t(tourStrings.close)}
          width={0.22}
          height={0.075}
          fontSize={0.044}
          position={[cardW / 2 - 0.13, -height / 2 + 0.05, 0.01]}
          onPress={closeCard}
          name="info-card:close"
        />
      </Panel>
    </ViewSlot>
  )
}

function CardImage({ src, position, height }: { src: string; position: Vec3; height: number }) {
  const texture = useTexture(src)
  texture.colorSpace = SRGBColorSpace
  const aspect = texture.image
    ? (texture.image as { width: number; height: number }).width /
      (texture.image as { height: number }).height
    : 1.6
  return (
    <mesh position={position} name="info-card:image">
      <planeGeometry args={[height * aspect, height]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
