// The asset panel's 24 h power chart: the server's record of the day plus the live points since, or
// the replayed record during a replay, with the contract limit as a red line. Redrawn once a second
// into preallocated buffers. The x axis spans the data there is (see logic/power-chart.ts) and the
// title says how long that is.
import { useEffect, useMemo, useRef } from 'react'
import { type BufferAttribute, BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { localize, useLang } from '../../../platform/i18n'
import { LiveText } from '../../../platform/ui'
import type { TwinAsset, TwinContent } from '../../../schema/kinds/twin'
import { DAY_MS, fetchDayHistory } from '../api'
import { HUD_TEXT } from '../logic/hud-plan'
import {
  CHART_POINTS,
  chartSpan,
  chartX,
  createChartPlot,
  plotSeries,
  type Series,
} from '../logic/power-chart'
import type { ReplayHistory } from '../logic/replay-history'
import { useTwinUi } from '../twin-store'
import { fill, twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

const CHART_W = 0.8
const CHART_H = 0.15
const REDRAW_MS = 1000

/** What the chart drew last, for the debug view (read when a test asks, never copied per frame). */
export const powerChartShown = {
  asset: null as string | null,
  plot: createChartPlot(),
  recorded: 0,
  /** Bumped when the title's span changes. */
  spanVersion: 0,
  span: '',
}

export function PowerChart({
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
  const recorded = useRef<Series>([])
  const replayed = useRef<{ history: ReplayHistory | null; points: Series }>({ history: null, points: [] })
  const sourceKind = useTwinUi((s) => s.sourceKind)
  const hasPower = asset.metrics.includes('power')
  const { line, limit } = useMemo(() => {
    const g = new BufferGeometry()
    g.setAttribute('position', new Float32BufferAttribute(new Float32Array(CHART_POINTS * 3), 3))
    g.setDrawRange(0, 0)
    const lg = new BufferGeometry()
    lg.setAttribute('position', new Float32BufferAttribute(new Float32Array(6), 3))
    return {
      line: new Line(g, new LineBasicMaterial({ color: '#1f6feb', toneMapped: false })),
      limit: new Line(lg, new LineBasicMaterial({ color: '#e0483e', toneMapped: false })),
    }
  }, [])

  useEffect(() => {
    recorded.current = []
    if (sourceKind !== 'server' || !hasPower) return
    const controller = new AbortController()
    fetchDayHistory(twin.parkId, Date.now(), asset.id, controller.signal)
      .then((rows) => {
        recorded.current = rows.filter((p) => p[1] === 'power').map((p) => [p[2], p[3]] as const)
      })
      // No record (a server without history yet): the chart shows the live points only.
      .catch(() => {})
    return () => controller.abort()
  }, [sourceKind, twin.parkId, asset.id, hasPower])

  const lastDraw = useRef(Number.NEGATIVE_INFINITY)
  useFrameStage('uiFollow', (state) => {
    const now = state.clock.elapsedTime * 1000
    if (!hasPower || now - lastDraw.current < REDRAW_MS) return
    lastDraw.current = now
    const end = runtime.viewTime()
    const start = end - DAY_MS
    const plot = powerChartShown.plot
    const r = runtime.replay
    if (r) {
      // The replay's record never changes: its points are taken once per replay.
      if (replayed.current.history !== r.history)
        replayed.current = { history: r.history, points: r.history.points(asset.id, 'power') }
      plotSeries(plot, replayed.current.points, [], start, end, asset.contractKw * 1.3)
    } else {
      plotSeries(
        plot,
        recorded.current,
        runtime.buffer.recentSeries(asset.id, 'power'),
        start,
        end,
        asset.contractKw * 1.3,
      )
    }
    const attr = line.geometry.attributes.position as BufferAttribute
    for (let i = 0; i < plot.count; i++)
      attr.setXYZ(
        i,
        -CHART_W / 2 + chartX(plot, plot.ts[i]) * CHART_W,
        -CHART_H / 2 + (plot.v[i] / plot.maxY) * CHART_H,
        0.002,
      )
    attr.needsUpdate = true
    line.geometry.setDrawRange(0, plot.count)
    line.geometry.computeBoundingSphere()
    powerChartShown.asset = asset.id
    powerChartShown.recorded = recorded.current.length
    const span = chartSpan(plot)
    const spanKey = `${span.unit}:${span.n}`
    if (spanKey !== powerChartShown.span) {
      powerChartShown.span = spanKey
      powerChartShown.spanVersion++
    }
    const y = -CHART_H / 2 + (asset.contractKw / plot.maxY) * CHART_H
    const la = limit.geometry.attributes.position as BufferAttribute
    la.setXYZ(0, -CHART_W / 2, y, 0.001)
    la.setXYZ(1, CHART_W / 2, y, 0.001)
    la.needsUpdate = true
    limit.geometry.setDrawRange(0, 2)
  })

  if (!hasPower) return null
  return (
    <group position={position} name="twin-panel:chart">
      <mesh>
        <planeGeometry args={[CHART_W, CHART_H]} />
        <meshBasicMaterial color="#e9edf2" toneMapped={false} />
      </mesh>
      <primitive object={line} />
      <primitive object={limit} />
      <LiveText
        name="twin-panel:chart-title"
        get={() => {
          const span = chartSpan(powerChartShown.plot)
          const key = span.unit === 'day' ? 'chart24h' : span.unit === 'hours' ? 'chartHours' : 'chartMinutes'
          return fill(localize(twinStrings[key], lang), { n: span.n })
        }}
        version={() => powerChartShown.spanVersion}
        fontSize={HUD_TEXT.body}
        position={[0, CHART_H / 2 + 0.03, 0]}
      />
    </group>
  )
}
