// Scaling past one process: two real server processes share Colyseus presence and matchmaking through a
// local redis-server (started here on a free loopback port). A teacher who reaches process A and a
// student who reaches process B end up in the same room and see the same slide.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@colyseus/sdk'
import { afterAll, describe, expect, it } from 'vitest'
import {
  type ChildServer,
  joinClassroom,
  settleWithin,
  startChildServer,
  TEACHER_CODE,
  view,
  waitFor,
} from './classroom-harness'
import { hasRedis, type LocalRedis, startRedis } from './redis-harness'

const dir = mkdtempSync(join(tmpdir(), 'classroom-redis-'))
const servers: ChildServer[] = []
let redis: LocalRedis | undefined

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined)
  await redis?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!hasRedis)('classroom across two processes with Redis', () => {
  it('matches clients of process A and process B into the same room', async () => {
    redis = await startRedis()
    const redisUrl = redis.url
    const a = await startChildServer({ dataDir: join(dir, 'a'), env: { REDIS_URL: redisUrl } })
    servers.push(a)
    const b = await startChildServer({ dataDir: join(dir, 'b'), env: { REDIS_URL: redisUrl } })
    servers.push(b)

    const { room: teacher } = await joinClassroom(a.url, 'Teacher A', 'teacher')
    const { room: student } = await joinClassroom(b.url, 'Student B', 'student')
    expect(student.roomId).toBe(teacher.roomId)
    await waitFor(
      'both members on both sides',
      () => view(teacher).members.size === 2 && view(student).members.size === 2,
    )

    teacher.send('slide:set', { index: 4 })
    await waitFor('student (matched by B) sees the slide', () => view(student).slide === 4)

    // A second class opened through B is found by its room code from A.
    const opened = await new Client(b.url).create('classroom', {
      scene: 'classroom',
      name: 'Teacher B',
      role: 'teacher',
      teacherCode: TEACHER_CODE,
    })
    expect(opened.roomId).not.toBe(teacher.roomId)
    const byCode = await new Client(a.url).joinById(opened.roomId, {
      scene: 'classroom',
      name: 'Student A',
      role: 'student',
    })
    await waitFor(
      'teacher B sees the student who came through A',
      () => view(opened).members.get(byCode.sessionId)?.name === 'Student A',
    )
    await settleWithin(
      [teacher, student, opened, byCode].map((r) => r.leave()),
      1000,
    )
  }, 60_000)
})
