// The inspection route's card: which stop of how many, what to check, the anomalies found there (live),
// pass / fail; at the end the saved report as a visitor can use it: a readable summary, a QR code of
// the CSV on the server's LAN address for a phone, and on a desktop a download button (or why saving
// failed).
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, Panel, QrCode, UiText } from '../../../platform/ui'
import { parseAppUrl } from '../../../platform/url'
import { useXRSession } from '../../../platform/xr'
import type { TwinContent } from '../../../schema/kinds/twin'
import { inspectionCsvPath } from '../../../shared/twin/http-contracts'
import { HUD_BOXES, HUD_TEXT } from '../logic/hud-plan'
import { inspectStop, reportSummary } from '../logic/inspection-route'
import { closeInspection, markStop, useTwinUi } from '../twin-store'
import { fill, twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

const W = HUD_BOXES.inspection.w
const H = HUD_BOXES.inspection.h
const QR_SIZE = 0.24

/** Starts a download of a same-origin file the way a link with `download` does. */
function download(path: string): void {
  const a = document.createElement('a')
  a.href = path
  a.download = ''
  document.body.append(a)
  a.click()
  a.remove()
}

export function InspectionCard({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const inspection = useTwinUi((s) => s.inspection)
  const xr = useXRSession((s) => s.mode !== null)
  const stops = twin.inspection?.stops ?? []
  const stop = stops[inspection.index]
  const asset = twin.assets.find((a) => a.id === stop?.asset)
  if (!stop || !asset) return null
  const l = (key: keyof typeof twinStrings) => localize(twinStrings[key], lang)
  const done = inspection.savedId !== null
  const top = H / 2
  const header = (
    <UiText
      text={
        done
          ? fill(l('reportTitle'), { id: inspection.savedId ?? '' })
          : `${fill(l('inspectionStop'), { n: inspection.index + 1, total: stops.length })} · ${localize(asset.name, lang)}`
      }
      fontSize={HUD_TEXT.body}
      anchorX="left"
      maxWidth={W - 0.08}
      position={[-W / 2 + 0.04, top - 0.05, 0]}
      name="twin-inspection:header"
    />
  )
  if (done) {
    const csv = inspectionCsvPath(twin.parkId, inspection.savedId ?? 0)
    const summary = reportSummary(twin, inspection.items, lang)
    const lines = [
      fill(l('reportCounts'), { total: summary.total, passed: summary.passed, failed: summary.failed }),
      summary.failed > 0
        ? fill(l('reportFailedStops'), { names: summary.failedNames.join(lang === 'zh' ? '、' : ', ') })
        : l('reportAllPassed'),
      l('reportScan'),
    ]
    // A phone reaches the server at its LAN address; this page's own address may be localhost.
    const qrUrl = inspection.savedLanUrl ?? `${window.location.origin}${csv}`
    const desktop = !xr && !parseAppUrl(window.location.search).kiosk
    return (
      <Panel width={W} height={H} name="twin-inspection">
        {header}
        <UiText
          name="twin-inspection:result"
          text={lines.join('\n')}
          fontSize={HUD_TEXT.body}
          lineHeight={1.25}
          anchorX="left"
          anchorY="top"
          // 15 characters at HUD_TEXT.body: the counts line fits one line (its last character wrapped).
          maxWidth={W - QR_SIZE - 0.1}
          position={[-W / 2 + 0.04, top - 0.1, 0]}
        />
        <QrCode
          text={qrUrl}
          size={QR_SIZE}
          position={[W / 2 - 0.04 - QR_SIZE / 2, top - 0.1 - QR_SIZE / 2, 0.002]}
          name="twin-inspection:qr"
        />
        {desktop && (
          <Button
            label={l('reportDownload')}
            width={0.36}
            height={0.07}
            fontSize={HUD_TEXT.body}
            position={[-W / 2 + 0.22, -top + 0.06, 0.005]}
            onPress={() => download(csv)}
            name="twin-inspection:download"
          />
        )}
        <Button
          label={l('finish')}
          width={0.18}
          height={0.07}
          fontSize={HUD_TEXT.body}
          position={[desktop ? -W / 2 + 0.52 : -W / 2 + 0.13, -top + 0.06, 0.005]}
          onPress={closeInspection}
          name="twin-inspection:close"
        />
      </Panel>
    )
  }
  return (
    <Panel width={W} height={H} name="twin-inspection">
      {header}
      {inspection.saving || inspection.error ? (
        <>
          <UiText
            name="twin-inspection:result"
            text={
              inspection.saving ? l('saving') : fill(l('reportFailed'), { reason: inspection.error ?? '' })
            }
            fontSize={HUD_TEXT.body}
            maxWidth={W - 0.08}
            position={[0, 0.02, 0]}
          />
          <Button
            label={l('finish')}
            width={0.24}
            position={[0, -top + 0.07, 0.005]}
            onPress={closeInspection}
            name="twin-inspection:close"
          />
        </>
      ) : (
        <>
          <UiText
            text={localize(stop.checklist, lang)}
            fontSize={HUD_TEXT.body}
            anchorX="left"
            anchorY="top"
            maxWidth={W - 0.08}
            position={[-W / 2 + 0.04, top - 0.1, 0]}
          />
          <LiveText
            name="twin-inspection:anomalies"
            get={() => {
              const f = inspectStop(twin, stop, runtime.read, runtime.alerts, lang)
              return f && f.anomalies.length > 0
                ? `${l('anomalies')}：${f.anomalies.join('；')}`
                : l('noAnomalies')
            }}
            version={() => runtime.revision}
            fontSize={HUD_TEXT.body}
            color="#b3261e"
            maxWidth={W - 0.08}
            position={[0, -0.04, 0]}
          />
          <Button
            label={l('pass')}
            width={0.26}
            variant="secondary"
            position={[-0.16, -top + 0.07, 0.005]}
            onPress={() => void markStop(runtime, twin, 'pass')}
            name="twin-inspection:pass"
          />
          <Button
            label={l('fail')}
            width={0.26}
            variant="danger"
            position={[0.16, -top + 0.07, 0.005]}
            onPress={() => void markStop(runtime, twin, 'fail')}
            name="twin-inspection:fail"
          />
        </>
      )}
    </Panel>
  )
}
