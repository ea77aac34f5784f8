// The confirmation a control press opens: "Turn off the HVAC of the data centre?" Nothing is sent to
// the park before the visitor confirms.
import { localize, useLang } from '../../../platform/i18n'
import { Button, Panel, UiText } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { HUD_TEXT } from '../logic/hud-plan'
import { cancelConfirm, confirmCommand, useTwinUi } from '../twin-store'
import { fill, twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

export function ConfirmDialog({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const confirm = useTwinUi((s) => s.confirm)
  if (!confirm) return null
  const asset = twin.assets.find((a) => a.id === confirm.assetId)
  const action = localize(confirm.value > 0 ? twinStrings.turnOn : twinStrings.turnOff, lang)
  const question = fill(localize(twinStrings.confirmQuestion, lang), {
    action,
    asset: asset ? localize(asset.name, lang) : confirm.assetId,
    control: localize(twinStrings[confirm.control], lang),
  })
  return (
    <Panel width={0.8} height={0.34} name="twin-confirm">
      <UiText text={localize(twinStrings.confirmTitle, lang)} fontSize={0.045} position={[0, 0.11, 0]} />
      <UiText text={question} fontSize={HUD_TEXT.heading * 0.9} maxWidth={0.72} position={[0, 0.03, 0]} />
      <Button
        label={localize(twinStrings.confirm, lang)}
        width={0.26}
        variant="primary"
        position={[-0.16, -0.1, 0.005]}
        onPress={() => confirmCommand(runtime)}
        name="twin-confirm:yes"
      />
      <Button
        label={localize(twinStrings.cancel, lang)}
        width={0.26}
        position={[0.16, -0.1, 0.005]}
        onPress={cancelConfirm}
        name="twin-confirm:no"
      />
    </Panel>
  )
}
