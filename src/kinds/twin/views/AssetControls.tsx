// The asset's controls (HVAC, lighting, chargers): for each, the state it is in ("空调：运行中"), a
// button naming what a press does ("关闭空调", asking for confirmation first), and the state of the
// last command (pending, done, refused, timed out).
import { useRef, useState } from 'react'
import { useFrameStage } from '../../../platform/frame'
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, UiText } from '../../../platform/ui'
import type { TwinAsset, TwinControlId } from '../../../schema/kinds/twin'
import { COMMAND_STATE_TEXT, controlIsOn, controlTexts } from '../logic/control-state'
import { HUD_TEXT } from '../logic/hud-plan'
import type { TwinRuntime } from '../logic/twin-runtime'
import { askToConfirm, useTwinUi } from '../twin-store'
import { twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

/** Each control's column width; a panel holds two side by side. */
const COLUMN_W = 0.44

export function AssetControls({ asset, panelWidth }: { asset: TwinAsset; panelWidth: number }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  if (asset.controls.length === 0) return null
  return (
    <group>
      {asset.controls.map((control, i) => (
        <Control
          key={control}
          runtime={runtime}
          asset={asset}
          control={control}
          lang={lang}
          x={-panelWidth / 2 + 0.03 + COLUMN_W / 2 + i * (COLUMN_W + 0.02)}
        />
      ))}
    </group>
  )
}

function Control({
  runtime,
  asset,
  control,
  lang,
  x,
}: {
  runtime: TwinRuntime
  asset: TwinAsset
  control: TwinControlId
  lang: 'zh' | 'en'
  x: number
}) {
  const replaying = useTwinUi((s) => s.replay.active)
  const read = () => controlIsOn(runtime.read, runtime.commands, asset.id, control)
  const [on, setOn] = useState(read)
  // The state follows the data (the HVAC may be switched elsewhere): looked at when the runtime has
  // news, and React re-renders only when on/off flips.
  const seen = useRef(-1)
  useFrameStage('uiFollow', () => {
    const version = runtime.revision + runtime.commands.version * 1e6
    if (version === seen.current) return
    seen.current = version
    const now = read()
    if (now !== on) setOn(now)
  })
  const texts = controlTexts(control, on)
  return (
    <group position={[x, 0, 0]}>
      <UiText
        name={`twin-control-status:${control}`}
        text={localize(twinStrings[texts.state], lang)}
        fontSize={HUD_TEXT.body}
        position={[0, 0.075, 0]}
        maxWidth={COLUMN_W}
      />
      <Button
        label={localize(twinStrings[texts.action], lang)}
        width={0.4}
        height={0.075}
        fontSize={HUD_TEXT.body}
        variant={on ? 'danger' : 'primary'}
        disabled={replaying}
        onPress={() => askToConfirm(asset.id, control, on ? 0 : 100)}
        name={`twin-control:${control}`}
      />
      <LiveText
        name={`twin-control-state:${control}`}
        get={() => {
          const c = runtime.commands.latest(asset.id, control)
          return c ? localize(twinStrings[COMMAND_STATE_TEXT[c.state]], lang) : ''
        }}
        version={() => runtime.commands.version}
        fontSize={HUD_TEXT.body}
        position={[0, -0.072, 0.005]}
      />
    </group>
  )
}
