// The memorial's look: merged red-and-gold architecture and exhibit furniture, lamp light cones, the
// exhibits' glTF models (instanced: every copy of a model is one draw call per mesh) and pictures, and
// their printed captions in the platform font. What the walls hide is not drawn (RoomCulling).
import { useTexture } from '@react-three/drei'
import { useEffect, useMemo, useRef } from 'react'
import {
  AdditiveBlending,
  DoubleSide,
  type Group,
  type Mesh,
  PointLight,
  SRGBColorSpace,
  Vector3,
} from 'three'
import { sceneLight } from '../../../platform/environment'
import { useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { AssetBoundary, InstancedModel } from '../../../platform/models'
import { SurfaceMaterial } from '../../../platform/render'
import { UiBatch, UiText } from '../../../platform/ui'
import type { Exhibit, MemorialHall, TourTheme } from '../../../schema/kinds/tour'
import {
  buildMemorialGeometry,
  captionPlacement,
  exhibitBounds,
  exhibitFrame,
  MEMORIAL_SURFACE,
} from '../logic/memorial-geometry'
import type { Sphere } from '../logic/room-visibility'
import { useRoomCulling } from './RoomCulling'

const DEG = Math.PI / 180

/** The hall's two warm lights: how far along its length each hangs, how bright, how far it reaches. */
const HALL_LIGHTS = [
  { along: 0.3, intensity: 18, distance: 18 },
  { along: 0.75, intensity: 14, distance: 16 },
] as const

export function MemorialArchitecture({
  hall,
  exhibits,
  theme,
  roof = true,
}: {
  hall?: MemorialHall
  exhibits: Exhibit[]
  theme: TourTheme
  /** false: no ceiling or roof, for the AR map seen from above. */
  roof?: boolean
}) {
  const geometry = useMemo(
    () => buildMemorialGeometry(hall, exhibits, theme, { roof }),
    [hall, exhibits, theme, roof],
  )
  useEffect(
    () => () => {
      geometry.solid?.dispose()
      geometry.glow?.dispose()
    },
    [geometry],
  )
  const t = useLocalize()
  const glow = useRef<Mesh>(null)
  useRoomCulling(glow, geometry.glowBounds)
  const title = useRef<Group>(null)
  const titleBounds = useMemo<Sphere[]>(
    () =>
      hall ? [{ center: [(hall.min[0] + hall.max[0]) / 2, hall.height, hall.max[1] + 2.46], radius: 6 }] : [],
    [hall],
  )
  useRoomCulling(title, titleBounds)
  const models = useMemo(() => modelPlacements(exhibits), [exhibits])
  return (
    <group name="tour-architecture">
      {/* The hall's title and the exhibits' captions in one draw per eye (a plaque's, with its heading, draws alone). */}
      <UiBatch>
        {geometry.solid && (
          <mesh geometry={geometry.solid} name="tour-architecture:solid">
            <SurfaceMaterial texture={MEMORIAL_SURFACE.name} roughness={0.72} metalness={0.05} />
          </mesh>
        )}
        {geometry.glow && (
          <mesh ref={glow} geometry={geometry.glow} name="tour-architecture:glow" renderOrder={2}>
            <meshBasicMaterial
              vertexColors
              transparent
              opacity={0.09}
              blending={AdditiveBlending}
              depthWrite={false}
              side={DoubleSide}
              // Additive and without depth writes, the order of faces does not matter: one pass, not
              // three's default two for double-sided transparent meshes.
              forceSinglePass
              toneMapped={false}
            />
          </mesh>
        )}
        {hall && (
          <>
            {/* Warm exhibit light inside the hall; distance-limited so it costs little outside it. */}
            {HALL_LIGHTS.map((light, i) => (
              <primitive
                key={light.along}
                object={sceneLight(`memorial-hall-${i}`, PointLight)}
                position={[
                  (hall.min[0] + hall.max[0]) / 2,
                  hall.height - 0.8,
                  hall.min[1] + (hall.max[1] - hall.min[1]) * light.along,
                ]}
                color="#ffd8a8"
                intensity={light.intensity}
                distance={light.distance}
                decay={1.6}
              />
            ))}
            <group ref={title}>
              <UiText
                text={t(hall.title)}
                fontSize={0.5}
                color={theme.accent}
                fixedSize
                position={[(hall.min[0] + hall.max[0]) / 2, hall.height + 0.25, hall.max[1] + 2.46]}
              />
            </group>
          </>
        )}
        {models.map((m) => (
          <ExhibitModels key={m.src} {...m} />
        ))}
        {exhibits.map((e) => (
          <ExhibitDetails key={e.id} exhibit={e} />
        ))}
      </UiBatch>
    </group>
  )
}

interface ModelGroup {
  src: string
  placements: { position: [number, number, number]; rotationY: number }[]
  bounds: Sphere[]
}

/** Exhibits grouped by their glTF model, so each model is drawn once for all its placements. */
function modelPlacements(exhibits: readonly Exhibit[]): ModelGroup[] {
  const groups = new Map<string, ModelGroup>()
  for (const e of exhibits) {
    if (!e.model) continue
    const group = groups.get(e.model) ?? { src: e.model, placements: [], bounds: [] }
    group.placements.push({ position: e.position, rotationY: e.rotationY })
    group.bounds.push(exhibitBounds(e))
    groups.set(e.model, group)
  }
  return [...groups.values()]
}

function ExhibitModels({ src, placements, bounds }: ModelGroup) {
  const group = useRef<Group>(null)
  useRoomCulling(group, bounds)
  return (
    <group ref={group}>
      <AssetBoundary asset={src}>
        <InstancedModel src={src} placements={placements} name={`exhibit-models:${src}`} />
      </AssetBoundary>
    </group>
  )
}

function ExhibitDetails({ exhibit }: { exhibit: Exhibit }) {
  const t = useLocalize()
  const caption = captionPlacement(exhibit)
  const wall = exhibit.type === 'plaque' || exhibit.type === 'wall-map'
  // Lectern captions are only legible up close; wall plaques and maps stay readable across the hall.
  const near = useNearPlayer(exhibit.position, 7)
  const group = useRef<Group>(null)
  const bounds = useMemo(() => [exhibitBounds(exhibit)], [exhibit])
  useRoomCulling(group, bounds)
  return (
    <group ref={group} name={`exhibit:${exhibit.id}`}>
      {exhibit.image && exhibit.type === 'wall-map' && (
        <AssetBoundary asset={exhibit.image}>
          <ExhibitImage exhibit={exhibit} src={exhibit.image} />
        </AssetBoundary>
      )}
      {(wall || near) && (
        <group position={caption.position} rotation={[0, caption.rotationY * DEG, 0]}>
          <group rotation={[caption.tilt * DEG, 0, 0]}>
            {exhibit.type === 'plaque' ? (
              // Title on the red band and caption below it: one text, one draw call.
              <UiText
                heading={t(exhibit.title)}
                headingColor="#fff4d6"
                text={t(exhibit.caption)}
                fontSize={0.08}
                lineHeight={1.3}
                color="#2a1a12"
                maxWidth={caption.width}
                fixedSize
                position={[0, 0.6, 0.01]}
              />
            ) : (
              <UiText
                text={wall ? t(exhibit.caption) : `${t(exhibit.title)}\n${t(exhibit.caption)}`}
                fontSize={wall ? 0.075 : 0.04}
                lineHeight={1.3}
                color={exhibit.type === 'wall-map' ? '#5a1010' : '#2a1a12'}
                maxWidth={caption.width}
                fixedSize
              />
            )}
          </group>
        </group>
      )}
    </group>
  )
}

function ExhibitImage({ exhibit, src }: { exhibit: Exhibit; src: string }) {
  const texture = useTexture(src)
  texture.colorSpace = SRGBColorSpace
  // In front of the gold frame, keeping the generated pictures' 16:10 shape.
  const position = new Vector3(0, 0.1, 0.066).applyMatrix4(exhibitFrame(exhibit))
  return (
    <mesh position={position} rotation={[0, exhibit.rotationY * DEG, 0]} name={`exhibit-image:${exhibit.id}`}>
      <planeGeometry args={[3.7, 2.3]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
