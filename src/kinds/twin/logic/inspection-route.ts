// The inspection (运维巡检) route as plain steps: what to read out at a stop, which anomalies to flag,
// and the report the server stores. No React, so the route logic is testable on its own.
import type { LocalizedText } from '../../../schema/common'
import type { TwinAsset, TwinContent, TwinInspectionStop } from '../../../schema/kinds/twin'
import type { AlertEngine } from '../../../shared/twin/alert-engine'
import type { InspectionReportRequest } from '../../../shared/twin/http-contracts'
import { evaluateVisualRules, type MetricReader } from '../../../shared/twin/visual-rules'
import { readingLines } from './twin-format'

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
  const anomalies = [
    ...alerts
      .active()
      .filter((a) => a.assetId === asset.id)
      .map((a) => pick(a.message)),
    ...evaluateVisualRules(twin.visualRules, asset, read).badges.map(pick),
  ]
  return { asset, stop, readings, anomalies: [...new Set(anomalies)] }
}

/** The sentence read out at a stop: name, readings, anomalies, then what to check. */
export function stopNarration(twin: TwinContent, f: StopFindings, read: MetricReader): LocalizedText {
  const say = (lang: 'zh' | 'en') => {
    const readings = readingLines(twin, f.asset, read, lang)
      .slice(0, 4)
      .join(lang === 'zh' ? '，' : ', ')
    const none = lang === 'zh' ? '无异常' : 'no anomalies'
    const anomalies =
      f.anomalies.length > 0
        ? lang === 'zh'
          ? `异常：${f.anomalies.join('，')}`
          : `Anomalies: ${f.anomalies.join(', ')}`
        : none
    const name = lang === 'zh' ? f.asset.name.zh : f.asset.name.en || f.asset.name.zh
    const check = lang === 'zh' ? f.stop.checklist.zh : f.stop.checklist.en || f.stop.checklist.zh
    return lang === 'zh'
      ? `${name}。${readings}。${anomalies}。${check}`
      : `${name}. ${readings}. ${anomalies}. ${check}`
  }
  return { zh: say('zh'), en: say('en') }
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
