// The mutable buffer live telemetry lands in: written by the data source on every message, read by
// per-frame code (colours, needles, value texts). React never re-renders per message.
import type { TwinMetricId } from '../../../schema/kinds/twin'

export interface BufferedValue {
  v: number
  /** Reading time from the payload. */
  ts: number
  /** When this browser received it (performance-independent wall clock). */
  receivedAt: number
}

/** How many recent points per metric the live chart keeps (one per second: 10 minutes). */
const RECENT_POINTS = 600

export class TelemetryBuffer {
  private readonly values = new Map<string, BufferedValue>()
  private readonly recent = new Map<string, Array<[number, number]>>()
  /** Wall-clock time of the last message of any kind, for the "data stale" indicator. */
  lastMessageAt = 0
  /** Count of messages accepted, for tests and diagnostics. */
  accepted = 0
  rejected = 0

  set(assetId: string, metric: TwinMetricId, v: number, ts: number, receivedAt = Date.now()): void {
    const key = `${assetId}/${metric}`
    const current = this.values.get(key)
    if (current && current.ts > ts) return
    if (current) {
      current.v = v
      current.ts = ts
      current.receivedAt = receivedAt
    } else this.values.set(key, { v, ts, receivedAt })
    let series = this.recent.get(key)
    if (!series) {
      series = []
      this.recent.set(key, series)
    }
    const last = series[series.length - 1]
    if (!last || ts - last[0] >= 900) {
      series.push([ts, v])
      if (series.length > RECENT_POINTS) series.splice(0, series.length - RECENT_POINTS)
    }
    this.lastMessageAt = receivedAt
    this.accepted++
  }

  get(assetId: string, metric: TwinMetricId): BufferedValue | undefined {
    return this.values.get(`${assetId}/${metric}`)
  }

  read = (assetId: string, metric: TwinMetricId): number | undefined =>
    this.values.get(`${assetId}/${metric}`)?.v

  recentSeries(assetId: string, metric: TwinMetricId): ReadonlyArray<[number, number]> {
    return this.recent.get(`${assetId}/${metric}`) ?? []
  }
}
