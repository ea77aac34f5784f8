// Who a student is, against the real server: identity through the browser's memberToken (not the name),
// one attempt per quiz, a kick that holds, a full class that says so instead of splitting, bounded room
// creation, and names that cannot hide, reorder, copy or claim the teacher.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import type { ServerEvents } from '../../src/shared/classroom/classroom-messages'
import { emptyDistDir } from '../support/server-config'
import { nextMessage, roomBarrier, settleWithin, TEACHER_CODE, view, waitFor } from './classroom-harness'

const MAX_MEMBERS = 4
let server: RunningServer
const open: Room[] = []

beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'error'
  // The repo's classroom scene with a small class, so a full class is quick to make.
  const scenesDir = mkdtempSync(join(tmpdir(), 'identity-scenes-'))
  cpSync(resolve('scenes/classroom'), join(scenesDir, 'classroom'), { recursive: true })
  const file = join(scenesDir, 'classroom', 'scene.json')
  const scene = JSON.parse(readFileSync(file, 'utf8'))
  scene.classroom.settings.maxMembers = MAX_MEMBERS
  writeFileSync(file, JSON.stringify(scene))
  server = await startServer({
    ...readConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'identity-data-')),
    distDir: emptyDistDir(),
    scenesDir,
    teacherCode: TEACHER_CODE,
    simulator: false,
  })
})
afterAll(async () => {
  await server?.close()
})

afterEach(async () => {
  await leaveAll()
})

async function leaveAll() {
  await settleWithin(
    open.splice(0).map((r) => r.leave()),
    1000,
  )
}

async function enter(name: string, role: 'teacher' | 'student' = 'student', memberToken?: string) {
  const room = await new Client(server.url).joinOrCreate('classroom', {
    scene: 'classroom',
    name,
    role,
    ...(role === 'teacher' ? { teacherCode: TEACHER_CODE } : {}),
    ...(memberToken ? { memberToken } : {}),
  })
  open.push(room)
  await waitFor(`${name}'s member entry`, () => view(room).members?.has(room.sessionId) === true)
  return room
}

const token = (c: string) => c.repeat(22)

describe('classroom identity', () => {
  it('keeps a student across a rejoin by token: same progress, no second attempt', async () => {
    const teacher = await enter('Ms Li', 'teacher')
    teacher.send('quiz:start', {})
    const first = await enter('Bo', 'student', token('a'))
    await waitFor('quiz open', () => view(first).quiz.phase === 'open')
    const graded = nextMessage<ServerEvents['quiz:graded']>(first, 'quiz:graded')
    first.send('quiz:answer', { questionId: 'planet-count', choiceIds: ['seven'] })
    expect(await graded).toMatchObject({ correct: false })
    await first.leave()
    open.splice(open.indexOf(first), 1)

    // Back under another name, same browser: the server knows it is the same student.
    const again = await enter('Bo Wang', 'student', token('a'))
    await waitFor('restored answered count', () => view(again).members.get(again.sessionId)?.answered === 1)
    const refused = nextMessage<ServerEvents['refused']>(again, 'refused')
    again.send('quiz:answer', { questionId: 'planet-count', choiceIds: ['eight'] })
    expect(await refused).toMatchObject({ type: 'quiz:answer', reason: 'already answered' })
    await roomBarrier(again, teacher)
    const rows = (await (async () => {
      const results = nextMessage<ServerEvents['quiz:results']>(teacher, 'quiz:results')
      again.send('quiz:answer', { questionId: 'closest-planet', choiceIds: ['venus'] })
      return (await results).rows
    })()) as ServerEvents['quiz:results']['rows']
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name: 'Bo Wang', answered: 2, score: 0 })
  })

  it('holds a kick for the session: the same token or the same name is refused', async () => {
    const teacher = await enter('Ms Li', 'teacher')
    const mallory = await enter('Mallory', 'student', token('m'))
    const kicked = nextMessage<ServerEvents['kicked']>(mallory, 'kicked')
    teacher.send('teacher:kick', { sessionId: mallory.sessionId })
    await kicked
    open.splice(open.indexOf(mallory), 1)
    await expect(enter('Mal', 'student', token('m'))).rejects.toThrow(/removed from this class/)
    await expect(enter('Mallory', 'student', token('n'))).rejects.toThrow(/removed from this class/)
    await expect(enter('mallory', 'student')).rejects.toThrow(/removed from this class/)
    await waitFor("Mallory gone from the teacher's view", () => view(teacher).members.size === 1)
  })

  it('tells the next student the class is full instead of opening a teacherless room', async () => {
    const teacher = await enter('Ms Li', 'teacher')
    for (let i = 1; i < MAX_MEMBERS; i++) await enter(`Student ${i}`)
    await expect(enter('Late')).rejects.toThrow(/class is full/)
    const create = await fetch(`${server.url}/matchmake/create/classroom`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: 'classroom', name: 'Late', role: 'student' }),
    })
    expect(create.status).toBe(409)
    expect(await create.text()).toMatch(/class is full/)
    // Still one room: everyone is in the teacher's.
    await waitFor("the whole class in the teacher's room", () => view(teacher).members.size === MAX_MEMBERS)
  })
})

describe('member names', () => {
  it('strips bidi overrides and zero-width characters, refuses copies and a student claiming the teacher', async () => {
    const teacher = await enter('Ms Li', 'teacher')
    const bo = await enter('Bo\u202Egnp.exe')
    expect(view(bo).members.get(bo.sessionId)?.name).toBe('Bognp.exe')
    await expect(enter('B\u200Bo\u2060gnp.exe')).rejects.toThrow(/already uses this name/)
    await expect(enter('ＢＯＧＮＰ.EXE')).rejects.toThrow(/already uses this name/)
    await expect(enter('老师 Teacher')).rejects.toThrow(/cannot contain 老师/)
    await expect(enter('Ms Li')).rejects.toThrow(/already uses this name/)
    await roomBarrier(bo, teacher)
    expect(view(teacher).members.size).toBe(2)
  })
})

describe('room requests', () => {
  // Last in the file: it uses up this address's matchmaking budget.
  it('limits how fast one address can ask for rooms', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${server.url}/matchmake/create/classroom`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1' },
          body: JSON.stringify({ scene: 'nope', name: 'x', role: 'student' }),
        }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25)
  })
})
