// The twin park in a real browser against the real server (broker, simulator, SQLite), on desktop
// with the mouse and in VR with the IWER-emulated Quest 3: live values in the asset panel, an alert
// acknowledged, HVAC switched with confirmation (and the power dropping), the inspection route to a
// saved report; at scale 1000 field sensors, the 24 h chart, replay and a broker restart; and the
// in-browser simulator when the app is served statically. The desktop flows share one page, the VR
// flows one session (browser and server are shared per describe), and every page ends with no
// console errors and no request leaving this machine.
// Over 300 lines because each suite needs its own server setup (live, at scale, static); they share the helpers.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TwinDebugView } from '../../src/kinds/twin/debug'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import type { ServerContext } from '../../src/server/module'
import { createTwinModule, type TwinModule } from '../../src/server/twin/twin-module'
import { InspectionReportInput } from '../../src/shared/twin/http-contracts'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { type AppPage, debugView, launchChromium, openAppPage, startTestServer, waitFor } from './harness'
import { startTwinTestServer, type TwinTestServer } from './twin-server'
import {
  controllerSelect,
  enterVR,
  frames,
  mouseClickAt,
  type Point,
  waitForSceneReady,
  worldPositionOf,
} from './xr-input'

type Page = AppPage['page']
type Mode = 'desktop' | 'vr'

/** Waits on the twin's debug view; the failure shows the last view seen. */
const twinUntil = (page: Page, what: string, predicate: (v: TwinDebugView) => boolean, timeout = 20_000) =>
  waitFor(page, 'twin', predicate, { what, timeout })

async function twinNow(page: Page): Promise<TwinDebugView> {
  const view = await debugView(page, 'twin')
  if (!view) throw new Error('the twin debug view is not registered')
  return view
}

/** One press on a named 3D control the way the mode's visitor presses (the helpers fail on a miss). */
async function press(page: Page, mode: Mode, name: string): Promise<void> {
  if (mode === 'desktop') await mouseClickAt(page, name)
  else await controllerSelect(page, name, 'right')
}

/**
 * Types the operator code on the prompt's 3D keyboard, the way the mode's visitor types, and presses OK.
 * A page that already gave it is not asked again (the VR flows share one session).
 */
async function enterOperatorCode(page: Page, mode: Mode): Promise<void> {
  if ((await twinNow(page)).operator) return
  await page.waitForFunction(() => window.__xrShowcase.view('ui')?.textsUnder('twin-operator') != null)
  await frames(page, 6)
  for (const key of [...TEST_OPERATOR_CODE, 'enter'])
    await press(page, mode, `twin-operator-keyboard:key:${key}`)
  await page.waitForFunction(() => window.__xrShowcase.view('ui')?.textsUnder('twin-operator') == null)
}

/**
 * Opens the twin in a fresh page, waits for live data from `source`, and (VR) enters the session; runs
 * `body` and closes it; the harness then fails the test on any console error other than those `allowed`
 * and on any off-machine request.
 */
async function withTwin(
  browser: Browser,
  url: string,
  options: {
    mode?: Mode
    source?: 'server' | 'simulator'
    allowed?: RegExp
    lang?: 'zh' | 'en'
    viewport?: { width: number; height: number }
  },
  body: (app: AppPage) => Promise<void>,
): Promise<void> {
  const mode = options.mode ?? 'desktop'
  const source = options.source ?? 'server'
  // The harness fails the test on any other console error or off-origin request (page-checks.setup.ts).
  const app = await openAppPage(
    browser,
    url,
    `/?scene=twin-park${options.lang ? `&lang=${options.lang}` : ''}`,
    {
      viewport: options.viewport,
      emulateQuest3: mode === 'vr',
      expectConsoleErrors: options.allowed ? [options.allowed] : [],
    },
  )
  try {
    await waitForSceneReady(app.page, 'twin-park')
    await twinUntil(
      app.page,
      `live data from the ${source}`,
      (v) =>
        v.source.kind === source &&
        v.source.status === 'online' &&
        v.values['datacenter/power'] !== undefined,
      60_000,
    )
    if (mode === 'vr') await enterVR(app.page)
    await body(app)
  } finally {
    await app.context.close()
  }
}

/** One flow of a visitor's, on a page already showing live data (the VR suite runs them in one session). */
interface Flow {
  page: Page
  mode: Mode
  park: TwinModule
  server: { url: string }
}

