// Visitor analytics in the shared SQLite file: one row per event, stamped with the server's clock (a
// page's clock is not trusted), summarised per day for the operator console and exported as CSV. Rows
// older than the retention are deleted at start and every hour.
import type { AnalyticsEvent, DaySummary } from '../../shared/analytics/analytics-contracts'
import { csvField } from '../http/csv'
import type { Db } from '../storage/database'

const DAY_MS = 24 * 3600 * 1000

interface EventRow {
  at: number
  visit: string
  type: string
  scene: string | null
  detail: string | null
  value: number | null
  total: number | null
}

/** `YYYY-MM-DD` of `ms` in the server's time zone, as staff read the day. */
export function localDay(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export class AnalyticsStore {
  constructor(
    private readonly db: Db,
    readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS analytics_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, visit TEXT NOT NULL, type TEXT NOT NULL,
      scene TEXT, detail TEXT, value REAL, total REAL
    );
    CREATE INDEX IF NOT EXISTS analytics_events_at ON analytics_events (at);`)
  }

  /** Stores one page's batch in one transaction; throws what SQLite throws (a full disk), stores nothing then. */
  record(visit: string, events: readonly AnalyticsEvent[]): void {
    const at = this.now()
    const insert = this.db.prepare(
      'INSERT INTO analytics_events (at, visit, type, scene, detail, value, total) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.db.transaction(() => {
      for (const e of events) {
        const row = columns(e)
        insert.run(at, visit, e.type, row.scene, row.detail, row.value, row.total)
      }
    })()
  }

  /** Deletes rows past the retention; returns how many. */
  prune(): number {
    const cutoff = this.now() - this.retentionDays * DAY_MS
    return this.db.prepare('DELETE FROM analytics_events WHERE at < ?').run(cutoff).changes
  }

  /** The last `days` days (today included) that have events, oldest first. */
  summary(days: number): DaySummary[] {
    const rows = this.db
      .prepare(
        'SELECT at, visit, type, scene, detail, value, total FROM analytics_events WHERE at >= ? ORDER BY at',
      )
      .all(this.now() - days * DAY_MS) as EventRow[]
    const byDay = new Map<string, EventRow[]>()
    for (const row of rows) {
      const day = localDay(row.at)
      const list = byDay.get(day)
      if (list) list.push(row)
      else byDay.set(day, [row])
    }
    return [...byDay.entries()].map(([day, list]) => summariseDay(day, list))
  }

  /** Every stored event as CSV (UTF-8 BOM so Excel reads it as UTF-8), oldest first. */
  csv(): string {
    const rows = this.db
      .prepare('SELECT at, visit, type, scene, detail, value, total FROM analytics_events ORDER BY at, id')
      .all() as EventRow[]
    const lines = ['time,visit,event,scene,detail,value,total']
    for (const r of rows)
      lines.push(
        [
          new Date(r.at).toISOString(),
          r.visit,
          r.type,
          r.scene ?? '',
          r.detail ?? '',
          r.value ?? '',
          r.total ?? '',
        ]
          .map((v) => csvField(String(v)))
          .join(','),
      )
    return `\uFEFF${lines.join('\r\n')}\r\n`
  }
}

/** The event's fields in the table's generic columns. */
function columns(e: AnalyticsEvent): Pick<EventRow, 'scene' | 'detail' | 'value' | 'total'> {
  switch (e.type) {
    case 'scene-entered':
    case 'tour-completed':
    case 'hall-task-completed':
      return { scene: e.scene, detail: null, value: null, total: null }
    case 'scene-left':
      return { scene: e.scene, detail: null, value: e.seconds, total: null }
    case 'vr-entered':
      return { scene: e.scene, detail: null, value: null, total: null }
    case 'tour-stop':
      return { scene: e.scene, detail: e.stop, value: e.seconds, total: null }
    case 'quiz-scored':
      return { scene: e.scene, detail: null, value: e.correct, total: e.total }
    case 'error':
      return { scene: e.scene, detail: e.what, value: null, total: null }
  }
}

function summariseDay(day: string, rows: EventRow[]): DaySummary {
  const count = (type: string) => rows.filter((r) => r.type === type).length
  const quizzes = rows.filter((r) => r.type === 'quiz-scored' && r.total)
  const scenes = new Map<string, { entries: number; seconds: number; left: number }>()
  const scene = (id: string) => {
    const s = scenes.get(id) ?? { entries: 0, seconds: 0, left: 0 }
    scenes.set(id, s)
    return s
  }
  for (const r of rows) {
    if (!r.scene) continue
    if (r.type === 'scene-entered') scene(r.scene).entries++
    if (r.type === 'scene-left' && r.value !== null) {
      const s = scene(r.scene)
      s.seconds += r.value
      s.left++
    }
  }
  return {
    day,
    visits: new Set(rows.map((r) => r.visit)).size,
    vrEntries: count('vr-entered'),
    toursCompleted: count('tour-completed'),
    hallTasksCompleted: count('hall-task-completed'),
    meanQuizScore:
      quizzes.length === 0
        ? null
        : quizzes.reduce((sum, r) => sum + (r.value ?? 0) / (r.total ?? 1), 0) / quizzes.length,
    errors: count('error'),
    scenes: [...scenes.entries()]
      .map(([id, s]) => ({ scene: id, entries: s.entries, meanSeconds: s.left ? s.seconds / s.left : null }))
      .sort((a, b) => b.entries - a.entries),
  }
}
