// Entry of the "twin" kind: a park on live MQTT data. It picks the data source (server broker,
// external broker or in-browser simulation), runs the per-frame loop that applies rules and alerts,
// and renders the park and the visitor's control panels.
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { InstancedMesh, type Intersection, Matrix4, Raycaster, Vector3 } from 'three'
import { testHooks } from '../../platform/debug/test-hooks'
import { selectDataSource } from '../../platform/realtime/mqtt-source-select'
import { useRoute } from '../../platform/url/route-store'
import type { TwinMetricId } from '../../schema/kinds/twin'
import type { SceneOfKind } from '../../schema/scene-schema'
import { powerChartShown } from './AssetPanel'
import { playAlertSound } from './alert-sound'
import { createBrowserParkSource } from './browser-park-source'
import { fieldSensorView } from './FieldSensorMarkers'
import { liveTextShown } from './LiveText'
import { ParkView } from './ParkView'
import { TwinHud } from './TwinHud'
import { TwinRuntimeContext, useTwinRuntime } from './twin-context'
import { TwinRuntime } from './twin-runtime'
import { type AssetBadgeState, initialTwinUi, useTwinUi } from './twin-store'

export default function TwinExperience({ scene }: { scene: SceneOfKind<'twin'> }) {
  const twin = scene.twin
  const mqttOverride = useRoute((s) => s.mqtt)
  const runtime = useMemo(() => new TwinRuntime(twin), [twin])

  useEffect(() => {
    useTwinUi.setState(initialTwinUi())
    runtime.onAlert = (e) => playAlertSound(e.alert.severity)
    let cancelled = false
    void selectDataSource({
      urlOverride: mqttOverride,
      configuredUrl: twin.brokerUrl,
      fallback: () => createBrowserParkSource(twin),
      serverProbe: () => serverHasPark(twin.parkId),
    }).then((source) => {
      if (cancelled) return source.close()
      runtime.attach(source)
      useTwinUi.setState({ sourceKind: source.kind, sourceLabel: source.label })
    })
    testHooks.kinds.twin = {
      source: () => ({
        kind: runtime.source?.kind ?? null,
        label: runtime.source?.label ?? '',
        status: runtime.status,
      }),
      value: (assetId: string, metric: TwinMetricId) => runtime.read(assetId, metric),
      /** The live value even while a replay shows recorded ones. */
      live: (assetId: string, metric: TwinMetricId) => runtime.buffer.read(assetId, metric),
      /** Live reading with its payload time and arrival time. */
      reading: (assetId: string, metric: TwinMetricId) => runtime.buffer.get(assetId, metric) ?? null,
      replayClock: () => {
        const r = runtime.replay
        return r
          ? { t: r.t, from: r.history.from, to: r.history.to, playing: r.playing, speed: r.speed }
          : null
      },
      chart: () => ({ ...powerChartShown, drawn: powerChartShown.points.length }),
      sensors: () => {
        const mesh = fieldSensorView.mesh
        const colors = mesh?.instanceColor?.array
        let checksum = 0
        if (colors) for (let i = 0; i < colors.length; i++) checksum += colors[i] * ((i % 97) + 1)
        return {
          received: runtime.fieldSensors.count,
          batches: runtime.fieldSensors.batches,
          instances: mesh?.count ?? 0,
          visible: mesh?.visible ?? false,
          colorUploads: fieldSensorView.colorUploads,
          colorChecksum: checksum,
          firstValues: Array.from(runtime.fieldSensors.values.slice(0, 5)),
        }
      },
      /** A ray straight down onto marker i: hits as drawn, and hits an ordinary InstancedMesh would give. */
      markerRay: (i: number) => {
        const mesh = fieldSensorView.mesh
        if (!mesh || i >= mesh.count) return null
        const top = new Matrix4()
        mesh.getMatrixAt(i, top)
        const at = new Vector3().setFromMatrixPosition(top).applyMatrix4(mesh.matrixWorld)
        const ray = new Raycaster(at.clone().setY(at.y + 10), new Vector3(0, -1, 0))
        const hits: Intersection[] = []
        mesh.raycast(ray, hits)
        const ordinary: Intersection[] = []
        InstancedMesh.prototype.raycast.call(mesh, ray, ordinary)
        return { hits: hits.length, ordinary: ordinary.length }
      },
      alerts: () =>
        runtime.alerts.active().map((a) => ({ key: a.key, severity: a.severity, acked: a.acked })),
      stale: () => runtime.isStale(),
      accepted: () => runtime.buffer.accepted,
      looks: () => Object.fromEntries(runtime.looks),
      command: (assetId: string, control: 'hvac' | 'lighting' | 'chargers') =>
        runtime.commands.latest(assetId, control)?.state ?? null,
      shown: (name: string) => liveTextShown.get(name) ?? null,
      ui: () => {
        const s = useTwinUi.getState()
        return {
          selected: s.selected,
          confirm: s.confirm,
          replay: s.replay,
          inspection: s.inspection,
          sourceKind: s.sourceKind,
          stale: s.stale,
          fieldSensors: s.fieldSensors,
          sensorsShown: s.sensorsShown,
        }
      },
    }
    return () => {
      cancelled = true
      runtime.close()
      delete testHooks.kinds.twin
    }
  }, [runtime, mqttOverride, twin])

  return (
    <TwinRuntimeContext.Provider value={runtime}>
      <TwinTicker />
      <ParkView twin={twin} />
      <TwinHud twin={twin} />
    </TwinRuntimeContext.Provider>
  )
}

