// The floating asset panel: live values, gauges with the scene's coloured ranges, a 24-hour power
// chart (recorded history plus live points) and the asset's controls with their closed-loop state.
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, Panel, UiText } from '../../../platform/ui'
import type { TwinAsset, TwinContent } from '../../../schema/kinds/twin'
import { HUD_BOXES, HUD_TEXT } from '../logic/hud-plan'
import { readingLines } from '../logic/twin-format'
import { selectAsset } from '../twin-store'
import { AssetControls } from './AssetControls'
import { GAUGE_W, Gauge } from './Gauge'
import { PowerChart } from './PowerChart'
import { useTwinRuntime } from './twin-context'

export const PANEL_WIDTH = HUD_BOXES.asset.w
export const PANEL_HEIGHT = HUD_BOXES.asset.h
// Top to bottom: title; readings on the left and gauges on the right; the chart; the controls. Each
// band has its own height, so nothing of one band reaches into the next (at HUD_TEXT.body, the
// readings' nine lines take 0.40 m).
const GAUGE_ROW = 0.22

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
        fontSize={HUD_TEXT.heading}
        anchorX="left"
        position={[-PANEL_WIDTH / 2 + 0.04, top - 0.06, 0]}
        maxWidth={0.76}
        name="twin-panel:title"
      />
      <Button
        label="✕"
        width={0.08}
        height={0.07}
        position={[PANEL_WIDTH / 2 - 0.06, top - 0.06, 0.005]}
        onPress={() => selectAsset(null)}
        name="twin-panel:close"
      />
      <LiveText
        name="twin-panel:values"
        get={() => readingLines(twin, asset, runtime.read, lang).join('\n')}
        version={() => runtime.revision}
        fontSize={HUD_TEXT.body}
        lineHeight={1.2}
        anchorX="left"
        anchorY="top"
        maxWidth={0.46}
        position={[-PANEL_WIDTH / 2 + 0.04, top - 0.1, 0]}
      />
      {gauges.map((info, i) => (
        <Gauge
          key={info.id}
          twin={twin}
          asset={asset}
          info={info}
          position={[0.115 + (i % 2) * GAUGE_W, top - 0.19 - Math.floor(i / 2) * GAUGE_ROW, 0]}
        />
      ))}
      <PowerChart twin={twin} asset={asset} position={[0, -0.2, 0]} />
      <group position={[0, -PANEL_HEIGHT / 2 + 0.12, 0]}>
        <AssetControls asset={asset} panelWidth={PANEL_WIDTH} />
      </group>
    </Panel>
  )
}
