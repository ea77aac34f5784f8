// Recorded telemetry for replay: per asset metric, a time-sorted series; `read` answers "what was the
// value at time t" (the last sample at or before t), so rules and alerts replay exactly as live.
import type { TwinMetricId } from '../../../schema/kinds/twin'
import type { HistoryRow } from '../../../shared/twin/http-contracts'

export class ReplayHistory {
  private readonly series = new Map<string, { ts: number[]; v: number[] }>()
  readonly from: number
  readonly to: number

  constructor(rows: readonly HistoryRow[]) {
    let from = Number.POSITIVE_INFINITY
    let to = Number.NEGATIVE_INFINITY
    const sorted = [...rows].sort((a, b) => a[2] - b[2])
    for (const [asset, metric, ts, v] of sorted) {
      const key = `${asset}/${metric}`
      let s = this.series.get(key)
      if (!s) {
        s = { ts: [], v: [] }
        this.series.set(key, s)
      }
      s.ts.push(ts)
      s.v.push(v)
      from = Math.min(from, ts)
      to = Math.max(to, ts)
    }
    this.from = Number.isFinite(from) ? from : 0
    this.to = Number.isFinite(to) ? to : 0
  }

  get empty(): boolean {
    return this.series.size === 0
  }

  valueAt(assetId: string, metric: TwinMetricId, t: number): number | undefined {
    const s = this.series.get(`${assetId}/${metric}`)
    if (!s || s.ts.length === 0 || t < s.ts[0]) return undefined
    let lo = 0
    let hi = s.ts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (s.ts[mid] <= t) lo = mid
      else hi = mid - 1
    }
    return s.v[lo]
  }

  /** The recorded points of one metric, for the 24-hour chart. */
  points(assetId: string, metric: TwinMetricId): Array<[number, number]> {
    const s = this.series.get(`${assetId}/${metric}`)
    return s ? s.ts.map((ts, i) => [ts, s.v[i]]) : []
  }
}