/** Opens the data centre's asset panel (unless open) and waits until its values are on screen. */
async function openDatacenter(page: Page, mode: Mode): Promise<string> {
  if ((await twinNow(page)).ui.selected !== 'datacenter')
    await press(page, mode, 'twin-asset-center:datacenter')
  const view = await twinUntil(
    page,
    'the data centre panel with values',
    (v) => v.ui.selected === 'datacenter' && (v.shown['twin-panel:values'] ?? '') !== '',
  )
  return view.shown['twin-panel:values']
}

/** The data source is live and the data centre's panel shows values that change. */
async function liveValues({ page, mode }: Flow): Promise<void> {
  expect((await twinNow(page)).stale).toBe(false)
  const first = await openDatacenter(page, mode)
  expect(first).toMatch(/实时功率 \d+(\.\d)? kW/)
  // The simulator publishes every second; the panel text follows without any React state per message.
  const changed = await twinUntil(
    page,
    'the panel values to change',
    (v) => v.shown['twin-panel:values'] !== first,
  )
  expect(changed.shown['twin-panel:values']).toMatch(/实时功率 \d+(\.\d)? kW/)
}

/** HVAC switched off through the confirmation and the operator code; the power drops. */
async function hvacOff({ page, mode }: Flow): Promise<void> {
  const on = await twinUntil(page, 'data centre HVAC on', (v) => v.values['datacenter/hvacOn'] === 1)
  const before = on.values['datacenter/power']
  await openDatacenter(page, mode)
  await press(page, mode, 'twin-control:hvac')
  const asking = await twinUntil(page, 'the confirmation dialog', (v) => v.ui.confirm !== null)
  expect(asking.ui.confirm).toEqual({ assetId: 'datacenter', control: 'hvac', value: 0 })
  // Nothing is sent before the confirmation.
  expect(asking.commands['datacenter/hvac']).toBeUndefined()
  await frames(page, 6)
  await press(page, mode, 'twin-confirm:yes')
  await twinUntil(page, 'the dialog closed', (v) => v.ui.confirm === null)
  // A kiosk is a viewer: the command waits for the operator code, checked by the server.
  await enterOperatorCode(page, mode)
  await twinUntil(page, 'the command acknowledged', (v) => v.commands['datacenter/hvac'] === 'acknowledged')
  const off = await twinUntil(page, 'HVAC off in the data', (v) => v.values['datacenter/hvacOn'] === 0)
  expect(off.values['datacenter/power']).toBeLessThan(before * 0.85)
  await twinUntil(page, 'the control state "done" on screen', (v) =>
    (v.shown['twin-control-state:hvac'] ?? '').includes('已执行'),
  )
}

/** An energy spike raises a critical alert, badged on the building, and the visitor acknowledges it. */
async function alertAck({ page, mode, park }: Flow): Promise<void> {
  park.simulators.get('demo')!.injectSpike('factory', 120, 1.25)
  const key = 'power-over-contract@factory'
  const raised = await twinUntil(
    page,
    `alert ${key} raised`,
    (v) => v.alerts.some((a) => a.key === key && !a.acked),
    30_000,
  )
  expect(raised.alerts.find((a) => a.key === key)?.severity).toBe('critical')
  // The alert is said aloud from the file the build voiced for it (issue 12), after any said before it.
  await waitFor(
    page,
    'narration',
    (n) => n.played.some((f) => /\/alert-power-over-contract-factory\.(zh|en)\.[0-9a-f]+\.mp3$/.test(f)),
    { what: 'the alert plays its shipped file', timeout: 60_000 },
  )
  // The factory's floating badge is drawn.
  await worldPositionOf(page, 'twin-badge:factory')
  await frames(page, 10)
  await press(page, mode, `twin-alert-ack:${key}`)
  const acked = await twinUntil(page, `alert ${key} acknowledged`, (v) =>
    v.alerts.some((a) => a.key === key && a.acked),
  )
  expect(acked.alerts.filter((a) => a.key === key)).toEqual([{ key, severity: 'critical', acked: true }])
}

