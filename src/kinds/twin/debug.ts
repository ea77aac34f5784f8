// The twin's typed debug view for browser tests and the bench: what the viewer shows and holds, as
// plain JSON, computed only when a test asks (never per frame or per store change).
import { Box3, InstancedMesh, type Intersection, Matrix4, Raycaster, Vector3 } from 'three'
import { registerDebugActions, registerDebugView } from '../../platform/debug'
import type { DataSourceKind, DataSourceStatus } from '../../platform/realtime'
import { liveTextShown } from '../../platform/ui'
import type { TwinAlertSeverity, TwinContent, TwinControlId } from '../../schema/kinds/twin'
import type { CommandState } from './logic/command-tracker'
import { chartX } from './logic/power-chart'
import type { TwinRuntime } from './logic/twin-runtime'
import { submitOperatorCode, useTwinAccess } from './twin-access'
import {
  askToConfirm,
  cancelConfirm,
  closeInspection,
  markStop,
  selectAsset,
  startInspection,
  startReplay,
  stopReplay,
  type TwinUiState,
  useTwinUi,
} from './twin-store'
import { fieldSensorView } from './views/FieldSensorMarkers'
import { powerChartShown } from './views/PowerChart'
import { hudShown } from './views/TwinHud'

/** `"<assetId>/<metric>"`, the key of every per-metric map below. */
export type MetricKey = string

export interface TwinDebugView {
  source: { kind: DataSourceKind | null; label: string; status: DataSourceStatus }
  /** The stale flag as the runtime computes it now. */
  stale: boolean
  /** What the view shows per metric: live values, or recorded ones at the replay clock. */
  values: Record<MetricKey, number>
  /** The live readings (also during a replay), with the payload time. */
  live: Record<MetricKey, { v: number; ts: number }>
  /** Telemetry messages accepted so far. */
  accepted: number
  replay: { t: number; from: number; to: number; playing: boolean; speed: number } | null
  /** What the 24 h chart drew last: its points ([ts, kW]) and how many came from the server's record. */
  chart: {
    asset: string | null
    points: Array<[number, number]>
    drawn: number
    recorded: number
    /** The fraction of the chart's width the drawn points cover (0: no visible curve). */
    width: number
  }
  sensors: {
    received: number
    batches: number
    instances: number
    visible: boolean
    colorUploads: number
    /** A weighted sum of the marker colours: changes when the colours do. */
    colorChecksum: number
    firstValues: number[]
    /** A ray straight down onto marker 0: hits as drawn, and hits an ordinary InstancedMesh would give. */
    markerRay: { hits: number; ordinary: number } | null
  }
  alerts: Array<{ key: string; severity: TwinAlertSeverity; acked: boolean }>
  /** Per asset: the rule tint and the ids of the visual rules that match. */
  looks: Record<string, { color: string | null; matched: string[] }>
  /** The state of the latest command per `"<assetId>/<control>"`. */
  commands: Record<string, CommandState>
  /**
   * Where each shown HUD panel (and each control on it, `twin-alert-ack:*`, `twin-control:*`) is on the
   * screen, CSS px: the projected bounds of all it draws. Null in a headset (no one screen).
   */
  screen: {
    width: number
    height: number
    rects: Record<string, { left: number; top: number; right: number; bottom: number }>
  } | null
  /** The HUD's scale after fitting the view. */
  hudScale: number
  /** This page has given the operator code (it is asked for once, then remembered until leaving). */
  operator: boolean
  /** The text of the inspection report's QR code, if one is shown. */
  reportQr: string | null
  /** What each named twin LiveText shows on screen now. */
  shown: Record<string, string>
  ui: Pick<
    TwinUiState,
    | 'selected'
    | 'confirm'
    | 'replay'
    | 'inspection'
    | 'sourceKind'
    | 'stale'
    | 'fieldSensors'
    | 'sensorsShown'
  >
}

declare global {
  interface XrShowcaseDebugViews {
    twin: TwinDebugView
  }
}

/** Offers the view (and the store actions) while the twin is mounted; returns the unregister function. */
export function registerTwinDebugView(runtime: TwinRuntime, twin: TwinContent): () => void {
  const view = registerDebugView('twin', () => computeView(runtime))
  // Store actions for the layout rule test and `npm run shots` (the twin test presses real controls).
  const actions = registerDebugActions('twin', {
    selectAsset: (assetId: string | null) => selectAsset(assetId),
    askToConfirm: (assetId: string, control: TwinControlId, value: number) =>
      askToConfirm(assetId, control, value),
    cancelConfirm,
    startReplay: () => startReplay(runtime, twin),
    stopReplay: () => stopReplay(runtime),
    startInspection: () => startInspection(runtime, twin),
    // Not awaited: the last stop's save waits for the operator code, which a later step types.
    markStop: (result: 'pass' | 'fail') => void markStop(runtime, twin, result),
    submitOperatorCode: (typed: string) => submitOperatorCode(runtime, typed),
    closeInspection,
  })
  return () => {
    view()
    actions()
  }
}

