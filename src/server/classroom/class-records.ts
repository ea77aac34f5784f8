// What a live class needs to come back after a server restart, in the same SQLite file as the quiz answers:
// its code and scene, slide, quiz phase and session, movement lock and lab model, its members (by the hash
// of their memberToken, with role, name and seat) and whom the teacher removed. Each row is written when it
// changes (WAL + synchronous=FULL), never on a timer a crash would lose. On start the classroom module
// restores every class not ended and changed within CLASS_RESTORE_HOURS (classroom-module.ts).
// A full or read-only disk never throws out of a write: the class goes on in memory and the log says so.
import type { ClassroomRole } from '../../shared/classroom/classroom-roles'
import type { Db } from '../storage/database'
import { STORAGE_FAULT, type StorageFaultReport } from './quiz-results-store'

/** A class whose last recorded change is older than this is not restored (the lesson is long over). */
export const CLASS_RESTORE_HOURS = 12

export type QuizPhase = 'idle' | 'open' | 'closed'

export interface ClassMemberRecord {
  /** Hash of the member's token (never the token), or a session id for a client that sent none. */
  key: string
  role: ClassroomRole
  name: string
  seatId: string
}

export interface ClassRecord {
  code: string
  scene: string
  slide: number
  quizPhase: QuizPhase
  quizSessionId: string
  movementLocked: boolean
  modelId: string
  members: ClassMemberRecord[]
  kickedKeys: string[]
  kickedNames: string[]
}

export type ClassFields = Partial<
  Pick<ClassRecord, 'slide' | 'quizPhase' | 'quizSessionId' | 'movementLocked' | 'modelId'>
>

const COLUMNS: Record<keyof ClassFields, string> = {
  slide: 'slide',
  quizPhase: 'quiz_phase',
  quizSessionId: 'quiz_session_id',
  movementLocked: 'movement_locked',
  modelId: 'model_id',
}

export class ClassRecords {
  private lastReport = 0

  constructor(
    private readonly db: Db,
    private readonly report: (fault: StorageFaultReport) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS classroom_classes (
        code TEXT PRIMARY KEY,
        scene TEXT NOT NULL,
        slide INTEGER NOT NULL DEFAULT 0,
        quiz_phase TEXT NOT NULL DEFAULT 'idle',
        quiz_session_id TEXT NOT NULL DEFAULT '',
        movement_locked INTEGER NOT NULL DEFAULT 0,
        model_id TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS classroom_class_members (
        code TEXT NOT NULL,
        member_key TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        seat_id TEXT NOT NULL,
        PRIMARY KEY (code, member_key, role)
      );
      CREATE TABLE IF NOT EXISTS classroom_class_kicked (
        code TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (code, kind, value)
      );
    `)
  }

  /** Runs a write; a storage fault is reported (at most once a minute) instead of thrown. */
  private write(run: () => void): boolean {
    try {
      this.db.transaction(run)()
      return true
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '')
      if (!STORAGE_FAULT.test(code)) throw error
      const now = this.now()
      if (now - this.lastReport > 60_000) {
        this.lastReport = now
        this.report({ code, message: (error as Error).message })
      }
      return false
    }
  }

  private touch(code: string): void {
    this.db.prepare('UPDATE classroom_classes SET changed_at = ? WHERE code = ?').run(this.now(), code)
  }

  /** A new class under `code` (an ended class's old rows under the same code go). */
  create(code: string, scene: string): boolean {
    return this.write(() => {
      for (const table of ['classroom_classes', 'classroom_class_members', 'classroom_class_kicked'])
        this.db.prepare(`DELETE FROM ${table} WHERE code = ?`).run(code)
      const now = this.now()
      this.db
        .prepare('INSERT INTO classroom_classes (code, scene, created_at, changed_at) VALUES (?, ?, ?, ?)')
        .run(code, scene, now, now)
    })
  }

  update(code: string, fields: ClassFields): boolean {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [
      keyof ClassFields,
      unknown,
    ][]
    if (entries.length === 0) return true
    const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')
    const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))
    return this.write(() => {
      this.db
        .prepare(`UPDATE classroom_classes SET ${sets}, changed_at = ? WHERE code = ?`)
        .run(...values, this.now(), code)
    })
  }

  /** Records (or renames, or re-seats) a member who joined. */
  member(code: string, m: ClassMemberRecord): boolean {
    return this.write(() => {
      this.db
        .prepare(
          `INSERT INTO classroom_class_members (code, member_key, role, name, seat_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (code, member_key, role) DO UPDATE SET name = excluded.name, seat_id = excluded.seat_id`,
        )
        .run(code, m.key, m.role, m.name, m.seatId)
      this.touch(code)
    })
  }

  kick(code: string, key: string, nameKey: string): boolean {
    return this.write(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO classroom_class_kicked (code, kind, value) VALUES (?, ?, ?)',
      )
      insert.run(code, 'key', key)
      insert.run(code, 'name', nameKey)
      this.touch(code)
    })
  }

  /** The class is over (its room closed while the server ran): it is never restored. */
  end(code: string): boolean {
    return this.write(() => {
      this.db
        .prepare('UPDATE classroom_classes SET ended_at = ? WHERE code = ? AND ended_at IS NULL')
        .run(this.now(), code)
    })
  }

  /** Classes to restore: not ended, changed within CLASS_RESTORE_HOURS. */
  restorable(): ClassRecord[] {
    const since = this.now() - CLASS_RESTORE_HOURS * 3600_000
    const rows = this.db
      .prepare(
        `SELECT code, scene, slide, quiz_phase, quiz_session_id, movement_locked, model_id
         FROM classroom_classes WHERE ended_at IS NULL AND changed_at >= ? ORDER BY created_at`,
      )
      .all(since) as Array<Record<string, string | number>>
    const members = this.db.prepare(
      'SELECT member_key, role, name, seat_id FROM classroom_class_members WHERE code = ? ORDER BY rowid',
    )
    const kicked = this.db.prepare('SELECT kind, value FROM classroom_class_kicked WHERE code = ?')
    return rows.map((r) => {
      const code = String(r.code)
      const out = kicked.all(code) as Array<{ kind: string; value: string }>
      return {
        code,
        scene: String(r.scene),
        slide: Number(r.slide),
        quizPhase: asPhase(String(r.quiz_phase)),
        quizSessionId: String(r.quiz_session_id),
        movementLocked: r.movement_locked === 1,
        modelId: String(r.model_id),
        members: (members.all(code) as Array<Record<string, string>>).map((m) => ({
          key: m.member_key,
          role: m.role === 'teacher' ? 'teacher' : 'student',
          name: m.name,
          seatId: m.seat_id,
        })),
        kickedKeys: out.filter((k) => k.kind === 'key').map((k) => k.value),
        kickedNames: out.filter((k) => k.kind === 'name').map((k) => k.value),
      }
    })
  }

  /** Classes not restored because they were idle too long are ended, so they are not looked at again. */
  endExpired(): number {
    const since = this.now() - CLASS_RESTORE_HOURS * 3600_000
    let ended = 0
    this.write(() => {
      ended = this.db
        .prepare('UPDATE classroom_classes SET ended_at = ? WHERE ended_at IS NULL AND changed_at < ?')
        .run(this.now(), since).changes
    })
    return ended
  }
}

function asPhase(phase: string): QuizPhase {
  return phase === 'open' || phase === 'closed' ? phase : 'idle'
}
