// Records park telemetry into the shared SQLite file for history and replay: the last value of each
// asset metric per minute (1440 rows per metric per day), written in one transaction every few seconds,
// and kept for 24 hours plus a margin.
import type { Db } from '../storage/database'

export const RETENTION_MS = 25 * 3600_000
const MINUTE = 60_000

export interface HistoryPoint {
  asset: string
  metric: string
  ts: number
  v: number
}

export class TelemetryRecorder {
  private readonly pending = new Map<
    string,
    { park: string; asset: string; metric: string; minute: number; ts: number; v: number }
  >()
  private readonly upsert
  private readonly prune
  private readonly writePending

  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS twin_samples (
      park TEXT NOT NULL, asset TEXT NOT NULL, metric TEXT NOT NULL, minute INTEGER NOT NULL,
      ts INTEGER NOT NULL, v REAL NOT NULL,
      PRIMARY KEY (park, minute, asset, metric)
    ) WITHOUT ROWID`)
    this.upsert = db.prepare(
      'INSERT OR REPLACE INTO twin_samples (park, asset, metric, minute, ts, v) VALUES (@park, @asset, @metric, @minute, @ts, @v)',
    )
    this.prune = db.prepare('DELETE FROM twin_samples WHERE minute < ?')
    this.writePending = db.transaction((rows: Array<Record<string, string | number>>) => {
      for (const row of rows) this.upsert.run(row)
    })
  }

  /** Keeps the latest reading per asset metric and minute until the next flush. */
  record(park: string, asset: string, metric: string, ts: number, v: number): void {
    const minute = Math.floor(ts / MINUTE)
    const key = `${park}/${asset}/${metric}/${minute}`
    const current = this.pending.get(key)
    if (!current || current.ts <= ts) this.pending.set(key, { park, asset, metric, minute, ts, v })
  }

  flush(): number {
    if (this.pending.size === 0) return 0
    const rows = [...this.pending.values()]
    this.pending.clear()
    this.writePending(rows)
    return rows.length
  }

  pruneOlderThan(now: number): void {
    this.prune.run(Math.floor((now - RETENTION_MS) / MINUTE))
  }

  /** Readings of one park between two times, optionally averaged down to one point per `stepMinutes`. */
  history(park: string, from: number, to: number, stepMinutes = 1, asset?: string): HistoryPoint[] {
    const step = Math.max(1, Math.floor(stepMinutes))
    const params = {
      park,
      from: Math.floor(from / MINUTE),
      to: Math.floor(to / MINUTE),
      step,
      asset: asset ?? null,
    }
    return this.db
      .prepare(
        `SELECT asset, metric, MAX(ts) AS ts, AVG(v) AS v FROM twin_samples
         WHERE park = @park AND minute BETWEEN @from AND @to AND (@asset IS NULL OR asset = @asset)
         GROUP BY asset, metric, minute / @step ORDER BY ts`,
      )
      .all(params) as HistoryPoint[]
  }

  /** The last recorded value of every asset metric, to re-seed retained messages after a restart. */
  latest(park: string): HistoryPoint[] {
    return this.db
      .prepare(
        `SELECT s.asset, s.metric, s.ts, s.v FROM twin_samples s
         JOIN (SELECT asset, metric, MAX(minute) AS minute FROM twin_samples WHERE park = ? GROUP BY asset, metric) last
           ON s.asset = last.asset AND s.metric = last.metric AND s.minute = last.minute
         WHERE s.park = ?`,
      )
      .all(park, park) as HistoryPoint[]
  }
}
