// The classroom room end to end in one process: real server (fastify + Colyseus on one port), real SDK
// clients. Slides sync, roles are enforced, grading is right and stored, reconnection keeps seat and role,
// and malformed or flooding messages never take the room down.
// Over 300 lines: every room rule is tested against one in-process server, started once for the file.
import { Client } from '@colyseus/sdk'
import { describe, expect, it } from 'vitest'
import { csvField } from '../../src/server/http/csv'
import type { ServerEvents } from '../../src/shared/classroom/classroom-messages'
import { ErrorResponse, SessionsRoute } from '../../src/shared/classroom/http-contracts'
import {
  classroomServerForFile,
  nextMessage,
  roomBarrier,
  TEACHER_CODE,
  view,
  waitFor,
} from './classroom-harness'

const rig = classroomServerForFile('classroom-it-')
const { rooms, enter } = rig

describe('classroom room', () => {
  it('puts everyone for a scene in one room with roles and seats, and keeps slides in sync', async () => {
    const { room: teacher } = await enter('王老师', 'teacher')
    const { room: alice } = await enter('Alice', 'student')
    const { room: bob } = await enter('Bob', 'student')
    expect(alice.roomId).toBe(teacher.roomId)
    expect(bob.roomId).toBe(teacher.roomId)
    expect(teacher.roomId).toMatch(/^[A-Z2-9]{5}$/)
    await waitFor('everyone to see all three', () =>
      [teacher, alice, bob].every((r) => view(r).members.size === 3),
    )
    const t = view(alice).members.get(teacher.sessionId)
    expect(t).toMatchObject({ name: '王老师', role: 'teacher', seatId: 'teacher' })
    expect(view(alice).members.get(alice.sessionId)).toMatchObject({ role: 'student', seatId: 'seat-1' })
    expect(view(teacher).members.get(bob.sessionId)).toMatchObject({ role: 'student', seatId: 'seat-2' })

    teacher.send('slide:set', { index: 3 })
    await waitFor('students to see slide 3', () => view(alice).slide === 3 && view(bob).slide === 3)

    const refused = nextMessage<ServerEvents['refused']>(alice, 'refused')
    alice.send('slide:set', { index: 0 })
    expect(await refused).toEqual({ type: 'slide:set', reason: 'not allowed for your role' })
    // Anything alice's refused message changed would reach the others before her next pose does.
    await roomBarrier(alice, teacher)
    await roomBarrier(alice, bob)
    expect(view(teacher).slide).toBe(3)
    expect(view(bob).slide).toBe(3)

    // Out of range is refused too.
    const tooFar = nextMessage<ServerEvents['refused']>(teacher, 'refused')
    teacher.send('slide:set', { index: 99 })
    expect((await tooFar).reason).toBe('no such slide')
  })

  it('joins by room code, and refuses a wrong teacher code or a missing name', async () => {
    const { room: teacher } = rooms.length ? { room: rooms[0] } : await enter('T', 'teacher')
    const byCode = await new Client(rig.server.url).joinById(teacher.roomId, {
      scene: 'classroom',
      name: 'Carol',
      role: 'student',
    })
    rooms.push(byCode)
    expect(byCode.roomId).toBe(teacher.roomId)
    await expect(
      new Client(rig.server.url).joinOrCreate('classroom', {
        scene: 'classroom',
        name: 'Mallory',
        role: 'teacher',
        teacherCode: '000000',
      }),
    ).rejects.toThrow(/wrong teacher code/)
    await expect(
      new Client(rig.server.url).joinOrCreate('classroom', {
        scene: 'classroom',
        name: '  ',
        role: 'student',
      }),
    ).rejects.toThrow(/invalid join options/)
    await expect(
      new Client(rig.server.url).joinOrCreate('classroom', {
        scene: 'red-tourism',
        name: 'X',
        role: 'student',
      }),
    ).rejects.toThrow()
  })

  it('grades quiz answers on the server, never shows the key first, and stores and exports the results', async () => {
    const [teacher, alice, bob] = rooms
    // Answering before the quiz opens is refused.
    const early = nextMessage<ServerEvents['refused']>(alice, 'refused')
    alice.send('quiz:answer', { questionId: 'largest-planet', choiceIds: ['jupiter'] })
    expect((await early).reason).toBe('the quiz is not open')
    // Students cannot start it.
    const notYours = nextMessage<ServerEvents['refused']>(bob, 'refused')
    bob.send('quiz:start', {})
    expect((await notYours).reason).toBe('not allowed for your role')

    teacher.send('quiz:start', {})
    await waitFor(
      'quiz open for students',
      () => view(alice).quiz.phase === 'open' && view(bob).quiz.phase === 'open',
    )
    const quizSessionId = view(alice).quiz.quizSessionId
    expect(quizSessionId).toContain(teacher.roomId)
    // Nothing in the shared state carries the answer key.
    expect(JSON.stringify((alice.state as { toJSON(): unknown }).toJSON())).not.toMatch(/jupiter|correct/)

    const graded = nextMessage<ServerEvents['quiz:graded']>(alice, 'quiz:graded')
    alice.send('quiz:answer', { questionId: 'largest-planet', choiceIds: ['jupiter'] })
    expect(await graded).toMatchObject({
      questionId: 'largest-planet',
      correct: true,
      points: 1,
      score: 1,
      maxScore: 5,
      correctChoiceIds: ['jupiter'],
    })

    const graded2 = nextMessage<ServerEvents['quiz:graded']>(alice, 'quiz:graded')
    alice.send('quiz:answer', { questionId: 'water-atoms', choiceIds: ['oxygen', 'hydrogen'] })
    expect(await graded2).toMatchObject({ correct: true, points: 2, score: 3 })

    const again = nextMessage<ServerEvents['refused']>(alice, 'refused')
    alice.send('quiz:answer', { questionId: 'largest-planet', choiceIds: ['earth'] })
    expect((await again).reason).toBe('already answered')

    const bobGraded = nextMessage<ServerEvents['quiz:graded']>(bob, 'quiz:graded')
    const live = new Promise<ServerEvents['quiz:results']>((resolve) => {
      const off = teacher.onMessage('quiz:results', (m: ServerEvents['quiz:results']) => {
        if (m.rows.some((r) => r.name === 'Bob')) {
          off()
          resolve(m)
        }
      })
    })
    bob.send('quiz:answer', { questionId: 'largest-planet', choiceIds: ['saturn'] })
    expect(await bobGraded).toMatchObject({
      correct: false,
      points: 0,
      score: 0,
      correctChoiceIds: ['jupiter'],
    })
    const results = await live
    expect(results.maxScore).toBe(5)
    expect(results.rows).toEqual([
      { memberId: alice.sessionId, name: 'Alice', score: 3, answered: 2, correct: 2 },
      { memberId: bob.sessionId, name: 'Bob', score: 0, answered: 1, correct: 0 },
    ])
    await waitFor('answered counts', () => view(teacher).members.get(alice.sessionId)?.answered === 2)

    // Stored in the shared database file, readable as CSV only with the teacher code.
    const csvUrl = `${rig.server.url}/api/classroom/sessions/${quizSessionId}/results.csv`
    expect((await fetch(csvUrl)).status).toBe(403)
    const csv = await (await fetch(csvUrl, { headers: { 'x-teacher-code': TEACHER_CODE } })).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('quiz_session,member_id,name,question,choices,correct,points,max_points')
    expect(lines).toHaveLength(4)
    // A session id may start with '-', which the export guards against spreadsheet formulas like any field.
    expect(lines).toContain(
      `${quizSessionId},${csvField(alice.sessionId)},Alice,water-atoms,hydrogen|oxygen,1,2,2`,
    )
    expect(lines).toContain(`${quizSessionId},${csvField(bob.sessionId)},Bob,largest-planet,saturn,0,0,1`)

    teacher.send('quiz:end', {})
    await waitFor('quiz closed', () => view(bob).quiz.phase === 'closed')
    const sessions = SessionsRoute.response.parse(
      await (
        await fetch(`${rig.server.url}/api/classroom/sessions`, {
          headers: { 'x-teacher-code': TEACHER_CODE },
        })
      ).json(),
    )
    expect(sessions.sessions.find((s) => s.id === quizSessionId)).toMatchObject({
      answers: 3,
      roomCode: teacher.roomId,
    })
  })

  it('answers malformed HTTP requests with 400 and says what is wrong', async () => {
    const teacher = { 'x-teacher-code': TEACHER_CODE }
    const codeInUrl = await fetch(`${rig.server.url}/api/classroom/sessions?teacherCode=${TEACHER_CODE}`)
    expect(codeInUrl.status).toBe(400)
    expect(ErrorResponse.parse(await codeInUrl.json()).error).toMatch(
      /x-teacher-code header, never in the URL/,
    )
    const badId = await fetch(`${rig.server.url}/api/classroom/sessions/bad.id/results.csv`, {
      headers: teacher,
    })
    expect(badId.status).toBe(400)
    expect(ErrorResponse.parse(await badId.json()).error).toBe('id: id must be a quiz session id')
    const unknown = await fetch(`${rig.server.url}/api/classroom/sessions/NOPE-1/results.csv`, {
      headers: teacher,
    })
    expect(unknown.status).toBe(404)
    const notJson = await fetch(`${rig.server.url}/api/classroom/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: 'classroom', questionId: 'largest-planet', choiceIds: 'jupiter' }),
    })
    expect(notJson.status).toBe(400)
    expect(ErrorResponse.parse(await notJson.json()).error).toMatch(/^choiceIds: /)
  })

  it('shares the lab model, and only the granted student may move it', async () => {
    const [teacher, alice, bob] = rooms
    teacher.send('model:place', { modelId: 'water-molecule' })
    await waitFor('model placed', () => view(alice).model.modelId === 'water-molecule')
    const refused = nextMessage<ServerEvents['refused']>(alice, 'refused')
    alice.send('model:pose', { pose: [0, 0.1, 0, 0, 0, 0, 1] })
    expect((await refused).type).toBe('model:pose')
    teacher.send('model:grant', { sessionId: alice.sessionId })
    await waitFor('control granted', () => view(alice).model.controller === alice.sessionId)
    alice.send('model:pose', { pose: [0.1, 0.2, 0, 0, Math.SQRT1_2, 0, Math.SQRT1_2] })
    await waitFor('bob sees the rotated model', () => Math.abs(view(bob).model.pose[4] - Math.SQRT1_2) < 1e-4)
    expect(view(bob).model.pose[1]).toBeCloseTo(0.2, 5)
    const bobRefused = nextMessage<ServerEvents['refused']>(bob, 'refused')
    bob.send('model:pose', { pose: [0, 0, 0, 0, 0, 0, 1] })
    expect((await bobRefused).reason).toBe('not allowed for your role')
  })

  it('syncs avatar poses and teacher controls', async () => {
    const [teacher, alice, bob] = rooms
    alice.send('pose', { head: [1, 1.6, 2, 0, 0, 0, 1], right: [1.2, 1.2, 1.8, 0, 0, 0, 1] })
    await waitFor(
      'teacher sees alice head',
      () => view(teacher).members.get(alice.sessionId)?.pose[1] === Math.fround(1.6),
    )
    expect(view(bob).members.get(alice.sessionId)?.pose[14]).toBeCloseTo(1.2, 5)

    teacher.send('teacher:lock', { locked: true })
    await waitFor('movement locked', () => view(alice).movementLocked)
    teacher.send('teacher:spotlight', { sessionId: bob.sessionId })
    await waitFor('bob spotlit', () => view(alice).spotlightId === bob.sessionId)
    const summoned = nextMessage<ServerEvents['teleport']>(alice, 'teleport')
    teacher.send('teacher:summon', {})
    const spot = await summoned
    expect(Math.hypot(spot.position[0] - 0, spot.position[2] - -4.2)).toBeGreaterThan(1.5)
    const kickRefused = nextMessage<ServerEvents['refused']>(alice, 'refused')
    alice.send('teacher:kick', { sessionId: bob.sessionId })
    expect((await kickRefused).type).toBe('teacher:kick')
  })

  it('drops malformed, unknown and flooding messages without crashing the room', async () => {
    const [teacher, alice] = rooms
    const junk: Array<[string | number, unknown]> = [
      ['slide:set', { index: 'two' }],
      ['slide:set', null],
      ['slide:set', { index: 1, extra: 1 }],
      ['pose', { head: [Number.NaN, 0, 0, 0, 0, 0, 1] }],
      ['pose', { head: 'x'.repeat(3000) }],
      ['annotation:add', { points: new Array(300).fill(0.5) }],
      ['quiz:answer', { questionId: 'largest-planet', choiceIds: 'jupiter' }],
      ['no-such-type', { a: 1 }],
      ['__proto__', {}],
      [42, { a: 1 }],
    ]
    for (const [type, message] of junk) teacher.send(type as string, message)
    // A flood of poses beyond the per-type budget is silently thinned.
    for (let i = 0; i < 80; i++) alice.send('pose', { head: [0, 1.5, 0, 0, 0, 0, 1] })
    teacher.send('slide:set', { index: 1 })
    await waitFor('room still serves the teacher', () => view(alice).slide === 1)
    expect(teacher.connection.isOpen).toBe(true)
    expect(alice.connection.isOpen).toBe(true)
  })

  it('reconnects after a network drop with the same seat and role', async () => {
    const [, alice] = rooms
    const seat = view(alice).members.get(alice.sessionId)?.seatId
    alice.reconnection.minUptime = 0
    alice.reconnection.minDelay = 50
    const reconnected = new Promise<void>((r) => alice.onReconnect.once(() => r()))
    const transport = alice.connection.transport as unknown as { ws: { terminate(): void } }
    transport.ws.terminate()
    await waitFor(
      'server to mark alice disconnected',
      () => view(rooms[0]).members.get(alice.sessionId)?.connected === false,
    )
    await reconnected
    await waitFor(
      'alice connected again',
      () => view(rooms[0]).members.get(alice.sessionId)?.connected === true,
    )
    expect(view(rooms[0]).members.get(alice.sessionId)).toMatchObject({
      seatId: seat,
      role: 'student',
      name: 'Alice',
    })
    alice.send('pose', { head: [2, 1.5, 2, 0, 0, 0, 1] })
    await waitFor(
      'alice works after reconnecting',
      () => view(rooms[0]).members.get(alice.sessionId)?.pose[0] === 2,
    )
  })

  it('rejoins from a reloaded page with the stored reconnection token, as the same member', async () => {
    const [teacher, , bob] = rooms
    const token = bob.reconnectionToken
    const seat = view(teacher).members.get(bob.sessionId)?.seatId
    bob.reconnection.enabled = false
    ;(bob.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate()
    await waitFor('bob dropped', () => view(teacher).members.get(bob.sessionId)?.connected === false)
    // A fresh client, as after a reload: only the token from sessionStorage survives.
    const again = await new Client(rig.server.url).reconnect(token)
    rooms.push(again)
    expect(again.sessionId).toBe(bob.sessionId)
    await waitFor('bob back', () => view(teacher).members.get(bob.sessionId)?.connected === true)
    expect(view(teacher).members.get(bob.sessionId)).toMatchObject({ seatId: seat, role: 'student' })
    // His quiz score comes back too.
    expect(view(again).members.get(bob.sessionId)?.answered).toBe(1)
  })

  it('lets the teacher remove a student for good', async () => {
    const teacher = rooms[0]
    const { room: eve } = await enter('Eve', 'student')
    const left = new Promise<number>((r) => eve.onLeave.once((code: number) => r(code)))
    teacher.send('teacher:kick', { sessionId: eve.sessionId })
    expect(await left).toBe(4003)
    await waitFor('eve gone', () => !view(teacher).members.has(eve.sessionId))
  })
})
