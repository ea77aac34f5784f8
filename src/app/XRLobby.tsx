// The lobby in 3D: a card per scene on a gentle arc in front of the visitor, so someone in a
// headset can switch scenes without taking it off. Broken scenes show their error on the card.
import { useTexture } from '@react-three/drei'
import { useEffect } from 'react'
import { useInAR } from '../platform/ar'
import { useLocalize, useUiText } from '../platform/i18n/i18n'
import { teleportPlayer } from '../platform/locomotion/player'
import { AssetBoundary } from '../platform/models/AssetBoundary'
import { type SceneEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import { Button } from '../platform/ui/Button'
import { Interactive } from '../platform/ui/Interactive'
import { Panel } from '../platform/ui/Panel'
import { theme } from '../platform/ui/theme'
import { UiText } from '../platform/ui/UiText'
import { useRoute } from '../platform/url/route-store'
import type { Vec3 } from '../schema/common'

const CARD_W = 0.62
const CARD_H = 0.62

export function XRLobby() {
  const entries = useSceneCatalog((s) => s.entries)
  const t = useUiText()
  useEffect(() => teleportPlayer([0, 0, 0], 0), [])
  const columns = Math.min(entries.length, 3)
  // In AR (a visitor who left an AR scene for the lobby) the room stays visible: no backdrop or floor disc.
  const ar = useInAR()
  return (
    <group name="xr-lobby">
      {!ar && <color attach="background" args={['#1b1d24']} />}
      <ambientLight intensity={1} />
      {!ar && (
        <mesh rotation-x={-Math.PI / 2}>
          <circleGeometry args={[6, 48]} />
          <meshBasicMaterial color="#2a2d36" />
        </mesh>
      )}
      <UiText text={t('appName')} fontSize={0.09} color={theme.textOnDark} position={[0, 2.35, -2.2]} />
      {entries.map((entry, i) => {
        const col = i % columns
        const row = Math.floor(i / columns)
        // Cards sit on an arc 2.2 m away, so each faces the visitor and is equally readable.
        const angle = (col - (columns - 1) / 2) * 0.32
        const position: Vec3 = [Math.sin(angle) * 2.2, 1.75 - row * 0.7, -Math.cos(angle) * 2.2]
        return (
          <group key={entry.id} position={position} rotation-y={-angle}>
            <LobbyCard entry={entry} />
          </group>
        )
      })}
    </group>
  )
}

function LobbyCard({ entry }: { entry: SceneEntry }) {
  const navigate = useRoute((s) => s.navigate)
  const localize = useLocalize()
  const t = useUiText()
  if (entry.status !== 'ok') {
    const detail =
      entry.status === 'invalid'
        ? entry.problems.map((p) => `${p.path}: ${p.message}`).join('\n')
        : entry.message
    return (
      <Panel width={CARD_W} height={CARD_H} color="#4a1f1f" name={`lobby-card:${entry.id}`}>
        <UiText
          text={`${entry.id} — ${t('sceneBroken')}`}
          fontSize={0.032}
          color="#ffd7d7"
          position={[0, 0.24, 0]}
          maxWidth={0.56}
        />
        <UiText
          text={detail.slice(0, 240)}
          fontSize={0.024}
          color="#ffffff"
          maxWidth={0.56}
          anchorY="top"
          position={[0, 0.17, 0]}
        />
      </Panel>
    )
  }
  const open = () => navigate({ scene: entry.id })
  return (
    <Interactive
      onPress={open}
      label={localize(entry.scene.title)}
      name={`lobby-card:${entry.id}`}
      hoverScale={1.04}
    >
      <Panel width={CARD_W} height={CARD_H}>
        <AssetBoundary asset={entry.scene.thumbnail}>
          <Thumbnail src={entry.scene.thumbnail} />
        </AssetBoundary>
        <UiText
          text={localize(entry.scene.title)}
          fontSize={0.04}
          position={[0, -0.06, 0.001]}
          maxWidth={0.56}
        />
        <UiText
          text={localize(entry.scene.summary)}
          fontSize={0.024}
          position={[0, -0.17, 0.001]}
          maxWidth={0.56}
          color="#444"
        />
        <Button
          label={t('open')}
          width={0.26}
          height={0.07}
          fontSize={0.03}
          position={[0, -0.26, 0.01]}
          variant="primary"
          onPress={open}
        />
      </Panel>
    </Interactive>
  )
}

function Thumbnail({ src }: { src: string }) {
  const texture = useTexture(src)
  return (
    <mesh position={[0, 0.15, 0.001]}>
      <planeGeometry args={[0.56, 0.315]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
