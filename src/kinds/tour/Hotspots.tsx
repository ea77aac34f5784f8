// 3D hotspots on the exhibits and the info card they open (text and picture). Hotspots use the platform
// Interactive, so controller rays, hand pinch and poke, mouse and touch all select them.
import { useTexture } from '@react-three/drei'
import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { type Group, type Mesh, SRGBColorSpace, Vector3 } from 'three'
import { useLocalize } from '../../platform/i18n/i18n'
import { getHeadPosition } from '../../platform/locomotion/player'
import { AssetBoundary } from '../../platform/models/AssetBoundary'
import { Button } from '../../platform/ui/Button'
import { Interactive } from '../../platform/ui/Interactive'
import { Panel } from '../../platform/ui/Panel'
import { UiText } from '../../platform/ui/UiText'
import type { LocalizedText, Vec3 } from '../../schema/common'
import type { Hotspot } from '../../schema/kinds/tour'
import { closeCard, openCard, useTourStore } from './tour-store'
import { tourStrings } from './tour-strings'

const head = new Vector3()

/** Where a card about something at `anchor` should float: a little towards the visitor, at reading height. */
export function cardPositionFor(anchor: Vec3, towards = 0.55): Vec3 {
  getHeadPosition(head)
  const a = new Vector3(...anchor)
  const dir = head.clone().sub(a).setY(0)
  if (dir.lengthSq() > 1e-4) dir.normalize()
  const p = a.addScaledVector(dir, Math.min(towards, Math.max(0, head.distanceTo(a) - 0.6)))
  p.y = Math.min(Math.max(p.y, 1.2), 1.75)
  return [p.x, p.y, p.z]
}

export function HotspotMarker({
  id,
  position,
  title,
  onPress,
  color = '#ffc940',
  size = 0.1,
}: {
  id: string
  position: Vec3
  title: LocalizedText
  onPress: () => void
  color?: string
  size?: number
}) {
  const t = useLocalize()
  const pulse = useRef<Mesh>(null)
  useFrame((state) => {
    const m = pulse.current
    if (m) m.scale.setScalar(1 + 0.2 * (0.5 + 0.5 * Math.sin(state.clock.elapsedTime * 3)))
  })
  // One mesh per hotspot (a pulsing glow ball): each is its own draw call, so no extra halo mesh.
  return (
    <Interactive label={t(title)} onPress={onPress} position={position} name={`hotspot:${id}`}>
      <mesh ref={pulse}>
        <sphereGeometry args={[size, 16, 12]} />
        <meshBasicMaterial color={color} transparent opacity={0.85} toneMapped={false} />
      </mesh>
    </Interactive>
  )
}

export function ExhibitHotspots({ hotspots }: { hotspots: Hotspot[] }) {
  return (
    <group name="tour-hotspots">
      {hotspots.map((h) => (
        <HotspotMarker
          key={h.id}
          id={h.id}
          position={h.position}
          title={h.title}
          onPress={() =>
            openCard({
              id: h.id,
              title: h.title,
              text: h.text,
              image: h.image,
              position: cardPositionFor(h.position),
            })
          }
        />
      ))}
    </group>
  )
}

const CARD_W = 0.82

export function InfoCard() {
  const card = useTourStore((s) => s.card)
  const t = useLocalize()
  const group = useRef<Group>(null)
  useFrame(() => {
    const g = group.current
    if (!g || !card) return
    g.position.set(...card.position)
    getHeadPosition(head)
    // Face the visitor but stay upright.
    g.lookAt(head.x, g.position.y, head.z)
  })
  if (!card) return null
  const imageH = card.image ? 0.34 : 0
  const height = 0.5 + imageH
  return (
    <group ref={group} name="tour-info-card" key={card.id}>
      <Panel width={CARD_W} height={height}>
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
          maxWidth={CARD_W - 0.08}
        />
        <UiText
          text={t(card.text)}
          fontSize={0.035}
          lineHeight={1.3}
          position={[0, height / 2 - imageH - 0.24, 0.004]}
          maxWidth={CARD_W - 0.08}
        />
        <Button
          label={t(tourStrings.close)}
          width={0.22}
          height={0.07}
          fontSize={0.035}
          position={[CARD_W / 2 - 0.13, -height / 2 + 0.05, 0.01]}
          onPress={closeCard}
          name="info-card:close"
        />
      </Panel>
    </group>
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
