// The 360° station: a portal on the floor with a sign; "enter" wraps the visitor in the equirectangular
// panorama, whose hotspots are 3D objects (ray, pinch, poke, click). "Leave" is on the tour console.
import { useTexture } from '@react-three/drei'
import { useMemo, useRef } from 'react'
import { type Group, SphereGeometry, SRGBColorSpace } from 'three'
import { useLocalize } from '../../../platform/i18n'
import { teleportPlayer, useNearPlayer, usePlayer } from '../../../platform/locomotion'
import { AssetBoundary } from '../../../platform/models'
import { Button, Panel, UiText } from '../../../platform/ui'
import type { PanoramaStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { panoramaCard, panoramaCenter, panoramaHotspotOffset } from '../info-cards'
import type { Sphere } from '../logic/room-visibility'
import { openCard, setPanoramaOpen, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { HotspotMarkers, type MarkerSpec } from './Hotspots'
import { useRoomCulling } from './RoomCulling'

/**
 * The sphere is small enough that its bottom stays above the floor (eye 1.6 m − 1.45 m): with 5 m the
 * hall's floor and red carpet were inside it and showed through. From its centre a 1.45 m sphere looks the
 * same as a big one; the console, cards and subtitle (1 m from the eye) stay inside it.
 */
const RADIUS = 1.45

export function PanoramaStation({ station, theme }: { station: Station; theme: TourTheme }) {
  const open = useTourStore((s) => s.panoramaOpen)
  const t = useLocalize()
  const near = useNearPlayer(station.position, 8)
  const enter = () => {
    teleportPlayer(station.position)
    setPanoramaOpen(true)
  }
  const [x, y, z] = station.position
  const portal = useRef<Group>(null)
  const bounds = useMemo<Sphere[]>(() => [{ center: [x, y + 0.7, z - 0.6], radius: 2 }], [x, y, z])
  useRoomCulling(portal, bounds)
  return (
    <group name={`panorama:${station.id}`}>
      <group ref={portal}>
        <mesh position={[x, y + 0.03, z]} rotation-x={-Math.PI / 2}>
          <ringGeometry args={[0.9, 1.1, 48]} />
          <meshBasicMaterial color={theme.accent} toneMapped={false} />
        </mesh>
        {!open && near && (
          <Panel width={0.9} height={0.5} position={[x, y + 1.35, z - 1.4]} color="#20232a">
            <UiText
              text={t(station.title)}
              fontSize={0.06}
              color="#fff4d6"
              position={[0, 0.15, 0.004]}
              maxWidth={0.84}
            />
            <UiText
              text={t(station.credit)}
              fontSize={0.035}
              color="#d8cdb4"
              position={[0, 0.05, 0.004]}
              maxWidth={0.84}
            />
            <Button
              label={t(tourStrings.enterPanorama)}
              variant="primary"
              width={0.44}
              position={[0, -0.12, 0.01]}
              onPress={enter}
              name="panorama:enter"
            />
          </Panel>
        )}
      </group>
      {open && (
        <AssetBoundary asset={station.image}>
          <PanoramaSphere station={station} />
        </AssetBoundary>
      )}
    </group>
  )
}

function PanoramaSphere({ station }: { station: Station }) {
  const texture = useTexture(station.image)
  texture.colorSpace = SRGBColorSpace
  const position = usePlayer((s) => s.position)
  const center = panoramaCenter(position)
  // Inside-out sphere, un-mirrored; rotated so the image centre lies at yaw 0 (looking down -Z).
  const geometry = useMemo(() => new SphereGeometry(RADIUS, 48, 24).scale(-1, 1, 1), [])
  const markers: MarkerSpec[] = station.hotspots.map((h) => ({
    id: `panorama:${h.id}`,
    position: panoramaHotspotOffset(h),
    title: h.title,
    onPress: () => openCard(panoramaCard(h, center)),
  }))
  return (
    <group position={center} name="panorama:sphere">
      <mesh geometry={geometry} rotation-y={-Math.PI / 2}>
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      <HotspotMarkers markers={markers} size={0.06} color="#ffdd55" />
    </group>
  )
}
