// Visitor analytics against the real server and its SQLite file: pages post anonymous events, staff read
// the day's summary and the CSV behind the operator code; malformed, oversized and flooding posts are
// refused with a reason and store nothing.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { SummaryRoute } from '../../src/shared/analytics/analytics-contracts'
import { emptyDistDir, TEST_OPERATOR_CODE, testServerConfig } from '../support/server-config'

let server: RunningServer
beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'error'
  server = await startServer(
    testServerConfig(mkdtempSync(join(tmpdir(), 'analytics-')), { distDir: emptyDistDir() }),
  )
})
afterAll(() => server?.close())

const post = (body: unknown) =>
  fetch(`${server.url}/api/analytics/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const staff = (path: string, code = TEST_OPERATOR_CODE) =>
  fetch(`${server.url}${path}`, { headers: { 'x-operator-code': code } })

describe('visitor analytics', () => {
  it('stores a page’s events and shows them in the summary and the CSV, behind the operator code', async () => {
    const sent = await post({
      visit: 'abc12345',
      events: [
        { type: 'scene-entered', scene: 'red-tourism' },
        { type: 'tour-completed', scene: 'red-tourism' },
        { type: 'scene-left', scene: 'red-tourism', seconds: 90 },
      ],
    })
    expect(sent.status).toBe(204)
    const summary = SummaryRoute.response.parse(await (await staff('/api/analytics/summary')).json())
    expect(summary.retentionDays).toBe(90)
    const today = summary.days.at(-1)!
    expect(today.visits).toBe(1)
    expect(today.toursCompleted).toBe(1)
    expect(today.scenes).toEqual([{ scene: 'red-tourism', entries: 1, meanSeconds: 90 }])
    const csv = await staff('/api/analytics/events.csv')
    expect(csv.headers.get('content-disposition')).toContain('visitor-analytics.csv')
    expect((await csv.text()).split('\r\n').filter((l) => l.includes('abc12345'))).toHaveLength(3)
    expect((await staff('/api/analytics/summary', '000000')).status).toBe(403)
    expect((await fetch(`${server.url}/api/analytics/events.csv`)).status).toBe(403)
  })

  it('refuses free text, unknown events, bad visit ids and oversized batches, and stores none of them', async () => {
    const refused = [
      { visit: 'abc12345', events: [{ type: 'error', scene: null, what: 'Ich heiße Max, 13800138000' }] },
      { visit: 'abc12345', events: [{ type: 'name-entered', name: 'Max' }] },
      { visit: 'Max Mustermann', events: [{ type: 'scene-entered', scene: 'gov-hall' }] },
      { visit: 'abc12345', events: [{ type: 'scene-entered', scene: 'gov-hall', name: 'Max' }] },
    ]
    for (const body of refused) {
      const response = await post(body)
      expect(response.status).toBe(400)
      expect((await response.json()).error).toBeTruthy()
    }
    const huge = await post({ visit: 'abc12345', events: [], pad: 'x'.repeat(20_000) })
    expect(huge.status).toBe(413)
    const csv = await (await staff('/api/analytics/events.csv')).text()
    expect(csv).not.toContain('Max')
    expect(csv).not.toContain('gov-hall')
  })

  it('refuses a flood from one address with 429 once its burst is spent', async () => {
    const batch = { visit: 'flood001', events: [{ type: 'scene-entered', scene: 'classroom' }] }
    const started = Date.now()
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await post(batch)).status)
    const seconds = (Date.now() - started) / 1000
    expect(statuses[0]).toBe(204)
    expect(statuses).toContain(429)
    // A burst of 10, then one a second.
    expect(statuses.filter((s) => s === 204).length).toBeLessThanOrEqual(10 + Math.ceil(seconds))
  })
})
