// The inspection route's card: which stop of how many, what to check, the anomalies found there (live),
// pass / fail, and at the end the saved report with its CSV link (or why saving failed).
import { localize, useLang } from '../../../platform/i18n'
import { Button, LiveText, Panel, UiText } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { inspectionCsvPath } from '../../../shared/twin/http-contracts'
import { inspectStop } from '../logic/inspection-route'
import { closeInspection, markStop, useTwinUi } from '../twin-store'
import { fill, twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

export function InspectionCard({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const inspection = useTwinUi((s) => s.inspection)
  const stops = twin.inspection?.stops ?? []
  const stop = stops[inspection.index]
  const asset = twin.assets.find((a) => a.id === stop?.asset)
  if (!stop || !asset) return null
  const l = (key: keyof typeof twinStrings) => localize(twinStrings[key], lang)
  const done = inspection.savedId !== null
  return (
    <Panel width={1.0} height={0.42} name="twin-inspection">
      <UiText
        text={`${fill(l('inspectionStop'), { n: inspection.index + 1, total: stops.length })} · ${localize(asset.name, lang)}`}
        fontSize={0.04}
        position={[0, 0.16, 0]}
      />
      {done || inspection.saving || inspection.error ? (
        <>
          <UiText
            name="twin-inspection:result"
            text={
              done
                ? fill(l('reportSaved'), {
                    id: inspection.savedId ?? '',
                    url: inspectionCsvPath(twin.parkId, inspection.savedId ?? 0),
                  })
                : inspection.saving
                  ? l('saving')
                  : fill(l('reportFailed'), { reason: inspection.error ?? '' })
            }
            fontSize={0.032}
            maxWidth={0.9}
            position={[0, 0.02, 0]}
          />
          <Button
            label={l('finish')}
            width={0.24}
            position={[0, -0.14, 0.005]}
            onPress={closeInspection}
            name="twin-inspection:close"
          />
        </>
      ) : (
        <>
          <UiText
            text={localize(stop.checklist, lang)}
            fontSize={0.03}
            maxWidth={0.92}
            position={[0, 0.085, 0]}
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
            fontSize={0.032}
            color="#b3261e"
            maxWidth={0.92}
            position={[0, 0.0, 0]}
          />
          <Button
            label={l('pass')}
            width={0.26}
            variant="secondary"
            position={[-0.16, -0.13, 0.005]}
            onPress={() => void markStop(runtime, twin, 'pass')}
            name="twin-inspection:pass"
          />
          <Button
            label={l('fail')}
            width={0.26}
            variant="danger"
            position={[0.16, -0.13, 0.005]}
            onPress={() => void markStop(runtime, twin, 'fail')}
            name="twin-inspection:fail"
          />
        </>
      )}
    </Panel>
  )
}
