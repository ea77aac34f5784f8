// Quiz results in the shared SQLite file: one row per graded answer, written as it is graded (the database
// runs WAL + synchronous=FULL, so a killed server keeps every answer it acknowledged). Exports CSV per session.
// A full or read-only disk never throws out of a write: the write reports 'failed', the class goes on in
// memory, the failure is logged (once a minute at most) and `unsaved` tells the teacher's panel.
import { CSV_HEADER, type QuizSessionRow } from '../../shared/classroom/http-contracts'
import { csvField } from '../http/csv'
import type { Db } from '../storage/database'

export type { QuizSessionRow }

export interface StoredAnswer {
  quizSessionId: string
  memberId: string
  memberName: string
  questionId: string
  choiceIds: string[]
  correct: boolean
  points: number
  maxPoints: number
}

/** SQLite errors that mean "the disk cannot take this write now", not a bug in the statement. */
export const STORAGE_FAULT = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PERM|NOMEM)/

export type RecordResult = 'stored' | 'duplicate' | 'failed'

export interface StorageFaultReport {
  code: string
  message: string
}

export class QuizResultsStore {
  /** Writes that failed since the last one that succeeded; 0 when everything is on disk. */
  unsaved = 0
  private lastReport = 0

  constructor(
    private readonly db: Db,
    private readonly report: (fault: StorageFaultReport) => void = () => undefined,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS classroom_quiz_sessions (
        id TEXT PRIMARY KEY,
        room_code TEXT NOT NULL,
        scene TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE TABLE IF NOT EXISTS classroom_quiz_answers (
        quiz_session_id TEXT NOT NULL REFERENCES classroom_quiz_sessions(id),
        member_id TEXT NOT NULL,
        member_name TEXT NOT NULL,
        question_id TEXT NOT NULL,
        choice_ids TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        max_points INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (quiz_session_id, member_id, question_id)
      );
    `)
  }

  /** Runs a write; a storage fault is counted and reported instead of thrown. */
  private write<T>(run: () => T): T | 'failed' {
    try {
      const out = run()
      this.unsaved = 0
      return out
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '')
      if (!STORAGE_FAULT.test(code)) throw error
      this.unsaved++
      const now = Date.now()
      if (now - this.lastReport > 60_000) {
        this.lastReport = now
        this.report({ code, message: (error as Error).message })
      }
      return 'failed'
    }
  }

  startSession(id: string, roomCode: string, scene: string): boolean {
    return (
      this.write(() =>
        this.db
          .prepare(
            'INSERT INTO classroom_quiz_sessions (id, room_code, scene, started_at) VALUES (?, ?, ?, ?)',
          )
          .run(id, roomCode, scene, new Date().toISOString()),
      ) !== 'failed'
    )
  }

  endSession(id: string): boolean {
    return (
      this.write(() =>
        this.db
          .prepare('UPDATE classroom_quiz_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
          .run(new Date().toISOString(), id),
      ) !== 'failed'
    )
  }

  /** Stores one graded answer: 'duplicate' when this member already answered it (first answer counts). */
  recordAnswer(a: StoredAnswer): RecordResult {
    const result = this.write(() => this.insertAnswer(a))
    if (result === 'failed') return 'failed'
    return result.changes === 1 ? 'stored' : 'duplicate'
  }

  private insertAnswer(a: StoredAnswer) {
    return this.db
      .prepare(
        `INSERT OR IGNORE INTO classroom_quiz_answers
         (quiz_session_id, member_id, member_name, question_id, choice_ids, correct, points, max_points, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.quizSessionId,
        a.memberId,
        a.memberName,
        a.questionId,
        a.choiceIds.join('|'),
        a.correct ? 1 : 0,
        a.points,
        a.maxPoints,
        new Date().toISOString(),
      )
  }

  answers(quizSessionId: string): StoredAnswer[] {
    const rows = this.db
      .prepare(
        `SELECT quiz_session_id, member_id, member_name, question_id, choice_ids, correct, points, max_points
         FROM classroom_quiz_answers WHERE quiz_session_id = ? ORDER BY answered_at, member_id, question_id`,
      )
      .all(quizSessionId) as Array<Record<string, string | number>>
    return rows.map((r) => ({
      quizSessionId: String(r.quiz_session_id),
      memberId: String(r.member_id),
      memberName: String(r.member_name),
      questionId: String(r.question_id),
      choiceIds: String(r.choice_ids).split('|').filter(Boolean),
      correct: r.correct === 1,
      points: Number(r.points),
      maxPoints: Number(r.max_points),
    }))
  }

  sessions(): QuizSessionRow[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.room_code, s.scene, s.started_at, s.ended_at, COUNT(a.question_id) AS answers
         FROM classroom_quiz_sessions s LEFT JOIN classroom_quiz_answers a ON a.quiz_session_id = s.id
         GROUP BY s.id ORDER BY s.started_at DESC`,
      )
      .all() as Array<Record<string, string | number | null>>
    return rows.map((r) => ({
      id: String(r.id),
      roomCode: String(r.room_code),
      scene: String(r.scene),
      startedAt: String(r.started_at),
      endedAt: r.ended_at === null ? null : String(r.ended_at),
      answers: Number(r.answers),
    }))
  }

  /** One line per answer, RFC 4180 quoting; opens in spreadsheet apps (BOM so Excel reads UTF-8 Chinese names). */
  csv(quizSessionId: string): string {
    const lines = this.answers(quizSessionId).map((a) =>
      [
        a.quizSessionId,
        a.memberId,
        a.memberName,
        a.questionId,
        a.choiceIds.join('|'),
        a.correct ? '1' : '0',
        String(a.points),
        String(a.maxPoints),
      ]
        .map(csvField)
        .join(','),
    )
    return `\uFEFF${[CSV_HEADER, ...lines].join('\r\n')}\r\n`
  }
}
