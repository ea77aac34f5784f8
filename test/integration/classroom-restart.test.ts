// A class survives a server crash: the real server (src/server/main.ts) as a child process is killed with
// SIGKILL mid-lesson and a new process starts on the same port and data folder. The members are the
// client's own connection code (src/kinds/classroom/api.ts over src/platform/realtime/room-connection.ts,
// which runs in Node as in the browser): they notice, retry with back-off and rejoin by themselves, to the
// same room code, with the slide, the quiz session and its answers restored from the database file. The
// student who answered cannot answer again, the removed student stays out, the teacher is teacher again
// without resending the code, and a class that ended or sat idle past the expiry is not brought back.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { type ClassroomLink, type ClassroomRoomEvents, connectClassroom } from '../../src/kinds/classroom/api'
import type { RoomStatus } from '../../src/platform/realtime'
import { CLASS_RESTORE_HOURS } from '../../src/server/classroom/class-records'
import {
  CLASS_ENDED_CLOSE_CODE,
  KICKED_REASON,
  type ServerEvents,
} from '../../src/shared/classroom/classroom-messages'
import { emptyDistDir, testServerConfig } from '../support/server-config'
import { type SpawnedServer, spawnServer } from '../support/spawn-server'
import { settleWithin, TEACHER_CODE, view, waitFor } from './classroom-harness'

const dataDir = mkdtempSync(join(tmpdir(), 'classroom-restart-'))
const servers: SpawnedServer[] = []
const links: ClassroomLink[] = []
const rooms: Room[] = []

afterAll(async () => {
  await settleWithin([...links.map((l) => l.leave()), ...rooms.map((r) => r.leave())], 1000)
  for (const s of servers) await s.kill().catch(() => undefined)
  rmSync(dataDir, { recursive: true, force: true })
})

function start(port = 0, env?: Record<string, string>): Promise<SpawnedServer> {
  const config = testServerConfig(dataDir, {
    port,
    distDir: emptyDistDir(),
    teacherCode: TEACHER_CODE,
    simulator: false,
  })
  return spawnServer({ config, env }).then((s) => {
    servers.push(s)
    return s
  })
}

/** One member through the client's real connection code, recording what the room reports. */
interface Member {
  link: ClassroomLink
  statuses: RoomStatus[]
  left?: 'kicked' | 'ended' | 'offline'
  rejoins: number
  graded: ServerEvents['quiz:graded'][]
  refused: ServerEvents['refused'][]
  results?: ServerEvents['quiz:results']
}

async function member(
  url: string,
  name: string,
  role: 'teacher' | 'student',
  memberToken: string,
  rejoinGiveUpMs?: number,
  roomCode?: string,
): Promise<Member> {
  const m = { statuses: [], rejoins: 0, graded: [], refused: [] } as unknown as Member
  const events: ClassroomRoomEvents = {
    onStatus: (s) => m.statuses.push(s),
    onLeave: (reason) => {
      m.left = reason
    },
    onState: () => undefined,
    onGraded: (g) => m.graded.push(g),
    onResults: (r) => {
      m.results = r
    },
    onTeleport: () => undefined,
    onVoiceSignal: () => undefined,
    onVoiceConfig: () => undefined,
    onRefused: (r) => m.refused.push(r),
    onKicked: () => undefined,
    onRejoin: () => {
      m.rejoins++
    },
  }
  m.link = await connectClassroom(
    {
      scene: 'classroom',
      name,
      role,
      teacherCode: role === 'teacher' ? TEACHER_CODE : undefined,
      endpoint: url,
      memberToken,
      rejoinDelaysMs: [100, 250, 500, 1000],
      rejoinGiveUpMs,
      roomCode,
    },
    events,
  )
  links.push(m.link)
  await waitFor(`${name}'s member entry`, () => m.link.state()?.members.has(m.link.selfId) === true)
  return m
}

/** A bare SDK member (no rejoin), for the classes that must not come back. */
async function bareTeacher(url: string, name: string): Promise<Room> {
  const room = await new Client(url).create('classroom', {
    scene: 'classroom',
    name,
    role: 'teacher',
    teacherCode: TEACHER_CODE,
  })
  room.reconnection.enabled = false
  rooms.push(room)
  await waitFor(`${name}'s member entry`, () => view(room).members?.has(room.sessionId) === true)
  return room
}

