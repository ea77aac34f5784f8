// The twin park in a real browser against the real server (broker, simulator, SQLite), on desktop
// with the mouse and in VR with the IWER-emulated Quest 3: live values in the asset panel, an alert
// acknowledged, HVAC switched with confirmation (and the power dropping), the inspection route to a
// saved report, with no console errors and no request leaving this machine.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import type { ServerContext } from '../../src/server/module'
import { createTwinModule, type TwinModule } from '../../src/server/twin/twin-module'
import { type AppPage, launchChromium, openAppPage, startTestServer } from './harness'
import {
  controllerSelect,
  enterVR,
  frames,
  mouseClickAt,
  type Point,
  waitForSceneReady,
  worldPositionOf,
} from './xr-input'

type Click = (page: AppPage['page'], point: Point) => Promise<void>

const hooks = `window.__xrShowcase.kinds.twin`

async function twin<T>(page: AppPage['page'], expr: string): Promise<T> {
  return (await page.evaluate(`(() => { const t = ${hooks}; return ${expr} })()`)) as T
}

async function until(page: AppPage['page'], expr: string, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(`(() => { const t = ${hooks}; return !!t && !!(${expr}) })()`, undefined, {
      timeout,
      polling: 200,
    })
  } catch (error) {
    const state = await page
      .evaluate(
        `(() => { const t = ${hooks}; return t ? JSON.stringify({ source: t.source(), ui: t.ui(), alerts: t.alerts() }) : 'no twin hooks' })()`,
      )
      .catch(() => 'page gone')
    throw new Error(`waiting for ${expr}: ${(error as Error).message}\nstate: ${state}`)
  }
}

async function press(page: AppPage['page'], click: Click, name: string): Promise<void> {
  await click(page, await worldPositionOf(page, name))
}

/**
 * Presses until the expected effect shows (at most three tries): on a loaded two-core machine an
 * emulated trigger pull can fall between XR frames and be lost, which is not what these tests check.
 */
async function pressUntil(page: AppPage['page'], click: Click, name: string, expr: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await press(page, click, name)
    try {
      await until(page, expr, 6000)
      return
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
}

function suite(mode: 'desktop' | 'vr') {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startTestServer>>
  let park: TwinModule
  let app: AppPage
  const click: Click =
    mode === 'desktop' ? mouseClickAt : (page, point) => controllerSelect(page, point, 'right')

  beforeAll(async () => {
    server = await startTestServer({
      modules: [
        createStaticFilesModule,
        async (ctx: ServerContext) => {
          park = await createTwinModule(ctx)
          return park
        },
      ],
    })
    browser = await launchChromium()
    app = await openAppPage(browser, server.url, '/?scene=twin-park', { emulateQuest3: mode === 'vr' })
    await waitForSceneReady(app.page, 'twin-park')
    await until(
      app.page,
      `t.source().kind === 'server' && t.source().status === 'online' && t.value('datacenter', 'power') !== undefined`,
      60_000,
    )
    if (mode === 'vr') await enterVR(app.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows the data source and opens an asset panel whose live values change', async () => {
    expect(await twin<boolean>(app.page, 't.stale()')).toBe(false)
    await pressUntil(
      app.page,
      click,
      'twin-asset-center:datacenter',
      `t.ui().selected === 'datacenter' && t.shown('twin-panel:values')`,
    )
    const first = await twin<string>(app.page, `t.shown('twin-panel:values')`)
    expect(first).toMatch(/实时功率 \d+(\.\d)? kW/)
    // The simulator publishes every second; the panel text follows without any React state per message.
    await until(app.page, `t.shown('twin-panel:values') !== ${JSON.stringify(first)}`, 10_000)
  })

  it('raises an alert from an energy spike, shows it, and acknowledges it', async () => {
    park.simulators.get('demo')!.injectSpike('factory', 120, 1.25)
    const key = 'power-over-contract@factory'
    await until(app.page, `t.alerts().some((a) => a.key === '${key}' && !a.acked)`, 15_000)
    await frames(app.page, 10)
    await worldPositionOf(app.page, 'twin-badge:factory')
    await pressUntil(
      app.page,
      click,
      `twin-alert-ack:${key}`,
      `t.alerts().some((a) => a.key === '${key}' && a.acked)`,
    )
  }, 180_000)

  it('switches HVAC off after confirmation and the power drops', async () => {
    await until(app.page, `t.value('datacenter', 'hvacOn') === 1`)
    const before = await twin<number>(app.page, `t.value('datacenter', 'power')`)
    await pressUntil(app.page, click, 'twin-control:hvac', `t.ui().confirm !== null`)
    // Nothing is sent before the confirmation.
    expect(await twin<string | null>(app.page, `t.command('datacenter', 'hvac')`)).toBeNull()
    await frames(app.page, 6)
    await pressUntil(app.page, click, 'twin-confirm:yes', `t.ui().confirm === null`)
    await until(app.page, `t.command('datacenter', 'hvac') === 'acknowledged'`, 10_000)
    await until(app.page, `t.value('datacenter', 'hvacOn') === 0`, 5000)
    const after = await twin<number>(app.page, `t.value('datacenter', 'power')`)
    expect(after).toBeLessThan(before * 0.85)
    await until(app.page, `(t.shown('twin-control-state:hvac') ?? '').includes('已执行')`, 3000)
  }, 180_000)

  it('runs the inspection route to a saved, exportable report', async () => {
    await pressUntil(app.page, click, 'twin-inspection:start', `t.ui().inspection.active`)
    const stops = 5
    for (let i = 0; i < stops; i++) {
      await until(app.page, `t.ui().inspection.index === ${i} && t.ui().selected !== null`, 5000)
      await frames(app.page, 8)
      const next =
        i < stops - 1 ? `t.ui().inspection.index === ${i + 1}` : `t.ui().inspection.items.length === ${stops}`
      await pressUntil(app.page, click, i === 1 ? 'twin-inspection:fail' : 'twin-inspection:pass', next)
    }
    await until(app.page, `t.ui().inspection.savedId !== null`, 10_000)
    const id = await twin<number>(app.page, 't.ui().inspection.savedId')
    const csv = await (await fetch(`${server.url}/api/twin/demo/inspections/${id}.csv`)).text()
    const rows = csv.trim().split('\r\n')
    expect(rows).toHaveLength(stops + 1)
    expect(rows[2]).toContain(',fail,')
    expect(rows[1]).toContain('综合办公楼')
  }, 300_000)

  it('made no console errors and no off-machine requests', () => {
    expect(app.consoleErrors).toEqual([])
    expect(app.offOriginRequests).toEqual([])
  })
}

describe('twin park on desktop (mouse)', () => suite('desktop'))
describe('twin park in VR (IWER Quest 3, controller)', () => suite('vr'))
