// The floating asset panel: live values, gauges with the scene's coloured ranges, a 24-hour power
// chart (recorded history plus live points) and the asset's controls with their closed-loop state.
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Float32BufferAttribute,
  Line,
  LineBasicMaterial,
  type Mesh,
  RingGeometry,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { localize, useLang } from '../../platform/i18n/i18n'
import { Button } from '../../platform/ui/Button'
import { Panel } from '../../platform/ui/Panel'
import { UiText } from '../../platform/ui/UiText'
import type { TwinAsset, TwinContent, TwinControlId, TwinMetricInfo } from '../../schema/kinds/twin'
import type { CommandState } from './command-tracker'
import { LiveText } from './LiveText'
import type { HistoryRow } from './replay-history'
import { useTwinRuntime } from './twin-context'
import { formatValue, readingLines } from './twin-format'
import { useTwinUi } from './twin-store'
import { twinStrings } from './twin-strings'
import { resolveThreshold } from './visual-rules'

export const PANEL_WIDTH = 0.9
export const PANEL_HEIGHT = 1.02
const DAY_MS = 24 * 3600_000

/** What the 24 h chart plotted last ([ts, v] per vertex drawn), for the test hooks. */
export const powerChartShown: { asset: string | null; points: Array<[number, number]>; recorded: number } = {
  asset: null,
  points: [],
  recorded: 0,
}

export function AssetPanel({ twin, asset }: { twin: TwinContent; asset: TwinAsset }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const gauges = twin.metrics
    .filter((m) => asset.metrics.includes(m.id) && m.ranges.length > 0 && m.id !== 'alarm')
    .slice(0, 3)
  const top = PANEL_HEIGHT / 2
  return (
    <Panel width={PANEL_WIDTH} height={PANEL_HEIGHT} name="twin-asset-panel">
      <UiText
        text={localize(asset.name, lang)}
        fontSize={0.05}
        position={[-0.05, top - 0.06, 0]}
        maxWidth={0.7}
        name="twin-panel:title"
      />
      <Button
        label="✕"
        width={0.08}
        height={0.07}
        position={[PANEL_WIDTH / 2 - 0.06, top - 0.06, 0.005]}
        onPress={() => useTwinUi.setState({ selected: null })}
        name="twin-panel:close"
      />
      <LiveText
        name="twin-panel:values"
        get={() => readingLines(twin, asset, runtime.read, lang).join('\n')}
        fontSize={0.032}
        lineHeight={1.25}
        anchorX="left"
        anchorY="top"
        position={[-PANEL_WIDTH / 2 + 0.04, top - 0.12, 0]}
      />
      {gauges.map((info, i) => (
        <Gauge
          key={info.id}
          twin={twin}
          asset={asset}
          info={info}
          position={[0.12 + (i % 2) * 0.2, top - 0.24 - Math.floor(i / 2) * 0.24, 0]}
        />
      ))}
      <PowerChart twin={twin} asset={asset} position={[0, -0.2, 0]} />
      <Controls twin={twin} asset={asset} />
    </Panel>
  )
}

const SWEEP = 240
const START = 210

