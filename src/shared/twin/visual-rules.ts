// The rules engine: turns the latest readings into what each asset looks like (tint and badges),
// following the scene's visual rules. Pure, so the same code drives live view, replay and tests.
import type { LocalizedText } from '../../schema/common'
import type {
  TwinAsset,
  TwinCondition,
  TwinMetricId,
  TwinThreshold,
  TwinVisualRule,
} from '../../schema/kinds/twin'

/** Reads the latest value of one metric of one asset; undefined when nothing has arrived yet. */
export type MetricReader = (assetId: string, metric: TwinMetricId) => number | undefined

export function resolveThreshold(
  threshold: TwinThreshold,
  asset: Pick<TwinAsset, 'contractKw' | 'capacity'>,
): number {
  if (threshold.of === 'contractKw') return threshold.value * asset.contractKw
  if (threshold.of === 'capacity') return threshold.value * asset.capacity
  return threshold.value
}

export function compare(value: number, op: TwinCondition['op'], limit: number): boolean {
  switch (op) {
    case '>':
      return value > limit
    case '>=':
      return value >= limit
    case '<':
      return value < limit
    case '<=':
      return value <= limit
    case '==':
      return value === limit
    case '!=':
      return value !== limit
  }
}

/** A missing reading never matches: no data is shown as "stale", not as an alarm. */
export function conditionHolds(condition: TwinCondition, asset: TwinAsset, read: MetricReader): boolean {
  const value = read(asset.id, condition.metric)
  if (value === undefined) return false
  return compare(value, condition.op, resolveThreshold(condition.threshold, asset))
}

/** A rule covers an asset when the asset reports the metric and the rule does not name other assets. */
export function ruleCovers(rule: { assets?: string[]; when: TwinCondition }, asset: TwinAsset): boolean {
  if (!asset.metrics.includes(rule.when.metric)) return false
  return rule.assets === undefined || rule.assets.includes(asset.id)
}

export interface AssetLook {
  /** Tint from the last matching rule with a colour; null means the model's own colours. */
  color: string | null
  badges: LocalizedText[]
  /** Ids of the rules that matched, for tests and the panel. */
  matched: string[]
}

/** Later rules win the tint, so authors list them from mild to severe (amber, then red). */
export function evaluateVisualRules(
  rules: readonly TwinVisualRule[],
  asset: TwinAsset,
  read: MetricReader,
): AssetLook {
  const look: AssetLook = { color: null, badges: [], matched: [] }
  for (const rule of rules) {
    if (!ruleCovers(rule, asset) || !conditionHolds(rule.when, asset, read)) continue
    look.matched.push(rule.id)
    if (rule.color) look.color = rule.color
    if (rule.badge) look.badges.push(rule.badge)
  }
  return look
}
