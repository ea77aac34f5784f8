// Everything the park says out loud, each named so the build voices it and a venue can record it.
// An alert names no live value (its rule's message is fixed), so every alert a rule can raise on an
// asset is one whole voiced sentence. An inspection stop's findings change with the data, so the stop
// is spoken from voiced parts: the asset, "no anomalies" or "anomalies:" and each one found, then what
// to check. Its live readings are not spoken: they stand in the asset panel beside the card, where a
// number is read faster and more exactly than eSpeak says "四百一十二点五千瓦".
import type { LocalizedText } from '../../../schema/common'
import type {
  TwinAlertRule,
  TwinAlertSeverity,
  TwinAsset,
  TwinContent,
  TwinInspectionStop,
} from '../../../schema/kinds/twin'
import type { SpokenLine } from '../../../shared/narration-index'
import { ruleCovers } from '../../../shared/twin/visual-rules'

const SEVERITY_SPOKEN: Record<TwinAlertSeverity, LocalizedText> = {
  critical: { zh: '严重告警', en: 'Critical alert' },
  warning: { zh: '预警', en: 'Warning' },
  info: { zh: '提示', en: 'Notice' },
}

/** A full stop after a scene's text, unless it ends in one already. */
function stop(text: string, lang: 'zh' | 'en'): string {
  if (/[。！？.!?]$/.test(text)) return text
  return `${text}${lang === 'zh' ? '。' : '.'}`
}

/** English as the scene gives it; a text with no English is shown in Chinese and not voiced in English. */
const en = (t: LocalizedText) => t.en || t.zh

/** What is said when `rule` raises an alert on `asset`: "严重告警：智能制造车间，用电功率超过合同容量。" */
export function alertSpeech(
  rule: Pick<TwinAlertRule, 'severity' | 'message'>,
  asset: Pick<TwinAsset, 'name'>,
): LocalizedText {
  const level = SEVERITY_SPOKEN[rule.severity]
  const english = asset.name.en && rule.message.en
  return {
    zh: stop(`${level.zh}：${asset.name.zh}，${rule.message.zh}`, 'zh'),
    en: english ? stop(`${level.en}: ${asset.name.en}. ${rule.message.en}`, 'en') : '',
  }
}

/** A breath after each part of an inspection stop, which would otherwise run into the next. */
const PART_PAUSE_MS = 350
const INSPECTION_CLEAR: LocalizedText = { zh: '无异常。', en: 'No anomalies.' }
const INSPECTION_ANOMALIES: LocalizedText = { zh: '异常：', en: 'Anomalies:' }

function assetIntro(asset: Pick<TwinAsset, 'name'>): LocalizedText {
  return { zh: stop(asset.name.zh, 'zh'), en: asset.name.en ? stop(asset.name.en, 'en') : '' }
}

/**
 * What is said at an inspection stop, and the voiced parts it is spoken from: the asset, its
 * anomalies (alert messages and rule badges, as the card lists them) or "no anomalies", then the
 * stop's checklist.
 */
export function inspectionSpeech(
  asset: Pick<TwinAsset, 'name'>,
  stop: Pick<TwinInspectionStop, 'checklist'>,
  anomalies: readonly LocalizedText[],
): { text: LocalizedText; parts: LocalizedText[] } {
  const check = checklistOf(stop)
  const found = anomalies.length > 0
  const say = (lang: 'zh' | 'en') => {
    const pick = (t: LocalizedText) => (lang === 'zh' ? t.zh : en(t))
    const status = found
      ? `${pick(INSPECTION_ANOMALIES)}${lang === 'en' ? ' ' : ''}${anomalies.map(pick).join(lang === 'zh' ? '，' : ', ')}${lang === 'zh' ? '。' : '.'}`
      : pick(INSPECTION_CLEAR)
    return [pick(assetIntro(asset)), status, pick(check)].join(lang === 'zh' ? '' : ' ')
  }
  return {
    text: { zh: say('zh'), en: say('en') },
    parts: [assetIntro(asset), ...(found ? [INSPECTION_ANOMALIES, ...anomalies] : [INSPECTION_CLEAR]), check],
  }
}

function checklistOf(stop: Pick<TwinInspectionStop, 'checklist'>): LocalizedText {
  return stop.checklist
}

export function twinSpokenLines(twin: TwinContent): SpokenLine[] {
  const lines: SpokenLine[] = []
  for (const rule of twin.alertRules)
    for (const asset of twin.assets)
      if (ruleCovers(rule, asset))
        lines.push({ id: `alert-${rule.id}-${asset.id}`, text: alertSpeech(rule, asset) })
  const stops = twin.inspection?.stops ?? []
  if (stops.length === 0) return lines
  lines.push(
    { id: 'inspection-clear', text: INSPECTION_CLEAR, pauseAfterMs: PART_PAUSE_MS },
    { id: 'inspection-anomalies', text: INSPECTION_ANOMALIES, pauseAfterMs: PART_PAUSE_MS / 2 },
  )
  // Any anomaly the card can list: an alert rule's message or a visual rule's badge.
  for (const rule of twin.alertRules)
    lines.push({ id: `anomaly-${rule.id}`, text: rule.message, pauseAfterMs: PART_PAUSE_MS })
  for (const rule of twin.visualRules)
    if (rule.badge) lines.push({ id: `badge-${rule.id}`, text: rule.badge, pauseAfterMs: PART_PAUSE_MS })
  const inspected = new Set<string>()
  for (const s of stops) {
    const asset = twin.assets.find((a) => a.id === s.asset)
    if (!asset || inspected.has(asset.id)) continue
    inspected.add(asset.id)
    lines.push(
      { id: `inspect-${asset.id}`, text: assetIntro(asset), pauseAfterMs: PART_PAUSE_MS },
      { id: `inspect-${asset.id}-check`, text: checklistOf(s) },
    )
  }
  return lines
}
