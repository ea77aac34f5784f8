// `?mqtt=` may only name a broker the server's configuration allows (TWIN_MQTT_ALLOW). A link to any
// other broker is refused: the twin stays on the park server, says so in the HUD in the visitor's
// language, and the page never tries to reach the named host (the harness fails on off-origin requests).
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage, waitFor } from './harness'
import { startTwinTestServer, type TwinTestServer } from './twin-server'
import { waitForSceneReady } from './xr-input'

describe('twin ?mqtt= allowlist', () => {
  let browser: Browser
  let server: TwinTestServer
  beforeAll(async () => {
    server = await startTwinTestServer()
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('refuses a broker the server does not allow, says so in the HUD and stays on the park server', async () => {
    const evil = 'ws://broker.evil.example:8083/mqtt'
    const app = await openAppPage(browser, server.url, `/?scene=twin-park&mqtt=${encodeURIComponent(evil)}`)
    try {
      const { page } = app
      await waitForSceneReady(page, 'twin-park')
      const live = await waitFor(
        page,
        'twin',
        (v) => v.source.kind === 'server' && v.source.status === 'online',
        {
          what: 'live data from the park server',
          timeout: 60_000,
        },
      )
      expect(live.source.kind).toBe('server')
      const notice = await page.waitForFunction(
        () => window.__xrShowcase.view('ui')?.textsUnder('twin-notice:broker-refused')?.join(' ') || null,
      )
      const text = (await notice.jsonValue()) as string
      expect(text).toContain('已拒绝外部数据源')
      expect(text).toContain(evil)
    } finally {
      await app.context.close()
    }
  }, 180_000)
})
