// The active alerts, most severe first (at most four rows), each with its acknowledge button; an
// acknowledged alert stays listed, greyed, until its condition ends.
import { localize, useLang } from '../../../platform/i18n'
import { Button, Panel, UiText } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { SEVERITY_LEVEL } from '../../../shared/twin/alert-engine'
import { HUD_BOXES, HUD_TEXT } from '../logic/hud-plan'
import { clock } from '../logic/twin-format'
import { ackAlert, useTwinUi } from '../twin-store'
import { twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

const SEVERITY_COLOR = ['#3a4a5c', '#4a90d9', '#f2a93b', '#e0483e']
// A row holds three lines at HUD_TEXT.body: an English "[Warning] Smart manufacturing workshop 13:45:20"
// wraps once before its message, and at 0.12 m such a row grew into the heading above it.
const MAX_ROWS = 3
const ROW_H = 0.15
const WIDTH = HUD_BOXES.alerts.w
/** The list grows downwards from its top edge, which sits at y = 0, so the rows below never move. */
export const ALERT_TOP = 0

export function AlertList({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const alerts = useTwinUi((s) => s.alerts)
  const rows = alerts.slice(0, MAX_ROWS)
  const height = 0.16 + Math.max(1, rows.length) * ROW_H
  return (
    <Panel width={WIDTH} height={height} position={[0, ALERT_TOP - height / 2, 0]} name="twin-alerts">
      <UiText
        text={`${localize(twinStrings.alerts, lang)} (${alerts.length})`}
        fontSize={HUD_TEXT.heading}
        position={[0, height / 2 - 0.06, 0]}
      />
      {rows.length === 0 && (
        <UiText
          text={localize(twinStrings.noAlerts, lang)}
          fontSize={0.04}
          color="#3f7d5a"
          position={[0, height / 2 - 0.16, 0]}
        />
      )}
      {rows.map((alert, i) => {
        const asset = twin.assets.find((a) => a.id === alert.assetId)
        const y = height / 2 - 0.17 - i * ROW_H
        const sev = localize(
          twinStrings[
            alert.severity === 'critical'
              ? 'severityCritical'
              : alert.severity === 'warning'
                ? 'severityWarning'
                : 'severityInfo'
          ],
          lang,
        )
        return (
          <group key={alert.key} position={[0, y, 0]}>
            <mesh position={[-WIDTH / 2 + 0.04, 0, 0.001]}>
              <planeGeometry args={[0.025, 0.13]} />
              <meshBasicMaterial
                color={alert.acked ? '#9a9a9a' : SEVERITY_COLOR[SEVERITY_LEVEL[alert.severity]]}
                toneMapped={false}
              />
            </mesh>
            <UiText
              text={`[${sev}] ${asset ? localize(asset.name, lang) : alert.assetId} ${clock(alert.raisedAt)}\n${localize(alert.message, lang)}`}
              fontSize={HUD_TEXT.body}
              lineHeight={1.15}
              anchorX="left"
              color={alert.acked ? '#777777' : '#1d1d1f'}
              position={[-WIDTH / 2 + 0.07, 0, 0]}
              maxWidth={WIDTH - 0.3}
            />
            <Button
              label={localize(alert.acked ? twinStrings.acked : twinStrings.ack, lang)}
              width={0.16}
              height={0.07}
              fontSize={HUD_TEXT.body}
              position={[WIDTH / 2 - 0.11, 0, 0.005]}
              variant={alert.acked ? 'secondary' : 'primary'}
              disabled={alert.acked}
              onPress={() => ackAlert(runtime, alert.key)}
              name={`twin-alert-ack:${alert.key}`}
            />
          </group>
        )
      })}
    </Panel>
  )
}
