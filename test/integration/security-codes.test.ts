import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@colyseus/sdk'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { runServerUntilExit } from '../support/spawn-server'
import { freePort, startChildServer, startClassroomServer, TEACHER_CODE } from './classroom-harness'

const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

async function server() {
  const s = await startClassroomServer(mkdtempSync(join(tmpdir(), 'codes-')))
  servers.push(s)
  return s
}

const sessions = (url: string, code: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/classroom/sessions`, { headers: { 'x-teacher-code': code, ...headers } })

describe('teacher code guessing', () => {
  it('locks an address out after 5 wrong codes on the sessions route, even for the right code, and backs off', async () => {
    const { url } = await server()
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await sessions(url, String(100000 + i))).status)
    expect(statuses).toEqual([403, 403, 403, 403, 429])
    const locked = await sessions(url, TEACHER_CODE)
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29)
    // A forged forwarding header does not buy a fresh address.
    expect((await sessions(url, TEACHER_CODE, { 'x-forwarded-for': '10.9.8.7' })).status).toBe(429)
    const results = await fetch(`${url}/api/classroom/sessions/X-1/results.csv`, {
      headers: { 'x-teacher-code': TEACHER_CODE },
    })
    expect(results.status).toBe(429)
  })

  it('locks out teacher joins through /matchmake, whatever address the request claims', async () => {
    const { url } = await server()
    const tryJoin = (code: string, i: number) =>
      fetch(`${url}/matchmake/joinOrCreate/classroom`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.0.0.${i}`,
          'x-real-ip': `10.1.0.${i}`,
        },
        body: JSON.stringify({ scene: 'classroom', name: 'Mallory', role: 'teacher', teacherCode: code }),
      })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await tryJoin(String(200000 + i), i)).status)
    expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403])
    expect(statuses.slice(4)).toEqual([429, 429])
    await expect(
      new Client(url).joinOrCreate('classroom', {
        scene: 'classroom',
        name: 'Ms Li',
        role: 'teacher',
        teacherCode: TEACHER_CODE,
      }),
    ).rejects.toThrow(/too many wrong tries/)
    // Students are not affected by a teacher-code lockout.
    const student = await new Client(url).joinOrCreate('classroom', {
      scene: 'classroom',
      name: 'Bo',
      role: 'student',
    })
    expect(student.sessionId).toBeTruthy()
    await student.leave()
  })

  it('refuses a code in the URL and keeps query strings out of the log', async () => {
    const child = await startChildServer({
      dataDir: mkdtempSync(join(tmpdir(), 'codes-log-')),
      env: { LOG_LEVEL: 'info' },
    })
    try {
      const before = child.output().length
      const res = await fetch(`${child.url}/api/classroom/sessions?teacherCode=${TEACHER_CODE}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/x-teacher-code header/)
      expect((await sessions(child.url, TEACHER_CODE)).status).toBe(200)
      const logged = child.output().slice(before)
      expect(logged).toContain('/api/classroom/sessions')
      expect(logged).not.toContain(TEACHER_CODE)
    } finally {
      await child.stop()
    }
  })
})

describe('start-up refusals are one clear line', () => {
  it('refuses an empty TEACHER_CODE', async () => {
    const { code, stderr } = await runServerUntilExit({ TEACHER_CODE: '', PORT: String(await freePort()) })
    expect(code).toBe(1)
    expect(stderr.trim()).toBe(
      'TEACHER_CODE is set but empty: set a code of at least 6 characters, or unset it to get a random one.',
    )
  })

  it('says so when the port is in use', async () => {
    const blocker = createServer()
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)),
    )
    try {
      const { code, stderr } = await runServerUntilExit({ PORT: String(port) })
      expect(code).toBe(1)
      expect(stderr.trim()).toBe(
        `Port ${port} is already in use: stop the other program or start with PORT=<another port>.`,
      )
    } finally {
      blocker.close()
    }
  })

  it('says so when the data folder cannot be written', async () => {
    // /sys is read-only even for root, which passes every permission check elsewhere.
    const { code, stderr } = await runServerUntilExit({
      DATA_DIR: '/sys/xr-showcase-data',
      PORT: String(await freePort()),
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^The data folder \/sys\/xr-showcase-data is not writable \(E[A-Z]+\)/)
  })
})
