// The park in 3D: roads as one merged asphalt mesh, each asset's model (its "Body" tinted by the visual
// rules and alarms, per frame), a status outline, a click target that opens the asset panel, and a
// floating badge while a rule or alert wants attention.
import { Billboard } from '@react-three/drei'
import { useCallback, useMemo, useRef } from 'react'
import {
  Box3,
  BoxGeometry,
  Color,
  EdgesGeometry,
  type LineSegments,
  type Material,
  type Mesh,
  MeshStandardMaterial,
  type Object3D,
  PlaneGeometry,
  Vector3,
} from 'three'
import { useFrameStage } from '../../../platform/frame'
import { ColoredGeometryBatch } from '../../../platform/geometry'
import { localize, useLang } from '../../../platform/i18n'
import { AssetBoundary, useSceneModel } from '../../../platform/models'
import { SurfaceMaterial, type SurfaceTexture } from '../../../platform/render'
import { Interactive, Panel, UiText } from '../../../platform/ui'
import type { TwinAsset, TwinContent, TwinRoad } from '../../../schema/kinds/twin'
import { selectAsset, useTwinUi } from '../twin-store'
import { FieldSensorMarkers } from './FieldSensorMarkers'
import { useTwinRuntime } from './twin-context'

const ALARM_COLORS = ['#3fb27f', '#4a90d9', '#f2a93b', '#e0483e']
/** Parsed once per colour string: parsing a CSS colour every frame per asset is measurable. */
const parsedColors = new Map<string, Color>()
const colorOf = (css: string): Color => {
  let c = parsedColors.get(css)
  if (!c) {
    c = new Color(css)
    parsedColors.set(css, c)
  }
  return c
}
const deg = Math.PI / 180

export function ParkView({ twin }: { twin: TwinContent }) {
  return (
    <group name="twin-park">
      <Roads roads={twin.roads} />
      <FieldSensorMarkers twin={twin} />
      {twin.assets.map((asset) => (
        <AssetView key={asset.id} asset={asset} />
      ))}
    </group>
  )
}

/** Asphalt, in metres per tile. */
const ROAD_SURFACE: SurfaceTexture = { name: 'asphalt', tile: 4 }

function Roads({ roads }: { roads: TwinRoad[] }) {
  const geometry = useMemo(() => {
    const batch = new ColoredGeometryBatch(ROAD_SURFACE)
    for (const r of roads) {
      const dx = r.to[0] - r.from[0]
      const dz = r.to[1] - r.from[1]
      const g = new PlaneGeometry(Math.hypot(dx, dz), r.width)
      g.rotateX(-Math.PI / 2)
      g.rotateY(-Math.atan2(dz, dx))
      g.translate((r.from[0] + r.to[0]) / 2, 0.02, (r.from[1] + r.to[1]) / 2)
      batch.add(g, '#55595e', undefined, { textured: true })
    }
    return batch.merge()
  }, [roads])
  if (!geometry) return null
  return (
    <mesh geometry={geometry} name="twin-roads">
      <SurfaceMaterial texture={ROAD_SURFACE.name} roughness={0.95} />
    </mesh>
  )
}

function AssetView({ asset }: { asset: TwinAsset }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const select = useCallback(() => selectAsset(asset.id), [asset.id])
  const [w, h, d] = asset.size
  const body = useRef<MeshStandardMaterial | null>(null)
  const outline = useRef<LineSegments>(null)
  const edges = useMemo(() => {
    const g = new EdgesGeometry(new BoxGeometry(w + 0.6, h + 0.3, d + 0.6))
    g.translate(0, (h + 0.3) / 2, 0)
    return g
  }, [w, h, d])

  // Tint and outline change only when the rules re-ran (~4 Hz) or the selection changed; only a
  // critical asset pulses, and only it does work every frame.
  const shown = useRef({
    revision: -1,
    selected: false,
    material: null as MeshStandardMaterial | null,
    level: 0,
  })
  useFrameStage('kindLogic', ({ clock }) => {
    const seen = shown.current
    const selected = useTwinUi.getState().selected === asset.id
    const m = body.current
    const fresh = runtime.revision !== seen.revision || selected !== seen.selected || m !== seen.material
    if (!fresh && seen.level < 3) return
    if (fresh) {
      // Alert levels change only when the rules run, which bumps the revision.
      seen.revision = runtime.revision
      seen.selected = selected
      seen.material = m
      seen.level = runtime.alerts.levelOf(asset.id)
    }
    const level = seen.level
    const color = runtime.looks.get(asset.id)?.color ?? (level > 0 ? ALARM_COLORS[level] : null)
    const pulse = level >= 3 ? 0.5 + 0.5 * Math.sin(clock.elapsedTime * 6) : 1
    if (m) {
      if (color) m.emissive.copy(colorOf(color)).multiplyScalar(0.55 * pulse)
      else m.emissive.setRGB(0, 0, 0)
    }
    const line = outline.current
    if (line && fresh) {
      ;(line.material as unknown as { color: Color }).color.copy(colorOf(color ?? ALARM_COLORS[0]))
      line.visible = color !== null || selected
    }
  })

  const fallback = <FallbackBody size={asset.size} onMaterial={(m) => (body.current = m)} />
  return (
    <group position={asset.position} rotation-y={asset.rotationY * deg} name={`twin-asset:${asset.id}`}>
      <Interactive
        onPress={select}
        label={localize(asset.name, lang)}
        hoverScale={1.02}
        name={`twin-asset-hit:${asset.id}`}
      >
        {asset.model ? (
          <AssetBoundary asset={asset.model} fallback={fallback}>
            <AssetModel src={asset.model} scale={asset.modelScale} onBody={(m) => (body.current = m)} />
          </AssetBoundary>
        ) : (
          fallback
        )}
      </Interactive>
      <lineSegments ref={outline} geometry={edges} visible={false}>
        <lineBasicMaterial color={ALARM_COLORS[0]} toneMapped={false} />
      </lineSegments>
      {/* A stable point inside the building, low down, for tests and tools to aim at: any ray to it meets a wall. */}
      <object3D name={`twin-asset-center:${asset.id}`} position={[0, Math.min(h * 0.35, 4), 0]} />
      <AssetBadge asset={asset} />
    </group>
  )
}