/** The inspection route, stop by stop, to a saved report offered as a QR code (and a download on a desktop). */
async function inspection({ page, mode, server }: Flow): Promise<void> {
  await press(page, mode, 'twin-inspection:start')
  await twinUntil(page, 'the inspection started', (v) => v.ui.inspection.active)
  const stops = 5
  for (let i = 0; i < stops; i++) {
    await twinUntil(
      page,
      `inspection stop ${i + 1}`,
      (v) => v.ui.inspection.index === i && v.ui.selected !== null,
    )
    await frames(page, 8)
    await press(page, mode, i === 1 ? 'twin-inspection:fail' : 'twin-inspection:pass')
    await twinUntil(page, `stop ${i + 1} recorded`, (v) => v.ui.inspection.items.length === i + 1)
  }
  // Saving the report needs the operator code (asked for unless this page already gave it).
  await enterOperatorCode(page, mode)
  const saved = await twinUntil(page, 'the report saved', (v) => v.ui.inspection.savedId !== null)
  expect(saved.ui.inspection.error).toBeNull()
  // What the viewer sent satisfies the server's contract (it was accepted) and records every stop.
  expect(InspectionReportInput.shape.items.parse(saved.ui.inspection.items)).toHaveLength(stops)
  const csv = await (
    await fetch(`${server.url}/api/twin/demo/inspections/${saved.ui.inspection.savedId}.csv`)
  ).text()
  const rows = csv.trim().split('\r\n')
  expect(rows).toHaveLength(stops + 1)
  expect(rows[2]).toContain(',fail,')
  expect(rows[1]).toContain('综合办公楼')
  // The card offers the report as a visitor can use it: a summary, a QR code of the CSV's address,
  // and on a desktop a real download (a bare "/api/…csv" path is nothing a visitor can open).
  const done = await twinUntil(page, 'the report card with its QR code', (v) => v.reportQr !== null)
  expect(done.reportQr).toMatch(
    new RegExp(`^https?://[^/]+/api/twin/demo/inspections/${saved.ui.inspection.savedId}\\.csv$`),
  )
  const card = await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('twin-inspection'))
  expect(card?.join('\n')).toContain('共 5 站：4 站通过，1 站不通过')
  expect(card?.join('\n')).toContain('不通过：智能制造车间')
  if (mode === 'desktop') {
    const download = page.waitForEvent('download')
    await press(page, mode, 'twin-inspection:download')
    expect((await download).suggestedFilename()).toBe(`inspection-demo-${saved.ui.inspection.savedId}.csv`)
  } else
    expect(await page.evaluate(() => window.__xrShowcase.isShown('twin-inspection:download'))).toBe(false)
}

/** The suite's browser and live server (broker, simulator, SQLite), shared by its tests. */
function twinRig() {
  const rig = {} as {
    browser: Browser
    server: Awaited<ReturnType<typeof startTestServer>>
    park: TwinModule
  }
  beforeAll(async () => {
    rig.server = await startTestServer({
      modules: [
        createStaticFilesModule,
        async (ctx: ServerContext) => {
          rig.park = await createTwinModule(ctx)
          return rig.park
        },
      ],
    })
    rig.browser = await launchChromium()
  })
  afterAll(async () => {
    await rig.browser?.close()
    await rig.server?.close()
  })
  return rig
}