function Gauge({
  twin,
  asset,
  info,
  position,
}: {
  twin: TwinContent
  asset: TwinAsset
  info: TwinMetricInfo
  position: [number, number, number]
}) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const needle = useRef<Mesh>(null)
  const min = resolveThreshold(info.min, asset)
  const max = Math.max(min + 1e-6, resolveThreshold(info.max, asset))
  const frac = (v: number) => Math.min(1, Math.max(0, (v - min) / (max - min)))
  // All coloured bands in one mesh (vertex colours): one draw call per gauge.
  const bands = useMemo(() => {
    const parts: BufferGeometry[] = []
    const fracOf = (v: number) => Math.min(1, Math.max(0, (v - min) / (max - min)))
    let from = 0
    for (const range of info.ranges) {
      const to = fracOf(resolveThreshold(range.to, asset))
      if (to <= from) continue
      const g = new RingGeometry(
        0.06,
        0.08,
        Math.max(2, Math.round(24 * (to - from))),
        1,
        ((START - SWEEP * to) * Math.PI) / 180,
        (SWEEP * (to - from) * Math.PI) / 180,
      )
      const c = new Color(range.color)
      const colors = new Float32Array(g.attributes.position.count * 3)
      for (let i = 0; i < colors.length; i += 3) colors.set([c.r, c.g, c.b], i)
      g.setAttribute('color', new Float32BufferAttribute(colors, 3))
      parts.push(g.toNonIndexed())
      from = to
    }
    return parts.length > 0 ? mergeGeometries(parts) : null
  }, [info, asset, min, max])
  useFrame(() => {
    const v = runtime.read(asset.id, info.id)
    if (needle.current) needle.current.rotation.z = ((START - SWEEP * frac(v ?? min)) * Math.PI) / 180
  })
  const label = localize(info.label, lang)
  return (
    <group position={position} name={`twin-gauge:${info.id}`}>
      {bands && (
        <mesh geometry={bands}>
          <meshBasicMaterial vertexColors toneMapped={false} />
        </mesh>
      )}
      <mesh ref={needle} position={[0, 0, 0.002]}>
        <planeGeometry args={[0.075, 0.006]} />
        <meshBasicMaterial color="#1d1d1f" toneMapped={false} />
      </mesh>
      <LiveText
        get={() => `${label}\n${formatValue(twin, info.id, runtime.read(asset.id, info.id), lang)}`}
        fontSize={0.026}
        position={[0, -0.07, 0]}
        textAlign="center"
      />
    </group>
  )
}

const CHART_W = 0.8
const CHART_H = 0.2
const CHART_POINTS = 24 * 60

function PowerChart({
  twin,
  asset,
  position,
}: {
  twin: TwinContent
  asset: TwinAsset
  position: [number, number, number]
}) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const recorded = useRef<Array<[number, number]>>([])
  const sourceKind = useTwinUi((s) => s.sourceKind)
  const { line, limit } = useMemo(() => {
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(new Float32Array(CHART_POINTS * 3), 3))
    g.setDrawRange(0, 0)
    const l = new Line(g, new LineBasicMaterial({ color: '#1f6feb', toneMapped: false }))
    const lg = new BufferGeometry()
    lg.setAttribute('position', new BufferAttribute(new Float32Array(6), 3))
    return { line: l, limit: new Line(lg, new LineBasicMaterial({ color: '#e0483e', toneMapped: false })) }
  }, [])

  useEffect(() => {
    if (sourceKind !== 'server' || !asset.metrics.includes('power')) return
    const controller = new AbortController()
    const to = Date.now()
    fetch(
      `/api/twin/${encodeURIComponent(twin.parkId)}/history?asset=${encodeURIComponent(asset.id)}&from=${to - DAY_MS}&to=${to}&step=2`,
      { signal: controller.signal },
    )
      .then((r) => (r.ok ? (r.json() as Promise<{ points: HistoryRow[] }>) : { points: [] }))
      .then((body) => {
        recorded.current = body.points.filter((p) => p[1] === 'power').map((p) => [p[2], p[3]])
      })
      .catch(() => {})
    return () => controller.abort()
  }, [sourceKind, twin.parkId, asset])

  const lastDraw = useRef(0)
  useFrame(() => {
    const now = performance.now()
    if (now - lastDraw.current < 1000) return
    lastDraw.current = now
    const end = runtime.viewTime()
    const start = end - DAY_MS
    const live = runtime.replay
      ? runtime.replay.history.points(asset.id, 'power')
      : [...recorded.current, ...runtime.buffer.recentSeries(asset.id, 'power')]
    const points = live.filter(([ts]) => ts >= start && ts <= end)
    const maxY = Math.max(asset.contractKw * 1.3, ...points.map((p) => p[1]))
    const attr = line.geometry.attributes.position as BufferAttribute
    const stride = Math.max(1, Math.ceil(points.length / CHART_POINTS))
    let n = 0
    const plotted: Array<[number, number]> = []
    for (let i = 0; i < points.length && n < CHART_POINTS; i += stride) {
      const [ts, v] = points[i]
      plotted.push(points[i])
      attr.setXYZ(
        n++,
        -CHART_W / 2 + ((ts - start) / DAY_MS) * CHART_W,
        -CHART_H / 2 + (v / maxY) * CHART_H,
        0.002,
      )
    }
    attr.needsUpdate = true
    line.geometry.setDrawRange(0, n)
    powerChartShown.asset = asset.id
    powerChartShown.points = plotted
    powerChartShown.recorded = recorded.current.length
    line.geometry.computeBoundingSphere()
    const y = -CHART_H / 2 + (asset.contractKw / maxY) * CHART_H
    const la = limit.geometry.attributes.position as BufferAttribute
    la.setXYZ(0, -CHART_W / 2, y, 0.001)
    la.setXYZ(1, CHART_W / 2, y, 0.001)
    la.needsUpdate = true
    limit.geometry.setDrawRange(0, 2)
  })

  if (!asset.metrics.includes('power')) return null
  return (
    <group position={position} name="twin-panel:chart">
      <mesh>
        <planeGeometry args={[CHART_W, CHART_H]} />
        <meshBasicMaterial color="#e9edf2" toneMapped={false} />
      </mesh>
      <primitive object={line} />
      <primitive object={limit} />
      <UiText
        text={localize(twinStrings.chart24h, lang)}
        fontSize={0.026}
        position={[0, CHART_H / 2 + 0.025, 0]}
      />
    </group>
  )
}

