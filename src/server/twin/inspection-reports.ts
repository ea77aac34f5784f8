// Inspection (运维巡检) reports: saved per park in the shared SQLite file, listed, and exported as CSV
// that opens correctly in Excel (UTF-8 BOM, quoted fields, no formula injection).
import type { TwinContent } from '../../schema/kinds/twin'
import type { InspectionReportInput, InspectionSummary } from '../../shared/twin/http-contracts'
import { csvField } from '../http/csv'
import type { Db } from '../storage/database'

export class InspectionReports {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS twin_inspections (
      id INTEGER PRIMARY KEY AUTOINCREMENT, park TEXT NOT NULL, inspector TEXT NOT NULL,
      started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL, created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS twin_inspection_items (
      inspection_id INTEGER NOT NULL REFERENCES twin_inspections(id), seq INTEGER NOT NULL, asset TEXT NOT NULL,
      result TEXT NOT NULL CHECK (result IN ('pass', 'fail')), note TEXT NOT NULL, readings TEXT NOT NULL,
      anomalies TEXT NOT NULL, checked_at INTEGER NOT NULL, PRIMARY KEY (inspection_id, seq)
    );`)
  }

  /** Saves a report after checking every asset exists in the park; returns its id. */
  save(
    park: string,
    twin: TwinContent,
    report: InspectionReportInput,
  ): { ok: true; id: number } | { ok: false; reason: string } {
    const unknown = report.items.find((item) => !twin.assets.some((a) => a.id === item.asset))
    if (unknown) return { ok: false, reason: `unknown asset "${unknown.asset}"` }
    const insert = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          'INSERT INTO twin_inspections (park, inspector, started_at, finished_at, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(park, report.inspector, report.startedAt, report.finishedAt, Date.now())
      const item = this.db.prepare(
        'INSERT INTO twin_inspection_items (inspection_id, seq, asset, result, note, readings, anomalies, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      for (const [seq, it] of report.items.entries())
        item.run(
          lastInsertRowid,
          seq,
          it.asset,
          it.result,
          it.note,
          JSON.stringify(it.readings),
          JSON.stringify(it.anomalies),
          it.checkedAt,
        )
      return Number(lastInsertRowid)
    })
    return { ok: true, id: insert() }
  }

  list(park: string): InspectionSummary[] {
    return this.db
      .prepare(
        `SELECT i.id, i.inspector, i.started_at AS startedAt, i.finished_at AS finishedAt,
           SUM(it.result = 'pass') AS passCount, SUM(it.result = 'fail') AS failCount
         FROM twin_inspections i JOIN twin_inspection_items it ON it.inspection_id = i.id
         WHERE i.park = ? GROUP BY i.id ORDER BY i.id DESC LIMIT 200`,
      )
      .all(park) as InspectionSummary[]
  }

  /** The report as CSV, or null when there is no such report in this park. */
  csv(park: string, id: number, twin: TwinContent): string | null {
    const head = this.db.prepare('SELECT * FROM twin_inspections WHERE id = ? AND park = ?').get(id, park) as
      | { id: number; inspector: string; started_at: number; finished_at: number }
      | undefined
    if (!head) return null
    const items = this.db
      .prepare('SELECT * FROM twin_inspection_items WHERE inspection_id = ? ORDER BY seq')
      .all(id) as Array<{
      seq: number
      asset: string
      result: string
      note: string
      readings: string
      anomalies: string
      checked_at: number
    }>
    const rows: string[][] = [
      [
        'report',
        'inspector',
        'stop',
        'asset',
        '资产 / name',
        'result',
        'anomalies',
        'note',
        'readings',
        'checked_at',
      ],
    ]
    for (const it of items) {
      const asset = twin.assets.find((a) => a.id === it.asset)
      const readings = Object.entries(JSON.parse(it.readings) as Record<string, number>)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ')
      rows.push([
        String(head.id),
        head.inspector,
        String(it.seq + 1),
        it.asset,
        asset ? `${asset.name.zh} / ${asset.name.en}` : it.asset,
        it.result,
        (JSON.parse(it.anomalies) as string[]).join('; '),
        it.note,
        readings,
        new Date(it.checked_at).toISOString(),
      ])
    }
    return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`
  }
}
