// Records park telemetry into the shared SQLite file for history and replay: the last value of each
// asset metric per minute (1440 rows per metric per day), written in one transaction every few seconds,
// and kept for 24 hours plus a margin.
// A full or read-only disk never throws out of `flush`: the rows stay in memory (at most
// MAX_PENDING_ROWS, the oldest minutes go first), `saving` turns false, and the next flush that
// succeeds writes them all. A reading never overwrites a stored minute with an older reading.
import { MAX_AHEAD_MS } from '../../shared/twin/reading-clock'
import type { Db } from '../storage/database'

export const RETENTION_MS = 25 * 3600_000
const MINUTE = 60_000
/**
 * Rows kept in memory while the database refuses writes: about 2 hours of the demo park (68 metrics,
 * one row per metric and minute), about 10 MB.
 */
export const MAX_PENDING_ROWS = 8_000

/** True for the errors a full, read-only or vanished database file raises; anything else is a bug. */
export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_') || ['ENOSPC', 'EROFS', 'EACCES', 'EIO'].includes(code))
  )
}

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
  /** False from a failed write until the next successful one. */
  saving = true
  /** Rows dropped because memory was full while the database refused writes (since start). */
  droppedRows = 0
  /** The error of the last failed write, for the log. */
  lastError: string | null = null

  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS twin_samples (
      park TEXT NOT NULL, asset TEXT NOT NULL, metric TEXT NOT NULL, minute INTEGER NOT NULL,
      ts INTEGER NOT NULL, v REAL NOT NULL,
      PRIMARY KEY (park, minute, asset, metric)
    ) WITHOUT ROWID`)
    this.upsert = db.prepare(
      `INSERT INTO twin_samples (park, asset, metric, minute, ts, v) VALUES (@park, @asset, @metric, @minute, @ts, @v)
       ON CONFLICT (park, minute, asset, metric) DO UPDATE SET ts = excluded.ts, v = excluded.v
       WHERE excluded.ts > twin_samples.ts`,
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
    if (current && current.ts > ts) return
    if (!current) this.makeRoom()
    this.pending.set(key, { park, asset, metric, minute, ts, v })
  }

  /** Rows waiting for the database. */
  get unsaved(): number {
    return this.pending.size
  }

  /** Drops the oldest pending row when memory is full (the Map keeps insertion order, oldest first). */
  private makeRoom(): void {
    if (this.pending.size < MAX_PENDING_ROWS) return
    const oldest = this.pending.keys().next().value
    if (oldest !== undefined) this.pending.delete(oldest)
    this.droppedRows++
  }

  /**
   * Writes the pending rows in one transaction. On a storage error (full or read-only disk) it keeps them
   * for the next try and returns 0; it throws only on an error that is not about storage.
   */
  flush(): number {
    if (this.pending.size === 0) return 0
    const rows = [...this.pending.values()]
    try {
      this.writePending(rows)
    } catch (error) {
      if (!isStorageError(error)) throw error
      this.saving = false
      this.lastError = (error as Error).message
      return 0
    }
    this.pending.clear()
    this.saving = true
    this.lastError = null
    return rows.length
  }

  pruneOlderThan(now: number): void {
    try {
      this.prune.run(Math.floor((now - RETENTION_MS) / MINUTE))
    } catch (error) {
      if (!isStorageError(error)) throw error
    }
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

  /**
   * The last recorded value of every asset metric, to re-seed retained messages after a restart. Rows
   * dated in the future (beyond the skew rule) are never restored, whatever put them there.
   */
  latest(park: string, now = Date.now()): HistoryPoint[] {
    return this.db
      .prepare(
        `SELECT s.asset, s.metric, s.ts, s.v FROM twin_samples s
         JOIN (SELECT asset, metric, MAX(minute) AS minute FROM twin_samples
               WHERE park = @park AND ts <= @latest GROUP BY asset, metric) last
           ON s.asset = last.asset AND s.metric = last.metric AND s.minute = last.minute
         WHERE s.park = @park`,
      )
      .all({ park, latest: now + MAX_AHEAD_MS }) as HistoryPoint[]
  }
}