function AssetModel({
  src,
  scale,
  onBody,
}: {
  src: string
  scale: number
  onBody: (m: MeshStandardMaterial) => void
}) {
  const gltf = useSceneModel(src)
  const { object, target } = useMemo(() => {
    const clone: Object3D = gltf.scene.clone(true)
    let found: Mesh | null = null
    clone.traverse((o) => {
      if (!found && o.name === 'Body' && (o as Mesh).isMesh) found = o as Mesh
    })
    const mesh = found as Mesh | null
    if (mesh) {
      // Each placement tints its own body, so the shared material is cloned.
      const source = mesh.material as Material
      const material =
        source instanceof MeshStandardMaterial
          ? source.clone()
          : new MeshStandardMaterial({ color: '#c9cdd2' })
      mesh.material = material
      onBody(material)
    }
    // Pointers meet the building on one box around it: every XR pointer walked each part and each ray tested
    // each part's triangles every frame, the park's largest pointer cost. Its parts stay solid for the floor
    // pointer's line of sight (solid-objects.ts), which the box, hidden, is not.
    clone.intersectChildren = false
    const bounds = new Box3().setFromObject(clone)
    return {
      object: clone,
      target: { size: bounds.getSize(new Vector3()), center: bounds.getCenter(new Vector3()) },
    }
  }, [gltf.scene, onBody])
  return (
    <group scale={scale}>
      <primitive object={object} />
      <mesh name="twin-asset-target" position={target.center} visible={false}>
        <boxGeometry args={[target.size.x, target.size.y, target.size.z]} />
      </mesh>
    </group>
  )
}

/** Until (or unless) the model loads, the asset is a plain block of its footprint and height. */
function FallbackBody({
  size,
  onMaterial,
}: {
  size: [number, number, number]
  onMaterial: (m: MeshStandardMaterial) => void
}) {
  const material = useMemo(() => {
    const m = new MeshStandardMaterial({ color: '#c9cdd2', roughness: 0.8 })
    onMaterial(m)
    return m
  }, [onMaterial])
  return (
    <mesh position={[0, size[1] / 2, 0]} material={material}>
      <boxGeometry args={size} />
    </mesh>
  )
}

function AssetBadge({ asset }: { asset: TwinAsset }) {
  const lang = useLang()
  const badge = useTwinUi((s) => s.badges[asset.id])
  if (!badge || (badge.level === 0 && !badge.zh)) return null
  const shown = (lang === 'en' ? badge.en || badge.zh : badge.zh) || (lang === 'zh' ? '告警' : 'Alert')
  const color = badge.level >= 3 ? '#e0483e' : badge.level === 2 ? '#f2a93b' : (badge.color ?? '#3a4a5c')
  const width = Math.max(4, shown.length * (lang === 'zh' ? 1.1 : 0.6) + 1.5)
  return (
    <Billboard position={[0, asset.size[1] + 2.5, 0]} name={`twin-badge:${asset.id}`}>
      <Panel width={width} height={1.8} color={color} opacity={0.95}>
        <UiText
          text={`${badge.level >= 2 ? '⚠ ' : ''}${shown}`}
          fontSize={1}
          color="#ffffff"
          position={[0, 0, 0.02]}
          fixedSize
        />
      </Panel>
    </Billboard>
  )
}