function computeView(runtime: TwinRuntime): TwinDebugView {
  const values: TwinDebugView['values'] = {}
  const live: TwinDebugView['live'] = {}
  const commands: TwinDebugView['commands'] = {}
  for (const asset of runtime.twin.assets) {
    for (const metric of asset.metrics) {
      const key = `${asset.id}/${metric}`
      const v = runtime.read(asset.id, metric)
      if (v !== undefined) values[key] = v
      const reading = runtime.buffer.get(asset.id, metric)
      if (reading) live[key] = { v: reading.v, ts: reading.ts }
    }
    for (const control of asset.controls as TwinControlId[]) {
      const c = runtime.commands.latest(asset.id, control)
      if (c) commands[`${asset.id}/${control}`] = c.state
    }
  }
  const r = runtime.replay
  const plot = powerChartShown.plot
  const points: Array<[number, number]> = []
  for (let i = 0; i < plot.count; i++) points.push([plot.ts[i], plot.v[i]])
  const s = useTwinUi.getState()
  return {
    source: {
      kind: runtime.source?.kind ?? null,
      label: runtime.source?.label ?? '',
      status: runtime.status,
    },
    stale: runtime.isStale(),
    values,
    live,
    accepted: runtime.buffer.accepted,
    replay: r ? { t: r.t, from: r.history.from, to: r.history.to, playing: r.playing, speed: r.speed } : null,
    chart: {
      asset: powerChartShown.asset,
      points,
      drawn: plot.count,
      recorded: powerChartShown.recorded,
      width: plot.count > 1 ? chartX(plot, plot.ts[plot.count - 1]) - chartX(plot, plot.ts[0]) : 0,
    },
    sensors: sensorsView(runtime),
    alerts: runtime.alerts.active().map((a) => ({ key: a.key, severity: a.severity, acked: a.acked })),
    looks: Object.fromEntries(
      [...runtime.looks].map(([id, look]) => [id, { color: look.color, matched: look.matched }]),
    ),
    commands,
    screen: hudScreenRects(),
    hudScale: hudShown.scale,
    operator: useTwinAccess.getState().operator,
    reportQr:
      (hudShown.root?.getObjectByName('twin-inspection:qr')?.userData.qrText as string | undefined) ?? null,
    shown: Object.fromEntries([...liveTextShown].filter(([name]) => name.startsWith('twin-'))),
    ui: {
      selected: s.selected,
      confirm: s.confirm,
      replay: s.replay,
      inspection: s.inspection,
      sourceKind: s.sourceKind,
      stale: s.stale,
      fieldSensors: s.fieldSensors,
      sensorsShown: s.sensorsShown,
    },
  }
}

function sensorsView(runtime: TwinRuntime): TwinDebugView['sensors'] {
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
    markerRay: markerRay(mesh, 0),
  }
}

function markerRay(mesh: InstancedMesh | null, i: number): { hits: number; ordinary: number } | null {
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
}

const HUD_PANELS = ['twin-status', 'twin-alerts', 'twin-asset-panel', 'twin-confirm', 'twin-inspection']

/** Projects the bounds of the HUD's panels and buttons into the desktop camera's picture. */
function hudScreenRects(): TwinDebugView['screen'] {
  const { root, camera, canvas } = hudShown
  if (!root || !camera || !canvas) return null
  const rect = canvas.getBoundingClientRect()
  const rects: NonNullable<TwinDebugView['screen']>['rects'] = {}
  const box = new Box3()
  const corner = new Vector3()
  root.updateWorldMatrix(true, true)
  root.traverse((o) => {
    const n = o.name
    if (!HUD_PANELS.includes(n) && !/^twin-(alert-ack|control|confirm|inspection):/.test(n)) return
    if (!o.visible) return
    box.setFromObject(o)
    if (box.isEmpty()) return
    let left = Number.POSITIVE_INFINITY
    let top = Number.POSITIVE_INFINITY
    let right = Number.NEGATIVE_INFINITY
    let bottom = Number.NEGATIVE_INFINITY
    for (let i = 0; i < 8; i++) {
      corner
        .set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z)
        .project(camera)
      const x = ((corner.x + 1) / 2) * rect.width
      const y = ((1 - corner.y) / 2) * rect.height
      left = Math.min(left, x)
      right = Math.max(right, x)
      top = Math.min(top, y)
      bottom = Math.max(bottom, y)
    }
    rects[n] = { left, top, right, bottom }
  })
  return { width: rect.width, height: rect.height, rects }
}