const CONTROL_METRIC: Record<TwinControlId, 'hvacOn' | 'lighting' | 'chargersInUse'> = {
  hvac: 'hvacOn',
  lighting: 'lighting',
  chargers: 'chargersInUse',
}

const STATE_TEXT: Record<CommandState, keyof typeof twinStrings> = {
  pending: 'cmdPending',
  acknowledged: 'cmdAcknowledged',
  refused: 'cmdRefused',
  'timed-out': 'cmdTimedOut',
}

/** Whether the control is currently on, from telemetry (chargers: from the last command, default on). */
export function controlIsOn(
  runtime: ReturnType<typeof useTwinRuntime>,
  asset: TwinAsset,
  control: TwinControlId,
): boolean {
  if (control === 'chargers') {
    const last = runtime.commands.latest(asset.id, 'chargers')
    return last?.state !== 'acknowledged' ? true : last.value >= 0.5
  }
  const v = runtime.read(asset.id, CONTROL_METRIC[control])
  return v === undefined ? true : v > 0
}

function Controls({ twin, asset }: { twin: TwinContent; asset: TwinAsset }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  useTwinUi((s) => s.commandsVersion)
  const replaying = useTwinUi((s) => s.replay.active)
  void twin
  if (asset.controls.length === 0) return null
  return (
    <group position={[0, -PANEL_HEIGHT / 2 + 0.08, 0]}>
      {asset.controls.map((control, i) => {
        const on = controlIsOn(runtime, asset, control)
        const label = `${localize(twinStrings[control], lang)}：${localize(on ? twinStrings.turnOff : twinStrings.turnOn, lang)}`
        const x = -PANEL_WIDTH / 2 + 0.17 + i * 0.42
        return (
          <group key={control} position={[x, 0, 0]}>
            <Button
              label={label}
              width={0.26}
              height={0.07}
              fontSize={0.03}
              variant={on ? 'danger' : 'primary'}
              disabled={replaying}
              onPress={() =>
                useTwinUi.setState({ confirm: { assetId: asset.id, control, value: on ? 0 : 100 } })
              }
              name={`twin-control:${control}`}
            />
            <LiveText
              name={`twin-control-state:${control}`}
              get={() => {
                const c = runtime.commands.latest(asset.id, control)
                return c ? localize(twinStrings[STATE_TEXT[c.state]], lang) : ''
              }}
              fontSize={0.026}
              anchorX="left"
              position={[0.145, 0, 0.005]}
            />
          </group>
        )
      })}
    </group>
  )
}