describe('twin park on desktop (mouse)', () => {
  const rig = twinRig()
  const mode = 'desktop'
  // The four flows one after another on one page, as in VR: each page load costs as much as a flow,
  // and a failure names the step it stopped at.
  it('reads live values, raises and acknowledges an alert, switches HVAC and runs the inspection', async () => {
    await withTwin(rig.browser, rig.server.url, { mode }, async ({ page }) => {
      const flow: Flow = { page, mode, park: rig.park, server: rig.server }
      await liveValues(flow)
      await alertAck(flow)
      await hvacOff(flow)
      await inspection(flow)
    })
  }, 420_000)
  it('keeps every HUD panel inside a 1024×640 window and apart, with the chart’s curve and English names', async () => {
    const viewport = { width: 1024, height: 640 }
    await withTwin(rig.browser, rig.server.url, { mode, lang: 'en', viewport }, async ({ page }) => {
      rig.park.simulators.get('demo')!.injectSpike('factory', 120, 1.25)
      await twinUntil(page, 'an alert listed', (v) => v.alerts.length > 0, 30_000)
      await press(page, mode, 'twin-inspection:start')
      await twinUntil(page, 'the first stop', (v) => v.ui.inspection.active && v.ui.selected === 'office-a')
      await frames(page, 4)
      await press(page, mode, 'twin-control:hvac')
      const view = await twinUntil(
        page,
        'all five panels on screen and the chart drawn across its width',
        (v) =>
          v.ui.confirm !== null &&
          v.chart.asset === 'office-a' &&
          v.chart.width > 0.1 &&
          ['twin-status', 'twin-alerts', 'twin-asset-panel', 'twin-confirm', 'twin-inspection'].every(
            (n) => v.screen?.rects[n] !== undefined,
          ),
      )
      const { width, height, rects } = view.screen!
      expect([width, height]).toEqual([viewport.width, viewport.height])
      const panels = ['twin-status', 'twin-alerts', 'twin-asset-panel', 'twin-confirm', 'twin-inspection']
      for (const name of panels) {
        const r = rects[name]
        expect(r.left, `${name} left`).toBeGreaterThanOrEqual(0)
        expect(r.top, `${name} top`).toBeGreaterThanOrEqual(0)
        expect(r.right, `${name} right`).toBeLessThanOrEqual(width)
        expect(r.bottom, `${name} bottom`).toBeLessThanOrEqual(height)
      }
      const apart = (a: string, b: string) =>
        rects[a].right <= rects[b].left ||
        rects[b].right <= rects[a].left ||
        rects[a].bottom <= rects[b].top ||
        rects[b].bottom <= rects[a].top
      for (let i = 0; i < panels.length; i++)
        for (let j = i + 1; j < panels.length; j++)
          expect(apart(panels[i], panels[j]), `${panels[i]} and ${panels[j]} overlap`).toBe(true)
      // The alert's acknowledge button is free of every other panel (the inspection card covered it).
      const ack = Object.keys(rects).find((n) => n.startsWith('twin-alert-ack:'))!
      for (const name of panels.filter((n) => n !== 'twin-alerts'))
        expect(apart(ack, name), `${ack} under ${name}`).toBe(true)
      // The state and the action are two texts, in English, as are the building's name and units.
      const texts = await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('twin-asset-panel'))
      expect(texts).toEqual(expect.arrayContaining(['Office tower', 'HVAC: running', 'Turn HVAC off']))
      expect(view.shown['twin-panel:values']).toMatch(/Occupancy \d+ people/)
    })
  }, 180_000)
})

// The same flows with the controller, one after another in one session: in VR each page load and
// session start costs as much as a flow, and a visitor in a headset does them in one visit anyway.
describe('twin park in VR (IWER Quest 3, controller)', () => {
  const rig = twinRig()
  it('reads live values, switches HVAC, acknowledges an alert and runs the inspection, in one session', async () => {
    const mode = 'vr'
    await withTwin(rig.browser, rig.server.url, { mode }, async ({ page }) => {
      const flow: Flow = { page, mode, park: rig.park, server: rig.server }
      await liveValues(flow)
      await hvacOff(flow)
      await alertAck(flow)
      await inspection(flow)
    })
  }, 420_000)
})

/** The DOM mirror of a 3D control (the keyboard list), found by the start of its label. */
async function a11yLabel(page: Page, prefix: string): Promise<string | null> {
  return page.evaluate(
    (p) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-target]')]
        .map((b) => b.dataset.a11yTarget ?? '')
        .find((label) => label.startsWith(p)) ?? null,
    prefix,
  )
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * 1000 field sensors, history replay, the 24 h chart and a broker restart, on desktop with the mouse.
 * History is recorded through the server's own recorder into its SQLite file: the data centre ran over
 * its 900 kW contract (1111 kW) from 3 h to 2 h ago, then at 555 kW from 2 h to 1.5 h ago.
 */
