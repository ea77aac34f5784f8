// One round gauge of the asset panel: the metric's coloured ranges as one vertex-coloured ring (one
// draw call), a needle, and the value. Both follow the data when the runtime re-evaluates (~4 Hz).
import { useMemo, useRef } from 'react'
import { type BufferGeometry, Color, Float32BufferAttribute, type Mesh, RingGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { useFrameStage } from '../../../platform/frame'
import { localize, useLang } from '../../../platform/i18n'
import { LiveText } from '../../../platform/ui'
import type { TwinAsset, TwinContent, TwinMetricInfo } from '../../../schema/kinds/twin'
import { resolveThreshold } from '../../../shared/twin/visual-rules'
import { HUD_TEXT } from '../logic/hud-plan'
import { formatValue } from '../logic/twin-format'
import { useTwinRuntime } from './twin-context'

/** A gauge's column: its label's width, so "Temperature" stays one word at HUD_TEXT.body. */
export const GAUGE_W = 0.24

const SWEEP = 240
const START = 210

export function Gauge({
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
  const drawn = useRef(-1)
  useFrameStage('uiFollow', () => {
    if (runtime.revision === drawn.current || !needle.current) return
    drawn.current = runtime.revision
    const v = runtime.read(asset.id, info.id)
    needle.current.rotation.z = ((START - SWEEP * frac(v ?? min)) * Math.PI) / 180
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
        version={() => runtime.revision}
        fontSize={HUD_TEXT.body}
        lineHeight={1.1}
        position={[0, -0.075, 0]}
        maxWidth={GAUGE_W}
        textAlign="center"
      />
    </group>
  )
}
