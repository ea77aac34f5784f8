// Quiz results survive a crash: answers graded by one server process are read back as CSV by a new
// process on the same data folder after the first was killed with SIGKILL (no shutdown code runs).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { csvField } from '../../src/server/http/csv'
import type { ServerEvents } from '../../src/shared/classroom/classroom-messages'
import {
  type ChildServer,
  joinClassroom,
  nextMessage,
  startChildServer,
  TEACHER_CODE,
  view,
  waitFor,
} from './classroom-harness'

const dataDir = mkdtempSync(join(tmpdir(), 'classroom-persist-'))
const servers: ChildServer[] = []

afterAll(async () => {
  for (const s of servers) await s.kill().catch(() => undefined)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('classroom quiz results', () => {
  it('are kept after the server is killed and restarted on the same data folder', async () => {
    const first = await startChildServer({ dataDir })
    servers.push(first)
    const { room: teacher } = await joinClassroom(first.url, '李老师', 'teacher')
    const { room: student } = await joinClassroom(first.url, '小明', 'student')
    teacher.send('quiz:start', {})
    await waitFor('quiz open', () => view(student).quiz.phase === 'open')
    const quizSessionId = view(student).quiz.quizSessionId
    for (const [questionId, choiceIds] of [
      ['planet-count', ['eight']],
      ['closest-planet', ['venus']],
    ] as const) {
      const graded = nextMessage<ServerEvents['quiz:graded']>(student, 'quiz:graded')
      student.send('quiz:answer', { questionId, choiceIds: [...choiceIds] })
      await graded
    }
    // The graded message is sent only after the row is committed; kill without any shutdown.
    await first.kill()

    const second = await startChildServer({ dataDir })
    servers.push(second)
    const res = await fetch(`${second.url}/api/classroom/sessions/${quizSessionId}/results.csv`, {
      headers: { 'x-teacher-code': TEACHER_CODE },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines).toContain(`${quizSessionId},${csvField(student.sessionId)},小明,planet-count,eight,1,1,1`)
    expect(lines).toContain(`${quizSessionId},${csvField(student.sessionId)},小明,closest-planet,venus,0,0,1`)
    await second.stop()
  }, 60_000)
})
