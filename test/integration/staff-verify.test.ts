// The kiosk's staff exit asks POST /api/staff/verify whether the operator code is right. The code is
// read from the x-operator-code header only, and wrong tries count in the server's one operator-code
// guard: after the lockout, the twin's inspection reports refuse the right code too.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { emptyDistDir, TEST_OPERATOR_CODE, testServerConfig } from '../support/server-config'

const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

async function server(): Promise<RunningServer> {
  process.env.LOG_LEVEL ??= 'error'
  const s = await startServer(
    testServerConfig(mkdtempSync(join(tmpdir(), 'staff-')), { distDir: emptyDistDir() }),
  )
  servers.push(s)
  return s
}

const verify = (url: string, headers: Record<string, string> = {}, query = '') =>
  fetch(`${url}/api/staff/verify${query}`, { method: 'POST', headers })

describe('staff code check (kiosk staff exit)', () => {
  it('answers 200 for the right operator code in the header, 403 for a wrong or missing one', async () => {
    const { url } = await server()
    const right = await verify(url, { 'x-operator-code': TEST_OPERATOR_CODE })
    expect(right.status).toBe(200)
    expect(await right.json()).toEqual({ ok: true })
    expect(right.headers.get('cache-control')).toBe('no-store')
    expect((await verify(url, { 'x-operator-code': '000000' })).status).toBe(403)
    expect((await verify(url)).status).toBe(403)
    // A code in the address is not read.
    expect((await verify(url, {}, `?code=${TEST_OPERATOR_CODE}`)).status).toBe(403)
  })

  it('locks the address out after 5 wrong codes, here and at the twin alike', async () => {
    const { url } = await server()
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push((await verify(url, { 'x-operator-code': String(100000 + i) })).status)
    expect(statuses).toEqual([403, 403, 403, 403, 429])
    const locked = await verify(url, { 'x-operator-code': TEST_OPERATOR_CODE })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29)
    const inspection = await fetch(`${url}/api/twin/twin-park/inspections`, {
      method: 'POST',
      headers: { 'x-operator-code': TEST_OPERATOR_CODE, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(inspection.status).toBe(429)
  })
})
