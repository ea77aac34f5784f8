// The inspection (运维巡检) route as plain steps: what is found at a stop, which anomalies to flag,
// and the report the server stores. No React, so the route logic is testable on its own.
import type { LocalizedText } from '../../../schema/common'
import type { TwinAsset, TwinContent, TwinInspectionStop } from '../../../schema/kinds/twin'
import type { AlertEngine } from '../../../shared/twin/alert-engine'
import type { InspectionReportRequest } from '../../../shared/twin/http-contracts'
import { evaluateVisualRules, type MetricReader } from '../../../shared/twin/visual-rules'

/** One checked stop of a running inspection, as the report sends it. */
export interface InspectionItem {
  asset: string
  result: 'pass' | 'fail'
  readings: Record<string, number>
  anomalies: string[]
  checkedAt: number
}

export interface StopFindings {
  asset: TwinAsset
  stop: TwinInspectionStop
  readings: Record<string, number>
  /** Rule badges and active alerts at the asset, as text in the viewer's language. */
  anomalies: string[]
  /** The same in both languages, for the spoken findings (spoken-lines.ts). */
  anomalyTexts: LocalizedText[]
}

export function inspectStop(
  twin: TwinContent,
  stop: TwinInspectionStop,
  read: MetricReader,
  alerts: AlertEngine,
  lang: 'zh' | 'en',
): StopFindings | null {
  const asset = twin.assets.find((a) => a.id === stop.asset)
  if (!asset) return null
  const readings: Record<string, number> = {}
  for (const m of asset.metrics) {
    const v = read(asset.id, m)
    if (v !== undefined) readings[m] = v
  }
  const pick = (t: LocalizedText) => (lang === 'en' && t.en ? t.en : t.zh)
  const found = [
    ...alerts
      .active()
      .filter((a) => a.assetId === asset.id)
      .map((a) => a.message),
    ...evaluateVisualRules(twin.visualRules, asset, read).badges,
  ]
  const anomalyTexts = found.filter((t, i) => found.findIndex((o) => o.zh === t.zh) === i)
  return { asset, stop, readings, anomalies: [...new Set(found.map(pick))], anomalyTexts }
}

export function reportBody(
  items: InspectionItem[],
  startedAt: number,
  inspector: string,
  finishedAt: number,
): InspectionReportRequest {
  return { inspector, startedAt, finishedAt, items: items.map((it) => ({ ...it, note: '' })) }
}

/**
 * The saved report as a visitor reads it on the card, one line each: how many stops passed and
 * failed, and which failed (a bare CSV path is nothing a kiosk visitor can open).
 */
export function reportSummary(
  twin: TwinContent,
  items: readonly InspectionItem[],
  lang: 'zh' | 'en',
): { total: number; passed: number; failed: number; failedNames: string[] } {
  const failed = items.filter((i) => i.result === 'fail')
  return {
    total: items.length,
    passed: items.length - failed.length,
    failed: failed.length,
    failedNames: failed.map((i) => {
      const name = twin.assets.find((a) => a.id === i.asset)?.name
      return name ? (lang === 'en' && name.en ? name.en : name.zh) : i.asset
    }),
  }
}
