// The HUD's top line: where the data comes from, live / stale / replaying with the clock, and the
// buttons that start a replay or the inspection route; below it the field-sensor layer switch.
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, Panel, UiText } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { HUD_BOXES } from '../logic/hud-plan'
import { clock } from '../logic/twin-format'
import { leaveOperatorMode, useTwinAccess } from '../twin-access'
import { twinAccessStrings } from '../twin-access-strings'
import { startInspection, startReplay, toggleFieldSensors, useTwinUi } from '../twin-store'
import { fill, twinStrings } from '../twin-strings'
import { ReplayControls } from './ReplayControls'
import { useTwinRuntime } from './twin-context'

const WIDTH = HUD_BOXES.status.w
/** Text edge inset from the bar's sides. */
const EDGE = WIDTH / 2 - 0.04

export function StatusBar({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const l = (key: keyof typeof twinStrings) => localize(twinStrings[key], lang)
  const kind = useTwinUi((s) => s.sourceKind)
  const label = useTwinUi((s) => s.sourceLabel)
  const stale = useTwinUi((s) => s.stale)
  const replay = useTwinUi((s) => s.replay)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const operator = useTwinAccess((s) => s.operator)
  // In operator mode a third key leaves it, in the bar's own row (a line above the bar covered the
  // inspection card on a portrait kiosk).
  const keyW = operator ? 0.46 : 0.44
  const keyX = operator ? 0.48 : 0.3
  const kindText =
    kind === 'server'
      ? l('sourceServer')
      : kind === 'external'
        ? l('sourceExternal')
        : kind === 'simulator'
          ? l('sourceSimulator')
          : l('connecting')
  const sourceText = `${l('source')}：${kindText}${kind === 'simulator' ? '' : ` · ${label}`}`
  const state = replay.active ? l('replaying') : stale ? l('stale') : kind ? l('online') : l('connecting')
  return (
    <group>
      <Panel
        width={WIDTH}
        height={replay.active ? 0.34 : 0.22}
        color={stale && !replay.active ? '#5c1f1f' : '#20232a'}
        name="twin-status"
      >
        <UiText
          name="twin-status:source"
          text={sourceText}
          fontSize={0.038}
          color="#ffffff"
          anchorX="left"
          position={[-EDGE, replay.active ? 0.13 : 0.065, 0]}
          maxWidth={WIDTH * 0.45}
        />
        <LiveText
          name="twin-status:state"
          get={() => `${state} · ${clock(runtime.viewTime())}`}
          version={() => runtime.revision}
          fontSize={0.038}
          color={stale && !replay.active ? '#ffb4a8' : '#9fe3b8'}
          anchorX="right"
          position={[EDGE, replay.active ? 0.13 : 0.065, 0]}
        />
        {replay.active ? (
          <ReplayControls />
        ) : (
          <group position={[0, -0.04, 0.005]}>
            <Button
              label={l('replay')}
              width={keyW}
              height={0.085}
              fontSize={0.04}
              position={[-keyX, 0, 0]}
              onPress={() => void startReplay(runtime, twin)}
              disabled={replay.loading || inspecting}
              name="twin-replay:start"
            />
            <Button
              label={l('inspection')}
              width={keyW}
              height={0.085}
              fontSize={0.04}
              position={[operator ? 0 : keyX, 0, 0]}
              variant="primary"
              onPress={() => startInspection(runtime, twin)}
              disabled={inspecting || !twin.inspection}
              name="twin-inspection:start"
            />
            {operator && (
              <Button
                label={localize(twinAccessStrings.operatorLeave, lang)}
                width={keyW}
                height={0.085}
                fontSize={0.04}
                position={[keyX, 0, 0]}
                onPress={() => leaveOperatorMode(runtime)}
                name="twin-operator:leave"
              />
            )}
            {replay.message && (
              <UiText text={replay.message} fontSize={0.036} color="#ffd166" position={[0, -0.08, 0]} />
            )}
          </group>
        )}
      </Panel>
      {!replay.active && <FieldSensorToggle y={-0.19} />}
    </group>
  )
}

/** The field-sensor layer switch with the sensor count; shown only when the park publishes sensors. */
function FieldSensorToggle({ y }: { y: number }) {
  const lang = useLang()
  const count = useTwinUi((s) => s.fieldSensors)
  const shown = useTwinUi((s) => s.sensorsShown)
  if (count <= 0) return null
  // The button says what a press does; a state word after a colon ("：关闭") reads as the opposite.
  const label = fill(localize(shown ? twinStrings.hideFieldSensors : twinStrings.showFieldSensors, lang), {
    n: count,
  })
  return (
    <Button
      label={label}
      width={0.7}
      height={0.075}
      fontSize={0.036}
      position={[0, y, 0]}
      selected={shown}
      onPress={toggleFieldSensors}
      name="twin-sensors:toggle"
    />
  )
}
