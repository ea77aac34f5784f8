// The asset's controls (HVAC, lighting, chargers): each button shows what a press would do and asks
// for confirmation; next to it, the state of the last command (pending, done, refused, timed out).
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText } from '../../../platform/ui'
import type { TwinAsset } from '../../../schema/kinds/twin'
import { COMMAND_STATE_TEXT, controlIsOn } from '../logic/control-state'
import { askToConfirm, useTwinUi } from '../twin-store'
import { twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

export function AssetControls({ asset, panelWidth }: { asset: TwinAsset; panelWidth: number }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  // Re-render when a command changed state, so the button label follows.
  useTwinUi((s) => s.commandsVersion)
  const replaying = useTwinUi((s) => s.replay.active)
  if (asset.controls.length === 0) return null
  return (
    <group>
      {asset.controls.map((control, i) => {
        const on = controlIsOn(runtime.read, runtime.commands, asset.id, control)
        const label = `${localize(twinStrings[control], lang)}：${localize(on ? twinStrings.turnOff : twinStrings.turnOn, lang)}`
        const x = -panelWidth / 2 + 0.17 + i * 0.42
        return (
          <group key={control} position={[x, 0, 0]}>
            <Button
              label={label}
              width={0.26}
              height={0.07}
              fontSize={0.03}
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
