// Alert state machine: a rule's condition held for `holdSeconds` raises an alert; a viewer acknowledges
// it; it clears when the condition ends. Time comes in as explicit milliseconds, so live data, replay
// at 60× and unit tests all drive it the same way.
import type { LocalizedText } from '../../schema/common'
import type { TwinAlertRule, TwinAlertSeverity, TwinAsset } from '../../schema/kinds/twin'
import { conditionHolds, type MetricReader, ruleCovers } from './visual-rules'

export interface TwinAlert {
  /** `<ruleId>@<assetId>`: one alert per rule and asset at a time. */
  key: string
  ruleId: string
  assetId: string
  severity: TwinAlertSeverity
  message: LocalizedText
  /** When the condition started to hold. */
  since: number
  raisedAt: number
  acked: boolean
  ackedAt?: number
}

export type AlertEvent = { type: 'raised' | 'cleared' | 'acked'; alert: TwinAlert }

export const SEVERITY_LEVEL: Record<TwinAlertSeverity, number> = { info: 1, warning: 2, critical: 3 }

export class AlertEngine {
  private readonly pending = new Map<string, number>()
  private readonly activeAlerts = new Map<string, TwinAlert>()
  /** Bumped on every change so a UI can re-render only when the list really changed. */
  version = 0

  constructor(
    private readonly rules: readonly TwinAlertRule[],
    private readonly assets: readonly TwinAsset[],
  ) {}

  /** Re-evaluates every rule on every asset at time `now` (ms) and returns what changed. */
  update(now: number, read: MetricReader): AlertEvent[] {
    const events: AlertEvent[] = []
    for (const rule of this.rules) {
      for (const asset of this.assets) {
        if (!ruleCovers(rule, asset)) continue
        const key = `${rule.id}@${asset.id}`
        if (conditionHolds(rule.when, asset, read)) {
          if (this.activeAlerts.has(key)) continue
          const since = this.pending.get(key) ?? now
          this.pending.set(key, since)
          if (now - since >= rule.holdSeconds * 1000) {
            const alert: TwinAlert = {
              key,
              ruleId: rule.id,
              assetId: asset.id,
              severity: rule.severity,
              message: rule.message,
              since,
              raisedAt: now,
              acked: false,
            }
            this.pending.delete(key)
            this.activeAlerts.set(key, alert)
            events.push({ type: 'raised', alert })
          }
        } else {
          this.pending.delete(key)
          const alert = this.activeAlerts.get(key)
          if (alert) {
            this.activeAlerts.delete(key)
            events.push({ type: 'cleared', alert })
          }
        }
      }
    }
    if (events.length > 0) this.version++
    return events
  }

  /** Marks an alert as seen. It stays listed (greyed) until its condition ends. */
  ack(key: string, now: number): AlertEvent | null {
    const alert = this.activeAlerts.get(key)
    if (!alert || alert.acked) return null
    alert.acked = true
    alert.ackedAt = now
    this.version++
    return { type: 'acked', alert }
  }

  /** Active alerts, most severe first, then newest first. */
  active(): TwinAlert[] {
    return [...this.activeAlerts.values()].sort(
      (a, b) => SEVERITY_LEVEL[b.severity] - SEVERITY_LEVEL[a.severity] || b.raisedAt - a.raisedAt,
    )
  }

  /** Highest active severity level of one asset (0 none, 1 info, 2 warning, 3 critical): the "alarm" metric. */
  levelOf(assetId: string): number {
    let level = 0
    for (const alert of this.activeAlerts.values()) {
      if (alert.assetId === assetId) level = Math.max(level, SEVERITY_LEVEL[alert.severity])
    }
    return level
  }

  /** Forgets everything, e.g. when a replay jumps in time. */
  reset(): void {
    this.pending.clear()
    this.activeAlerts.clear()
    this.version++
  }
}