const token = (c: string) => c.repeat(24)

describe('classroom restart', () => {
  it('brings the class back with the same code, slide, quiz and answers; clients rejoin by themselves', async () => {
    const first = await start()
    const teacher = await member(first.url, '李老师', 'teacher', token('t'))
    const bo = await member(first.url, '小波', 'student', token('b'))
    const mei = await member(first.url, '小美', 'student', token('m'))
    const mallory = await member(first.url, 'Mallory', 'student', token('x'))

    teacher.link.send('slide:set', { index: 2 })
    teacher.link.send('teacher:lock', { locked: true })
    teacher.link.send('quiz:start', {})
    await waitFor('quiz open for Bo', () => bo.link.state()?.quiz.phase === 'open')
    bo.link.send('quiz:answer', { questionId: 'planet-count', choiceIds: ['eight'] })
    await waitFor('Bo graded', () => bo.graded.length === 1)
    teacher.link.send('teacher:kick', { sessionId: mallory.link.selfId })
    await waitFor('Mallory removed', () => mallory.left === 'kicked')
    const before = teacher.link.state()
    const code = before?.code ?? ''
    const quizSessionId = before?.quiz.quizSessionId ?? ''
    expect(code).toMatch(/^[A-Z2-9]{5}$/)
    expect(before?.slide).toBe(2)
    const oldIds = [teacher, bo, mei].map((m) => m.link.selfId)

    // Classes that must not come back: one the teacher ended, one everybody left (its room closed), and
    // one that will look idle for longer than the expiry.
    const ended = await bareTeacher(first.url, '周老师')
    const endedCode = view(ended).code
    const pupil = await member(first.url, '小周', 'student', token('p'), undefined, endedCode)
    const endedClose = new Promise<number>((r) => ended.onLeave.once((c: number) => r(c)))
    ended.send('class:end', {})
    expect(await endedClose).toBe(CLASS_ENDED_CLOSE_CODE)
    await waitFor('the student told the class ended, not rejoining', () => pupil.left === 'ended')
    const left = await bareTeacher(first.url, '王老师')
    const leftCode = view(left).code
    const idle = await bareTeacher(first.url, '赵老师')
    const idleCode = view(idle).code
    await left.leave()
    const dbFile = join(dataDir, 'xr-showcase.sqlite')
    const endedAt = (code: string) =>
      withDb(
        dbFile,
        (db) =>
          db.prepare('SELECT ended_at FROM classroom_classes WHERE code = ?').get(code) as
            | { ended_at: number | null }
            | undefined,
      )?.ended_at
    expect(endedAt(endedCode)).toEqual(expect.any(Number))
    await waitFor('the left class recorded as ended', () => typeof endedAt(leftCode) === 'number')
    expect(endedAt(idleCode)).toBeNull()

    // Crash: no shutdown code runs.
    await first.kill()
    await waitFor('every member notices the drop', () =>
      [teacher, bo, mei].every((m) => m.statuses.at(-1) === 'reconnecting'),
    )
    withDb(dbFile, (db) =>
      db
        .prepare('UPDATE classroom_classes SET changed_at = ? WHERE code = ?')
        .run(Date.now() - (CLASS_RESTORE_HOURS + 1) * 3600_000, idleCode),
    )

    const second = await start(first.port)
    await waitFor(
      'every member back online by itself',
      () => [teacher, bo, mei].every((m) => m.rejoins === 1 && m.statuses.at(-1) === 'online'),
      30_000,
    )
    for (const m of [teacher, bo, mei]) {
      await waitFor('the restored room state', () => m.link.state()?.members.has(m.link.selfId) === true)
      const state = m.link.state()
      expect(state?.code).toBe(code)
      expect(state?.slide).toBe(2)
      expect(state?.movementLocked).toBe(true)
      expect(state?.quiz).toMatchObject({ phase: 'open', quizSessionId })
      expect(oldIds).not.toContain(m.link.selfId)
    }
    // The teacher is teacher again (by token: the rejoin carries no code), with Bo's answer in the results.
    expect(teacher.link.role()).toBe('teacher')
    await waitFor('results restored for the teacher', () =>
      Boolean(teacher.results?.rows.some((r) => r.name === '小波' && r.answered === 1)),
    )
    await waitFor('the whole class in the room', () => teacher.link.state()?.members.size === 3)
    expect(bo.link.state()?.members.get(bo.link.selfId)).toMatchObject({ name: '小波', answered: 1 })
    expect(mei.link.state()?.members.get(mei.link.selfId)).toMatchObject({ name: '小美', answered: 0 })

    // One attempt per question holds across the restart; the quiz session goes on.
    bo.link.send('quiz:answer', { questionId: 'planet-count', choiceIds: ['nine'] })
    await waitFor('second attempt refused', () => bo.refused.some((r) => r.reason === 'already answered'))
    bo.link.send('quiz:answer', { questionId: 'closest-planet', choiceIds: ['venus'] })
    await waitFor('next question graded in the same session', () =>
      Boolean(teacher.results?.rows.some((r) => r.name === '小波' && r.answered === 2)),
    )
    expect(teacher.results?.quizSessionId).toBe(quizSessionId)

    // The kick holds: by token and by name.
    await expect(member(second.url, 'M2', 'student', token('x'))).rejects.toThrow(KICKED_REASON)
    await expect(member(second.url, 'mallory', 'student', token('y'))).rejects.toThrow(KICKED_REASON)
    // A token is a way back for the class's own teacher only, not a way around the code.
    const stranger = { scene: 'classroom', name: 'Fake', role: 'teacher', memberToken: token('q') }
    await expect(new Client(second.url).joinById(code, stranger)).rejects.toThrow(/has not taught this class/)
    await expect(new Client(second.url).create('classroom', stranger)).rejects.toThrow(
      /has not taught this class/,
    )
    // The ended, left and idle classes are not restored.
    expect(pupil.rejoins).toBe(0)
    for (const gone of [endedCode, leftCode, idleCode])
      await expect(
        new Client(second.url).joinById(gone, { scene: 'classroom', name: 'Late', role: 'student' }),
      ).rejects.toThrow(/not found/)
  }, 120_000)

  it('keeps a class through a clean shutdown, gives up after a bounded time, ends a class nobody returns to', async () => {
    const first = await start()
    const teacher = await member(first.url, '陈老师', 'teacher', token('c'))
    const student = await member(first.url, '小红', 'student', token('r'))
    teacher.link.send('slide:set', { index: 3 })
    await waitFor('slide 3 for the student', () => student.link.state()?.slide === 3)
    const code = teacher.link.state()?.code

    // SIGTERM: the server closes its rooms, but a shutdown does not end a class.
    await first.stop()
    const second = await start(first.port)
    await waitFor(
      'both back after the clean restart',
      () => [teacher, student].every((m) => m.rejoins === 1 && m.statuses.at(-1) === 'online'),
      30_000,
    )
    await waitFor('restored state', () => student.link.state()?.members.has(student.link.selfId) === true)
    expect(student.link.state()).toMatchObject({ code, slide: 3 })

    // The server does not come back: after its give-up time a member is told, not left spinning.
    const late = await member(second.url, '小刚', 'student', token('g'), 1500)
    await second.kill()
    await waitFor('the member gives up', () => late.left === 'offline', 10_000)
    expect(late.statuses.slice(-2)).toEqual(['reconnecting', 'offline'])

    // Nobody comes back to the restored class within its wait: it closes and counts as ended.
    await settleWithin([teacher.link.leave(), student.link.leave()], 1000)
    const third = await start(first.port, { CLASSROOM_RESTORE_GRACE_MS: '300' })
    const dbFile = join(dataDir, 'xr-showcase.sqlite')
    await waitFor('the unvisited class ended', () => {
      const row = withDb(dbFile, (db) =>
        db.prepare('SELECT ended_at FROM classroom_classes WHERE code = ?').get(code),
      ) as { ended_at: number | null } | undefined
      return typeof row?.ended_at === 'number'
    })
    await expect(
      new Client(third.url).joinById(code ?? '', { scene: 'classroom', name: 'Late', role: 'student' }),
    ).rejects.toThrow(/not found/)
  }, 90_000)
})

function withDb<T>(file: string, run: (db: Database.Database) => T): T {
  const db = new Database(file)
  try {
    return run(db)
  } finally {
    db.close()
  }
}