describe('twin park at scale: field sensors, history replay, broker restart (desktop)', () => {
  let browser: Browser
  let server: TwinTestServer
  const now = Date.now()
  const overFrom = Math.floor((now - 3 * HOUR) / MINUTE) * MINUTE
  const overTo = overFrom + HOUR
  const normalTo = overTo + 30 * MINUTE
  const OVER_KW = 1111
  const NORMAL_KW = 555

  beforeAll(async () => {
    server = await startTwinTestServer({ fieldSensors: 1000 })
    const recorder = server.park!.recorder
    for (let ts = overFrom; ts < normalTo; ts += MINUTE)
      recorder.record('demo', 'datacenter', 'power', ts, ts < overTo ? OVER_KW : NORMAL_KW)
    recorder.flush()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // Sensors, chart, reload and replay one after another on one page: each twin page with 1000 sensors
  // costs a scene load, and each step sets up what it needs (the chart opens the data centre, the replay
  // goes back to live at its end); the sensors are shown when the chart opens the building on purpose.
  it('draws 1000 sensors as one instanced mesh, the recorded history in the 24 h chart, keeps the selection over a reload, and replays history from the time slider', async () => {
    await withTwin(browser, server.url, {}, async ({ page }) => {
      await sensorsDrawn(page)
      await historyChart(page)
      await selectionSurvivesReload(page)
      await replay(page)
    })
  }, 540_000)

  /** 1000 sensors as one instanced mesh recoloured per batch, counted on the HUD and switchable. */
  async function sensorsDrawn(page: Page): Promise<void> {
    const before = await twinUntil(
      page,
      '1000 markers drawn and coloured',
      (v) =>
        v.sensors.instances === 1000 &&
        v.sensors.received === 1000 &&
        v.sensors.visible &&
        v.sensors.colorUploads > 0,
      30_000,
    )
    expect(await a11yLabel(page, '隐藏现场传感器')).toBe('隐藏现场传感器（1000 个）')
    const after = await twinUntil(
      page,
      'three more batches with new colours',
      (v) =>
        v.sensors.batches >= before.sensors.batches + 3 &&
        v.sensors.colorChecksum !== before.sensors.colorChecksum,
    )
    // Colours are rewritten when batches arrive, at most once per batch (never per frame). The + 1: a
    // batch received just before a snapshot is drawn on the next frame, after it.
    const uploads = after.sensors.colorUploads - before.sensors.colorUploads
    expect(uploads).toBeGreaterThan(0)
    expect(uploads).toBeLessThanOrEqual(after.sensors.batches - before.sensors.batches + 1)
    await frames(page, 30)
    const idle = (await twinNow(page)).sensors
    expect(idle.colorUploads - after.sensors.colorUploads).toBeLessThanOrEqual(
      idle.batches - after.sensors.batches + 1,
    )
    expect(idle.colorUploads).toBeLessThanOrEqual(idle.batches)
    // Markers never take a ray: an ordinary mesh there would be hit, the drawn one is not.
    expect(idle.markerRay?.ordinary).toBeGreaterThan(0)
    expect(idle.markerRay?.hits).toBe(0)
    // The operator hides and shows the layer with the HUD switch.
    await press(page, 'desktop', 'twin-sensors:toggle')
    await twinUntil(page, 'the sensor layer hidden', (v) => !v.sensors.visible)
    expect(await a11yLabel(page, '显示现场传感器')).toBe('显示现场传感器（1000 个）')
    await frames(page, 4)
    await press(page, 'desktop', 'twin-sensors:toggle')
    await twinUntil(page, 'the sensor layer shown again', (v) => v.sensors.visible)
    // The park's eight trees, one model the scene file places eight times, are one instanced draw.
    const draws = await page.evaluate(() => window.__xrShowcase.nextRenderDraws())
    const trees = draws.filter((d) => d.path.includes('tree'))
    expect(trees.map((d) => d.path)).toEqual([
      `models:${Array.from({ length: 8 }, (_, i) => `tree-${i + 1}`).join(',')}`,
    ])
    // The buildings come from five files, but their unaddressed parts share the page's one material per
    // look: sorted together, each draw after the first skips the material upload. Today that is 12 part
    // draws in six looks (the office's and the factory's glazing and fittings one palette look), where each
    // file's own copies made twelve materials. Each Body keeps its own, which the alerts tint.
    const buildings = draws.filter((d) => d.path.includes('/Scene/park-'))
    const parts = buildings.filter((d) => !d.path.endsWith('/Body'))
    const bodies = buildings.filter((d) => d.path.endsWith('/Body'))
    expect(parts.length).toBeGreaterThanOrEqual(12)
    expect(new Set(parts.map((d) => d.materialId)).size).toBeLessThanOrEqual(6)
    expect(new Set(bodies.map((d) => d.materialId)).size).toBe(bodies.length)
    // The trees share the buildings' matte look but not its object: an instanced draw is another program,
    // and three looks the program up anew at every switch between the two within one material.
    expect(parts.map((d) => d.materialId)).not.toContain(trees[0].materialId)
    // Opaque draws grouped by shader program (program-sort.ts): once the frame leaves a program it does
    // not come back to it, so three sends the camera, lights and material once per program. Without the
    // order, the park's opaque draws went through eight programs in sixteen runs.
    const opaque = draws.filter((d) => !d.transparent).map((d) => d.programId)
    const runs = opaque.filter((p, i) => i === 0 || p !== opaque[i - 1])
    expect(runs, 'the programs of the opaque draws, in draw order').toEqual([...new Set(runs)])
  }

  /** The recorded history and the live points in the asset panel’s 24 h chart. */
  async function historyChart(page: Page): Promise<void> {
    // With the sensors shown: they must not block the click on the building.
    await openDatacenter(page, 'desktop')
    const { chart } = await twinUntil(
      page,
      'the recorded day in the chart',
      (v) =>
        v.chart.asset === 'datacenter' &&
        v.chart.recorded > 0 &&
        v.chart.points.some(([, kw]) => kw === NORMAL_KW) &&
        v.chart.points.some(([ts]) => ts > now),
    )
    const over = chart.points.filter(([ts, v]) => ts >= overFrom && ts < overTo && v === OVER_KW)
    const normal = chart.points.filter(([ts, v]) => ts >= overTo && ts < normalTo && v === NORMAL_KW)
    // The API averages two minutes per point: 30 points for the hour, 15 for the half hour (± a boundary).
    expect(over.length).toBeGreaterThanOrEqual(29)
    expect(normal.length).toBeGreaterThanOrEqual(14)
    expect(chart.drawn).toBe(chart.points.length)
  }

  /** Issue 10 item 6: the selected asset survives a reload (the data centre, selected by the chart step). */
  async function selectionSurvivesReload(page: Page): Promise<void> {
    expect((await twinNow(page)).ui.selected).toBe('datacenter')
    await page.reload()
    await waitForSceneReady(page, 'twin-park')
    const after = await twinUntil(page, 'an asset selected after the reload', (v) => v.ui.selected !== null)
    expect(after.ui.selected).toBe('datacenter')
  }

  /** Recorded history replayed from the time slider, rules and alerts included. */
  async function replay(page: Page): Promise<void> {
    await openDatacenter(page, 'desktop')
    await press(page, 'desktop', 'twin-replay:start')
    await twinUntil(page, 'the replay running', (v) => v.ui.replay.active && v.replay !== null)
    await press(page, 'desktop', 'twin-replay:play')
    await twinUntil(page, 'the replay paused', (v) => v.replay?.playing === false)
    await press(page, 'desktop', 'twin-replay:speed-10')
    await twinUntil(page, 'speed 10×', (v) => v.replay?.speed === 10)
    /** One click on the track at the fraction of the day where `target` lies (the track logs no clicks). */
    const seek = async (target: number, what: string, lo: number, hi: number) => {
      const clock = (await twinNow(page)).replay!
      const f = (target - clock.from) / (clock.to - clock.from)
      const a = await worldPositionOf(page, 'twin-replay:track-start')
      const b = await worldPositionOf(page, 'twin-replay:track-end')
      await mouseClickAt(page, a.map((v, i) => v + (b[i] - v) * f) as Point)
      await twinUntil(page, what, (v) => v.replay !== null && v.replay.t > lo && v.replay.t < hi)
    }
    // Forward into the half hour at 555 kW (playback from the start of the day cannot be there yet) …
    await seek(
      overTo + 15 * MINUTE,
      'the clock in the 555 kW half hour',
      overTo + 5 * MINUTE,
      normalTo - 5 * MINUTE,
    )
    const normal = await twinUntil(
      page,
      'the recorded 555 kW',
      (v) => v.values['datacenter/power'] === NORMAL_KW,
    )
    expect(normal.live['datacenter/power'].v).not.toBe(NORMAL_KW)
    // … then back into the hour the data centre ran over its contract: the view follows the record.
    await seek(
      overFrom + 30 * MINUTE,
      'the clock in the overload hour',
      overFrom + 20 * MINUTE,
      overFrom + 40 * MINUTE,
    )
    const over = await twinUntil(
      page,
      'the recorded overload on screen',
      (v) =>
        v.values['datacenter/power'] === OVER_KW &&
        (v.shown['twin-panel:values'] ?? '').includes(`实时功率 ${OVER_KW} kW`),
    )
    expect(over.live['datacenter/power'].v).not.toBe(OVER_KW)
    expect(over.shown['twin-status:state']).toContain('历史回放')
    // Playing on, the recorded overload trips the visual rule (red) and, after its 5 s hold, the alert.
    await press(page, 'desktop', 'twin-replay:play')
    await twinUntil(page, 'the replay playing', (v) => v.replay?.playing === true)
    await twinUntil(page, 'the data centre tinted red', (v) => v.looks.datacenter?.color === '#e0483e')
    await twinUntil(
      page,
      'the replayed overload alert',
      (v) => v.alerts.some((a) => a.key === 'power-over-contract@datacenter' && a.severity === 'critical'),
      30_000,
    )
    // At 60×, from just before the overload's end, the replay runs into the 555 kW half hour and the
    // alert clears.
    await press(page, 'desktop', 'twin-replay:speed-60')
    await twinUntil(page, 'speed 60×', (v) => v.replay?.speed === 60)
    await seek(overTo - 2 * MINUTE, 'the clock near the overload’s end', overTo - 4 * MINUTE, normalTo)
    await twinUntil(
      page,
      'the replay past the overload, alert cleared, 555 kW shown',
      (v) =>
        (v.replay?.t ?? 0) > overTo + MINUTE &&
        v.values['datacenter/power'] === NORMAL_KW &&
        !v.alerts.some((a) => a.key === 'power-over-contract@datacenter') &&
        (v.shown['twin-panel:values'] ?? '').includes(`实时功率 ${NORMAL_KW} kW`),
      120_000,
    )
    // Back to live: live values again, and the sensors (live only) reappear.
    await press(page, 'desktop', 'twin-replay:live')
    const live = await twinUntil(
      page,
      'back to live with the sensors shown',
      (v) => !v.ui.replay.active && v.replay === null && v.sensors.visible,
    )
    expect(live.values['datacenter/power']).toBe(live.live['datacenter/power'].v)
  }

  it('shows "data stale" while the server is down and recovers after it restarts on the same port', async () => {
    const refused = /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/mqtt' failed/
    await withTwin(browser, server.url, { allowed: refused }, async ({ page }) => {
      const port = server.port
      await server.stop()
      try {
        await twinUntil(page, 'stale', (v) => v.stale && v.ui.stale)
        await twinUntil(page, '"data stale" on screen', (v) =>
          (v.shown['twin-status:state'] ?? '').includes('数据已过时'),
        )
      } finally {
        await server.start()
      }
      const restartedAt = Date.now()
      expect(server.port).toBe(port)
      const back = await twinUntil(
        page,
        'live data after the restart',
        (v) =>
          v.source.status === 'online' &&
          !v.stale &&
          !v.ui.stale &&
          (v.live['datacenter/power']?.ts ?? 0) >= restartedAt &&
          !(v.shown['twin-status:state'] ?? '').includes('数据已过时'),
        60_000,
      )
      await twinUntil(page, 'a new sensor batch', (v) => v.sensors.batches > back.sensors.batches)
    })
  }, 180_000)
})

describe('twin park served statically, without the server broker (desktop)', () => {
  let browser: Browser
  let server: TwinTestServer

  beforeAll(async () => {
    server = await startTwinTestServer({ twin: false })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('runs on the in-browser simulator, says so on the HUD, and its values change', async () => {
    await withTwin(browser, server.url, { source: 'simulator', allowed: /404/ }, async (app) => {
      const { page } = app
      // The HUD's source line as rendered (the platform's 3D text probe).
      await page.waitForFunction(
        () =>
          window.__xrShowcase
            .view('ui')
            ?.textsUnder('twin-status:source')
            ?.some((text) => text.includes('浏览器内模拟')),
        undefined,
        { timeout: 10_000 },
      )
      expect((await twinNow(page)).stale).toBe(false)
      const first = await openDatacenter(page, 'desktop')
      const changed = await twinUntil(
        page,
        'the panel values to change',
        (v) => v.shown['twin-panel:values'] !== first,
        30_000,
      )
      await twinUntil(
        page,
        'a newer simulated reading',
        (v) => v.live['datacenter/power'].ts > changed.live['datacenter/power'].ts,
      )
      // The probe found no park server (static hosting), so no broker was tried.
      expect(app.failedResponses).toContain('404 /api/twin/parks')
      expect((await twinNow(page)).source.label).toBe('in-browser simulator')
    })
  }, 120_000)
})
