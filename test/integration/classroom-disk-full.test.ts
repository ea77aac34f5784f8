// A full or read-only disk under a running class: the quiz goes on (graded in memory), the teacher is
// told results are not saved, the server keeps serving, and writing resumes when the disk has room again.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import type { ServerEvents } from '../../src/shared/classroom/classroom-messages'
import {
  joinClassroom,
  nextMessage,
  settleWithin,
  startClassroomServer,
  view,
  waitFor,
} from './classroom-harness'

const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

/**
 * Makes the database file unable to grow, as on a full disk: a page limit at the current size, and every
 * quiz write made to need more room (a temp trigger adds 200 KB along with it), so SQLite answers each
 * quiz write with a real SQLITE_FULL through the server's own statements.
 */
function fillDisk(server: RunningServer) {
  const db = server.ctx.db
  db.exec('CREATE TABLE IF NOT EXISTS main.filler (x BLOB)')
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages}`)
  for (const table of ['classroom_quiz_sessions', 'classroom_quiz_answers'])
    db.exec(`CREATE TEMP TRIGGER fill_${table} BEFORE INSERT ON main.${table}
             BEGIN INSERT INTO main.filler VALUES (randomblob(200000)); END`)
  expect(() => db.prepare('INSERT INTO main.filler VALUES (randomblob(200000))').run()).toThrow(
    expect.objectContaining({ code: 'SQLITE_FULL' }),
  )
}

async function classWithQuiz(server: RunningServer) {
  const teacher = await joinClassroom(server.url, 'Ms Li', 'teacher')
  const student = await joinClassroom(server.url, 'Bo', 'student')
  return { teacher: teacher.room, student: student.room }
}

async function answerAndExpectUnsaved(
  teacher: Awaited<ReturnType<typeof classWithQuiz>>['teacher'],
  student: typeof teacher,
) {
  const results = new Promise<ServerEvents['quiz:results']>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no quiz:results with unsaved > 0 within 5 s')), 5000)
    const off = teacher.onMessage('quiz:results', (m: ServerEvents['quiz:results']) => {
      if (m.unsaved > 0) {
        clearTimeout(timer)
        off()
        resolve(m)
      }
    })
  })
  const graded = nextMessage<ServerEvents['quiz:graded']>(student, 'quiz:graded')
  student.send('quiz:answer', { questionId: 'planet-count', choiceIds: ['eight'] })
  expect(await graded).toMatchObject({ questionId: 'planet-count', correct: true })
  const r = await results
  expect(r.unsaved).toBe(1)
  expect(r.rows).toEqual([expect.objectContaining({ name: 'Bo', answered: 1, score: 1 })])
}

describe('quiz results on a failing disk', () => {
  it('keeps the class going on a full disk and tells the teacher', async () => {
    const server = await startClassroomServer(mkdtempSync(join(tmpdir(), 'disk-full-')))
    servers.push(server)
    const { teacher, student } = await classWithQuiz(server)
    fillDisk(server)
    teacher.send('quiz:start', {})
    await waitFor('quiz open despite the full disk', () => view(student).quiz.phase === 'open')
    await answerAndExpectUnsaved(teacher, student)
    // Still serving: HTTP and the room.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    teacher.send('slide:set', { index: 1 })
    await waitFor('slide change after the fault', () => view(student).slide === 1)
    await settleWithin([teacher.leave(), student.leave()], 1000)
  })

  it('keeps the class going on a read-only database and saves again once it is writable', async () => {
    const server = await startClassroomServer(mkdtempSync(join(tmpdir(), 'disk-ro-')))
    servers.push(server)
    const { teacher, student } = await classWithQuiz(server)
    teacher.send('quiz:start', {})
    await waitFor('quiz open', () => view(student).quiz.phase === 'open')
    server.ctx.db.pragma('query_only = ON')
    await answerAndExpectUnsaved(teacher, student)
    server.ctx.db.pragma('query_only = OFF')
    const saved = new Promise<ServerEvents['quiz:results']>((resolve) => {
      teacher.onMessage('quiz:results', (m: ServerEvents['quiz:results']) => {
        if (m.rows[0]?.answered === 2) resolve(m)
      })
    })
    student.send('quiz:answer', { questionId: 'closest-planet', choiceIds: ['venus'] })
    const after = await saved
    // The earlier unsaved answer still counts in the total of unsaved answers of this session.
    expect(after.unsaved).toBe(1)
    const stored = server.ctx.db
      .prepare('SELECT question_id FROM classroom_quiz_answers WHERE member_name = ?')
      .all('Bo') as Array<{ question_id: string }>
    expect(stored.map((r) => r.question_id)).toEqual(['closest-planet'])
    await settleWithin([teacher.leave(), student.leave()], 1000)
  })
})
