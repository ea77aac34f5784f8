// The floating asset panel: live values, gauges with the scene's coloured ranges, a 24-hour power
// chart (recorded history plus live points) and the asset's controls with their closed-loop state.
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, Panel, UiText } from '../../../platform/ui'
import type { TwinAsset, TwinContent } from '../../../schema/kinds/twin'
import { HUD_BOXES } from '../logic/hud-layout'
import { readingLines } from '../logic/twin-format'
import { selectAsset } from '../twin-store'
import { AssetControls } from './AssetControls'
import { Gauge } from './Gauge'
import { PowerChart } from './PowerChart'
import { useTwinRuntime } from './twin-context'

export const PANEL_WIDTH = HUD_BOXES.asset.w
export const PANEL_HEIGHT = HUD_BOXES.asset.h
// Top to bottom: title; readings on the left and gauges on the right; the chart; the controls. Each
// band has its own height, so nothing of one band reaches into the next.

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
        fontSize={0.042}
        anchorX="left"
        position={[-PANEL_WIDTH / 2 + 0.04, top - 0.06, 0]}
        maxWidth={0.7}
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
        fontSize={0.03}
        lineHeight={1.25}
        anchorX="left"
        anchorY="top"
        maxWidth={0.42}
        position={[-PANEL_WIDTH / 2 + 0.04, top - 0.11, 0]}
      />
      {gauges.map((info, i) => (
        <Gauge
          key={info.id}
          twin={twin}
          asset={asset}
          info={info}
          position={[0.13 + (i % 2) * 0.2, top - 0.21 - Math.floor(i / 2) * 0.24, 0]}
        />
      ))}
      <PowerChart twin={twin} asset={asset} position={[0, -0.16, 0]} />
      <group position={[0, -PANEL_HEIGHT / 2 + 0.12, 0]}>
        <AssetControls asset={asset} panelWidth={PANEL_WIDTH} />
      </group>
    </Panel>
  )
}