/** True when this page's server runs the park (static hosting answers 404 or the HTML shell). */
async function serverHasPark(parkId: string): Promise<boolean> {
  const res = await fetch('/api/twin/parks', { headers: { accept: 'application/json' } })
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return false
  const body = (await res.json()) as { parks?: unknown }
  return Array.isArray(body.parks) && body.parks.includes(parkId)
}

/** The per-frame loop; it touches React state only when something visible changed. */
function TwinTicker() {
  const runtime = useTwinRuntime()
  const seen = useMemo(() => ({ alerts: -1, replayAlerts: -1, badges: '', commands: -1, replay: false }), [])
  useFrame((_, delta) => {
    const now = Date.now()
    runtime.tick(now, delta)
    const ui = useTwinUi.getState()
    const stale = runtime.isStale(now)
    if (stale !== ui.stale) useTwinUi.setState({ stale })
    const engine = runtime.alerts
    const replaying = runtime.replay !== null
    if (engine.version !== (replaying ? seen.replayAlerts : seen.alerts) || replaying !== seen.replay) {
      seen.alerts = runtime.liveAlerts.version
      seen.replayAlerts = runtime.replayAlerts.version
      seen.replay = replaying
      useTwinUi.setState({ alerts: engine.active().map((a) => ({ ...a })) })
    }
    if (runtime.fieldSensors.count !== ui.fieldSensors)
      useTwinUi.setState({ fieldSensors: runtime.fieldSensors.count })
    if (runtime.commands.version !== seen.commands) {
      seen.commands = runtime.commands.version
      useTwinUi.setState((s) => ({ commandsVersion: s.commandsVersion + 1 }))
    }
    const badges: Record<string, AssetBadgeState> = {}
    for (const asset of runtime.twin.assets) {
      const look = runtime.looks.get(asset.id)
      badges[asset.id] = {
        color: look?.color ?? null,
        zh: look?.badges.map((b) => b.zh).join(' · ') ?? '',
        en: look?.badges.map((b) => b.en || b.zh).join(' · ') ?? '',
        level: engine.levelOf(asset.id),
      }
    }
    const signature = JSON.stringify(badges)
    if (signature !== seen.badges) {
      seen.badges = signature
      useTwinUi.setState({ badges })
    }
  })
  return null
}
