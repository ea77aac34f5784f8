// The solo grader names the correct choices, so while a class on this server answers a scene's quiz it
// must not grade that scene's questions for anyone (a student could open the scene alone and ask).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { LIVE_QUIZ_REFUSAL } from '../../src/server/classroom/live-quizzes'
import { joinClassroom, settleWithin, sleep, startClassroomServer, view, waitFor } from './classroom-harness'

let server: RunningServer
beforeAll(async () => {
  server = await startClassroomServer(mkdtempSync(join(tmpdir(), 'solo-grade-')))
})
afterAll(async () => {
  await server?.close()
})

const grade = () =>
  fetch(`${server.url}/api/classroom/grade`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scene: 'classroom', questionId: 'planet-count', choiceIds: ['seven'] }),
  })

describe('solo grading during a live class quiz', () => {
  it('refuses while the quiz is open and grades again once it ends or the room closes', async () => {
    expect((await grade()).status).toBe(200)
    const teacher = await joinClassroom(server.url, 'Ms Li', 'teacher')
    teacher.room.send('quiz:start', {})
    await waitFor('quiz open', () => view(teacher.room).quiz.phase === 'open')
    const during = await grade()
    expect(during.status).toBe(409)
    const body = await during.text()
    expect(JSON.parse(body)).toEqual({ error: LIVE_QUIZ_REFUSAL })
    expect(body).not.toContain('eight')
    teacher.room.send('quiz:end', {})
    await waitFor('quiz closed', () => view(teacher.room).quiz.phase === 'closed')
    expect((await grade()).status).toBe(200)

    teacher.room.send('quiz:start', {})
    await waitFor('quiz reopened', () => view(teacher.room).quiz.phase === 'open')
    expect((await grade()).status).toBe(409)
    await settleWithin(teacher.room.leave(), 2000)
    // The last member left on purpose: the room closes, and with it its live quiz. (A poll of the
    // condition, not a sleep that decides: it fails with the last status it saw.)
    const deadline = Date.now() + 10_000
    let status = 409
    while (status === 409 && Date.now() < deadline) {
      status = (await grade()).status
      if (status === 409) await sleep(50)
    }
    expect(status).toBe(200)
  })
})
