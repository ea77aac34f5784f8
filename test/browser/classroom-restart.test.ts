// A page in a class rides out a server crash: the real server (src/server/main.ts, a child process) is
// killed with SIGKILL while a student's page is in the class; the page shows that it is reconnecting (the
// room-code board's status line) and, once a new process runs on the same port and data folder, is back in
// the same class by itself, with the slide the teacher had set. The page's venue presence comes back by
// itself too: the new process lists the device again for the operator. (The restored state in detail, kicks
// and quiz attempts are covered without a browser in test/integration/classroom-restart.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { ClassroomDebugView } from '../../src/kinds/classroom/debug'
import { TEST_OPERATOR_CODE, testServerConfig } from '../support/server-config'
import { type SpawnedServer, spawnServer } from '../support/spawn-server'
import { type AppPage, launchChromium, openAppPage, waitFor } from './harness'
import { frames, mouseClickAt, waitForSceneReady } from './xr-input'

const TEACHER_CODE = '246810'
const dataDir = mkdtempSync(join(tmpdir(), 'classroom-restart-browser-'))
const servers: SpawnedServer[] = []
let browser: Browser | undefined

afterAll(async () => {
  await browser?.close()
  for (const s of servers) await s.kill().catch(() => undefined)
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(port = 0): Promise<SpawnedServer> {
  const server = await spawnServer({
    config: testServerConfig(dataDir, { port, teacherCode: TEACHER_CODE, simulator: false }),
  })
  servers.push(server)
  return server
}

/** The devices the operator API lists on `url`, as id → scene (online devices only). */
async function venueDevices(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/venue/devices`, {
    headers: { 'x-operator-code': TEST_OPERATOR_CODE },
  })
  const { devices } = (await response.json()) as { devices: { id: string; scene: string; online: boolean }[] }
  return Object.fromEntries(devices.filter((d) => d.online).map((d) => [d.id, d.scene]))
}

function untilClassroom(
  app: AppPage,
  what: string,
  predicate: (view: ClassroomDebugView) => boolean,
  timeout = 30_000,
): Promise<ClassroomDebugView> {
  return waitFor(app.page, 'classroom', predicate, { what, timeout })
}

describe('classroom: server restart', () => {
  it('a page in a class sees the restart and comes back by itself', { timeout: 240_000 }, async () => {
    const first = await start()
    // The teacher (a bare SDK client) opens the class on slide 2.
    // (It is not rejoined: its room dies with the first process and there is nothing to leave.)
    const teacher: Room = await new Client(first.url).joinOrCreate('classroom', {
      scene: 'classroom',
      name: 'Ms Li',
      role: 'teacher',
      teacherCode: TEACHER_CODE,
    })
    teacher.reconnection.enabled = false
    teacher.send('slide:set', { index: 2 })

    browser = await launchChromium()
    const app = await openAppPage(browser, first.url, '/?scene=classroom&name=Lin', {
      venuePresence: true,
      // While the server is down the page's retries fail: refused connections, and on the new process
      // the old reconnection token is unknown (524) before it rejoins by its member token.
      expectConsoleErrors: [
        /Failed to load resource: .*\/matchmake\/(reconnect|joinById)\//,
        /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[^']+' failed/,
      ],
    })
    await waitForSceneReady(app.page, 'classroom')
    await frames(app.page, 5)
    await mouseClickAt(app.page, 'join-submit')
    // Everything the class shows has loaded (slide 2's image, the teacher's figure) before the crash, so
    // the only failed requests are the reconnection's, not a download cut off halfway.
    const joined = await untilClassroom(
      app,
      "the student in the class on slide 2, with its image and the teacher's figure",
      (v) =>
        v.mode === 'online' && v.slide === 2 && v.slideImage && v.figures.some((f) => f.role === 'teacher'),
    )

    const deviceId = await app.page.evaluate(() => localStorage.getItem('xr-showcase:venue:device-id'))
    expect(deviceId).toBeTruthy()
    await expect.poll(() => venueDevices(first.url)).toEqual({ [String(deviceId)]: 'classroom' })

    await first.kill()
    await untilClassroom(
      app,
      'the page reconnecting',
      (v) => v.mode === 'online' && v.status === 'reconnecting',
    )
    expect(await app.page.evaluate(() => window.__xrShowcase.isShown('room-status'))).toBe(true)
    // Told where the visitor looks, not only on the board metres away.
    await app.page.waitForFunction(() => window.__xrShowcase.isShown('class-notice'))
    expect(await app.page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('class-notice'))).toEqual(
      ['网络中断，正在重连…'],
    )

    await start(first.port)
    const back = await untilClassroom(
      app,
      'the page back in the same class by itself',
      (v) =>
        v.mode === 'online' &&
        v.status === 'online' &&
        v.code === joined.code &&
        v.members.some((m) => m.id === v.selfId && m.name === 'Lin'),
      60_000,
    )
    // The venue room died with the first process; the page's presence joined the new one by itself.
    await expect
      .poll(() => venueDevices(first.url), { timeout: 30_000 })
      .toEqual({ [String(deviceId)]: 'classroom' })
    expect(back.selfId).not.toBe(joined.selfId)
    expect(back.slide).toBe(2)
    expect(back.role).toBe('student')
  })
})
