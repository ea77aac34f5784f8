// Formats readings for people: the scene's decimals and units, on/off for switches.
import type { TwinAsset, TwinContent, TwinMetricId } from '../../../schema/kinds/twin'
import type { MetricReader } from '../../../shared/twin/visual-rules'

export function formatValue(
  twin: TwinContent,
  metric: TwinMetricId,
  v: number | undefined,
  lang: 'zh' | 'en',
): string {
  if (v === undefined) return '—'
  const info = twin.metrics.find((m) => m.id === metric)
  if (metric === 'hvacOn') return v >= 0.5 ? (lang === 'zh' ? '开' : 'on') : lang === 'zh' ? '关' : 'off'
  const text = v.toFixed(info?.decimals ?? 0)
  const unit = info?.displayUnit ? info.displayUnit[lang] : info?.unit
  return unit ? `${text} ${unit}` : text
}

/** "功率 812 kW" lines for every metric of an asset (alarm left out: alerts have their own list). */
export function readingLines(
  twin: TwinContent,
  asset: TwinAsset,
  read: MetricReader,
  lang: 'zh' | 'en',
): string[] {
  return asset.metrics
    .filter((m) => m !== 'alarm')
    .map((m) => {
      const info = twin.metrics.find((i) => i.id === m)
      const label = info ? (lang === 'en' && info.label.en ? info.label.en : info.label.zh) : m
      return `${label} ${formatValue(twin, m, read(asset.id, m), lang)}`
    })
}

export function clock(ms: number): string {
  const d = new Date(ms)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}
