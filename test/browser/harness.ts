// Shared browser-test rig: starts the real server on a free port (own data dir), launches Debian's
// Chromium through playwright-core, optionally installs the IWER Quest 3 emulator before the app
// loads, and records console errors and every request that tries to leave this machine. Every page
// it opens is registered; page-checks.setup.ts fails the test in whose pages either happened.
// Over 300 lines on purpose: the one rig every browser test and script opens pages through, so the
// off-origin and console checks cannot be skipped by a test that builds its own page.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { DebugViewName, DrawRecord } from '../../src/platform/debug/test-hooks'
import { type RunningServer, startServer } from '../../src/server/app'
import type { ServerConfig } from '../../src/server/config'
import type { ServerModuleFactory } from '../../src/server/module'
import { testServerConfig } from '../support/server-config'

const require = createRequire(import.meta.url)
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const IWER_BUNDLE = require.resolve('iwer/build/iwer.min.js')

/**
 * The features Playwright's launcher turns off (its `disabledFeatures`, playwright-core 1.65). Chromium reads
 * only the last `--disable-features` it is given, so ours must repeat them; a unit test
 * (test/unit/browser-harness/chromium-args.test.ts) fails when the installed Playwright's list has changed.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const

/**
 * The address bar's popups, which headless Chromium (156) still builds as WebUI pages: each new window, so
 * each test page, started a renderer for them that took about 1.4 s of CPU. With them off a hall page was
 * ready about 0.9 s sooner and its Chromium spent about 2.3 s less CPU to 30 frames after (four rounds each,
 * 2026-12-07). No page of the app has an address bar to show them in.
 */
export const ADDRESS_BAR_POPUP_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
] as const

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--ignore-gpu-blocklist',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUP_FEATURES].join(',')}`,
]

/**
 * Chromium's own fake microphone (a beep) granted without a prompt, for live voice: getUserMedia answers at
 * once and WebRTC sends real Opus packets between pages.
 */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

/** Chromium's fake microphone with no permission answered for the pages: each page's `microphone` decides. */
export const FAKE_DEVICE_ARGS = ['--use-fake-device-for-media-stream']

export interface LaunchOptions {
  /**
   * true: FAKE_MEDIA_ARGS (a fake microphone, granted to every page). 'per-page': FAKE_DEVICE_ARGS, and
   * each page's `microphone` option grants or refuses it (one that says neither is refused, as headless
   * Chromium dismisses the prompt). Default off.
   */
  fakeMedia?: boolean | 'per-page'
}

/**
 * Set by the browser project's global setup (shared-chromium.setup.ts) to the endpoint of one Chromium
 * every test file connects to; scripts outside vitest launch their own.
 */
export const SHARED_CHROMIUM_ENV = 'XR_SHARED_CHROMIUM_WS'

/**
 * A Chromium for a test file or script: the project's shared one when there is one and no fake media is
 * asked for (those flags are the browser's own), else a new one. Closing a shared one closes this
 * file's contexts and disconnects; the browser and its compiled shaders stay for the next file.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    )
  }
  const shared = process.env[SHARED_CHROMIUM_ENV]
  if (shared && !options.fakeMedia) return chromium.connect(shared)
  const media = options.fakeMedia === 'per-page' ? FAKE_DEVICE_ARGS : options.fakeMedia ? FAKE_MEDIA_ARGS : []
  const args = [...CHROMIUM_ARGS, ...media]
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args })
}

export interface TestServerOptions {
  /** Extra config, e.g. a scenes dir with a broken scene in it. */
  config?: Partial<ServerConfig>
  modules?: ServerModuleFactory[]
}

export { testServerConfig }

export type TestServer = RunningServer & { dataDir: string }

/** The real server on a free port with its own data folder (TEST_DIST_DIR: see testServerConfig). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xr-showcase-test-'))
  const config = testServerConfig(dataDir, options.config)
  const server = await startServer(config, options.modules)
  return {
    ...server,
    dataDir,
    async close() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface AppPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught page errors ("pageerror: …"), in order. */
  consoleErrors: string[]
  /** Requests to any origin other than the test server's (recordOffOriginRequests). */
  offOriginRequests: string[]
  /** Same-origin responses with an error status, as "404 /path". */
  failedResponses: string[]
  /**
   * Declares console errors this test causes on purpose (a broken scene, a stopped server): errors
   * matching one of the patterns pass the after-test check, any other still fails the test. It
   * allows, it does not require: a test whose point is the error asserts it itself.
   */
  expectConsoleErrors(...patterns: RegExp[]): void
}

export const DEFAULT_VIEWPORT = { width: 800, height: 450 }

export interface OpenPageOptions {
  /** Install the IWER Meta Quest 3 emulator before the app's scripts run. */
  emulateQuest3?: boolean
  /** Page size; default DEFAULT_VIEWPORT. */
  viewport?: { width: number; height: number }
  /** Device pixels per CSS pixel (default 1); scripts that keep pictures render at 2 and scale down. */
  deviceScaleFactor?: number
  hasTouch?: boolean
  /** Entries to put in localStorage before the app starts, as a returning device would have them. */
  localStorage?: Record<string, string>
  /**
   * A first-time visitor: the first-time help shows. By default pages start as a returning visitor
   * who has seen it, so its overlay does not cover what other tests click.
   */
  firstVisit?: boolean
  /**
   * Join the venue as a device (presence, staff commands). Default off: a page's reconnect attempts after
   * a test stops its server would log errors, and only the venue's tests are about it.
   */
  venuePresence?: boolean
  /**
   * Report visitor analytics. Default off: many tests serve only some server modules, where the report
   * would be refused, and only the analytics test is about it.
   */
  analytics?: boolean
  /** Console errors this page is expected to log (see AppPage.expectConsoleErrors). */
  expectConsoleErrors?: RegExp[]
  /**
   * Let the app's service worker run (offline tests). Off by default: it precaches the app shell on
   * every fresh page, which costs a software-GL machine seconds, and requests it makes bypass the
   * off-origin check below.
   */
  serviceWorker?: boolean
  /**
   * The visitor's answer to the microphone prompt, in a browser launched with fakeMedia 'per-page':
   * 'granted', or 'denied' (set as the site's permission, as a visitor's "Block" would). Default: unset.
   */
  microphone?: 'granted' | 'denied'
  /**
   * Draw the desktop picture at this fraction of the page's pixels (the app's `?renderScale=`). Default: a
   * quarter in browser tests (TEST_RENDER_SCALE, `1` for full pictures when keeping screenshots), full
   * resolution in the scripts (bench, shots). Tests read the scene graph and CSS pixels, not the picture,
   * and a warm textured scene on software GL is bound by its pixels. An emulated headset ignores it.
   */
  renderScale?: number
  /**
   * An emulated headset draws at this fraction of the window's pixels per side. IWER sizes its layer to the
   * window and ignores `framebufferScaleFactor`; the harness shrinks the layer's canvas instead, as a real
   * headset's scaled layer would be. Default: half in browser tests (TEST_XR_SCALE), the window's own in
   * the scripts (bench, shots). Tests read the scene graph and angles, never an XR picture's pixels.
   */
  xrScale?: number
  /**
   * Runs on the new context before the first navigation: routes a script serves from memory (the bench's
   * reference page, scripts/bench-reference.html), on the app's origin so no request leaves it.
   */
  beforeOpen?: (context: BrowserContext) => Promise<void>
}

/** The drawing scale browser tests use unless a test or TEST_RENDER_SCALE says otherwise. */
const TEST_RENDER_SCALE = 0.25
/** The emulated headset's drawing scale browser tests use unless a test or TEST_XR_SCALE says otherwise. */
const TEST_XR_SCALE = 0.5

function defaultXrScale(): number {
  const env = process.env.TEST_XR_SCALE
  if (env) return Number(env)
  return process.env.VITEST ? TEST_XR_SCALE : 1
}

function defaultRenderScale(): number | undefined {
  const env = process.env.TEST_RENDER_SCALE
  if (env) return Number(env)
  return process.env.VITEST ? TEST_RENDER_SCALE : undefined
}

/** The app's `path` with `renderScale` added to its query, unless it names one, the scale is full or it is
 * not an app path (`about:blank`). */
function withRenderScale(path: string, scale: number | undefined): string {
  if (!scale || scale >= 1 || !path.startsWith('/')) return path
  const url = new URL(path, 'http://x')
  if (!url.searchParams.has('renderScale')) url.searchParams.set('renderScale', String(scale))
  return `${url.pathname}${url.search}${url.hash}`
}

/** A page as the after-test check sees it. */
export interface RegisteredPage {
  app: AppPage
  path: string
  /** Errors this page may log without failing its test. */
  expected: RegExp[]
  /** The test that opened it; undefined when a beforeAll did (then it is checked after every test). */
  openedIn: string | undefined
  /** How many of its console errors and off-origin requests were checked already. */
  checkedErrors: number
  checkedRequests: number
}

interface PageRegistry {
  pages: RegisteredPage[]
  /** The running test's name, set by page-checks.setup.ts; undefined outside a test. */
  currentTest: string | undefined
}

/**
 * The pages opened since the last check. On globalThis so the setup file and the test file see one
 * list even if they get separate instances of this module.
 */
export function pageRegistry(): PageRegistry {
  const holder = globalThis as { __xrShowcasePages?: PageRegistry }
  holder.__xrShowcasePages ??= { pages: [], currentTest: undefined }
  return holder.__xrShowcasePages
}

/**
 * Records every request the context's pages and their workers make to an origin other than `origin`
 * (data: and blob: URLs are the page's own). Watched, not routed: a route makes Playwright intercept every
 * request and turns the HTTP cache off, so a reload fetched and compiled the whole app again. Nothing is
 * let out either way: this machine, like a venue's, reaches no other host, and the check fails the test.
 */
export function recordOffOriginRequests(context: BrowserContext, origin: string, into: string[]): void {
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return
    into.push(url)
  })
}

export async function openAppPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  options: OpenPageOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    // Small by default: software GL pays per pixel, on the desktop and in XR alike (IWER draws both
    // eyes into a window-sized canvas), and no test judges pixels. Same 16:9 as a laptop screen.
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor,
    hasTouch: options.hasTouch,
    ignoreHTTPSErrors: true,
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
  })
  const origin = new URL(baseUrl).origin
  const offOriginRequests: string[] = []
  recordOffOriginRequests(context, origin, offOriginRequests)
  if (options.emulateQuest3) {
    await context.addInitScript({ path: IWER_BUNDLE })
    await context.addInitScript(() => {
      const iwer = (window as unknown as { IWER: typeof import('iwer') }).IWER
      const device = new iwer.XRDevice(iwer.metaQuest3)
      device.installRuntime({ forceInstall: true })
      ;(window as unknown as { __xrDevice: unknown }).__xrDevice = device
    })
    const xrScale = options.xrScale ?? defaultXrScale()
    if (xrScale < 1) {
      // IWER sizes the app's canvas to the window when the session's layer is set, and its views take their
      // viewports from that canvas: shrinking the canvas right after draws both eyes at this scale.
      await context.addInitScript((scale) => {
        const device = (window as unknown as { __xrDevice: object }).__xrDevice as Record<symbol, unknown>
        const key = Object.getOwnPropertySymbols(device).find((k) => k.description === '@iwer/xr-device')
        const internals = key && (device[key] as { onBaseLayerSet?: (layer: unknown) => void })
        const setBaseLayer = internals?.onBaseLayerSet
        if (!internals || !setBaseLayer) throw new Error('IWER changed: no onBaseLayerSet to scale the layer')
        internals.onBaseLayerSet = (layer) => {
          setBaseLayer(layer)
          const canvas = (layer as { context?: { canvas: HTMLCanvasElement } } | null)?.context?.canvas
          if (!canvas) return
          canvas.width = Math.max(2, Math.round(window.innerWidth * scale))
          canvas.height = Math.max(1, Math.round(window.innerHeight * scale))
        }
      }, xrScale)
    }
  }
  const seeded = {
    ...(options.firstVisit
      ? {}
      : { 'xr-showcase:onboarding:screen': 'seen', 'xr-showcase:onboarding:xr': 'seen' }),
    ...(options.venuePresence ? {} : { 'xr-showcase:venue:presence': 'off' }),
    ...(options.analytics ? {} : { 'xr-showcase:analytics': 'off' }),
    ...options.localStorage,
  }
  if (Object.keys(seeded).length > 0) {
    await context.addInitScript((items) => {
      // about:blank (a test that sets up before its first navigation) has no storage to seed.
      if (window.location.origin === 'null') return
      for (const [key, value] of Object.entries(items)) {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
      }
    }, seeded)
  }
  const page = await context.newPage()
  if (options.microphone) await answerMicrophone(browser, context, page, origin, options.microphone)
  const consoleErrors: string[] = []
  const failedResponses: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    // Chromium's "Failed to load resource" names no resource; its location does.
    const where = msg.location().url
    consoleErrors.push(
      msg.text().startsWith('Failed to load resource') && where ? `${msg.text()} ${where}` : msg.text(),
    )
  })
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`))
  // WebSocket connections are not among a context's requests; record off-origin ones too.
  page.on('websocket', (ws) => {
    const wsOrigin = new URL(ws.url()).host
    if (wsOrigin !== new URL(baseUrl).host) offOriginRequests.push(ws.url())
  })
  const expected = [...(options.expectConsoleErrors ?? [])]
  const app: AppPage = {
    page,
    context,
    consoleErrors,
    offOriginRequests,
    failedResponses,
    expectConsoleErrors: (...patterns) => {
      expected.push(...patterns)
    },
  }
  const registry = pageRegistry()
  registry.pages.push({
    app,
    path,
    expected,
    openedIn: registry.currentTest,
    checkedErrors: 0,
    checkedRequests: 0,
  })
  await options.beforeOpen?.(context)
  await page.goto(new URL(withRenderScale(path, options.renderScale ?? defaultRenderScale()), baseUrl).href)
  return app
}

/** Sets this context's microphone permission for `origin`, as the visitor's answer to the prompt would. */
async function answerMicrophone(
  browser: Browser,
  context: BrowserContext,
  page: Page,
  origin: string,
  answer: 'granted' | 'denied',
): Promise<void> {
  if (answer === 'granted') return context.grantPermissions(['microphone'], { origin })
  // Playwright grants but never refuses: the page's own target names its browser context for CDP.
  const pageSession = await context.newCDPSession(page)
  const { targetInfo } = await pageSession.send('Target.getTargetInfo')
  await pageSession.detach()
  const session = await browser.newBrowserCDPSession()
  await session.send('Browser.setPermission', {
    permission: { name: 'microphone' },
    setting: 'denied',
    origin,
    browserContextId: targetInfo.browserContextId,
  })
  await session.detach()
}

/**
 * What the pages in the registry did wrong since their last check: off-origin requests and console
 * errors no test declared. Pages the current test opened are then forgotten; pages a beforeAll opened
 * stay, and the next check looks only at what they logged after this one. Returns the problems in
 * words, or an empty string.
 */
export function checkRegisteredPages(): string {
  const registry = pageRegistry()
  const problems: string[] = []
  for (const entry of registry.pages) {
    const { app } = entry
    const errors = app.consoleErrors
      .slice(entry.checkedErrors)
      .filter((text) => !entry.expected.some((pattern) => pattern.test(text)))
    const requests = app.offOriginRequests.slice(entry.checkedRequests)
    entry.checkedErrors = app.consoleErrors.length
    entry.checkedRequests = app.offOriginRequests.length
    if (errors.length === 0 && requests.length === 0) continue
    const lines = [`page ${entry.path}${entry.openedIn === undefined ? ' (opened in beforeAll)' : ''}:`]
    if (requests.length > 0) {
      lines.push(`  ${requests.length} off-origin request(s):`, ...requests.map((r) => `    - ${r}`))
    }
    if (errors.length > 0) {
      lines.push(
        `  ${errors.length} unexpected console error(s)` +
          (entry.expected.length > 0 ? ` (expected only ${entry.expected.map(String).join(', ')})` : '') +
          ':',
        ...errors.map((e) => `    - ${e.slice(0, 1000)}`),
      )
    }
    problems.push(lines.join('\n'))
  }
  registry.pages = registry.pages.filter((entry) => entry.openedIn === undefined)
  return problems.join('\n')
}

/**
 * Closes the pages the finished test opened (pages from beforeAll stay for the file's other tests). A
 * page left open keeps rendering, an XR session in software GL at full tilt, and slows every test after
 * it; closing them also keeps each test's pages its own.
 */
export async function closeTestPages(): Promise<void> {
  const finished = pageRegistry().pages.filter((entry) => entry.openedIn !== undefined)
  await Promise.all(finished.map((entry) => entry.app.context.close().catch(() => undefined)))
}

/** A debug view as JSON, read once (functions in it are dropped); null while nothing offers it. */
export function debugView<K extends DebugViewName>(
  page: Page,
  name: K,
): Promise<XrShowcaseDebugViews[K] | null> {
  return page.evaluate((n) => window.__xrShowcase?.view(n) ?? null, name) as Promise<
    XrShowcaseDebugViews[K] | null
  >
}

/**
 * What the next frame draws under the object named `under`: each draw's path from `under` on (e.g.
 * `call-screen/text-batch`), in draw order, for the draws `keep` accepts, and how many views the frame had
 * (2 in a headset), so a test can require one draw per eye.
 */
export async function drawsUnder(
  page: Page,
  under: string,
  keep: (draw: DrawRecord) => boolean = () => true,
): Promise<{ paths: string[]; views: number }> {
  const { draws, views } = await page.evaluate(async () => ({
    draws: await window.__xrShowcase.nextRenderDraws(),
    views: window.__xrShowcase.viewCount(),
  }))
  const paths = draws
    .filter((d) => d.path.includes(under) && keep(d))
    .map((d) => d.path.slice(d.path.indexOf(under)))
  return { paths, views }
}

/** With XR_TEST_TRACE set, prints how long each wait took, to find where a browser test spends its time. */
export function traceStep(what: string, started: number, polls?: number): void {
  if (!process.env.XR_TEST_TRACE) return
  const at = new Date().toISOString().slice(14, 23)
  console.log(
    `[trace ${at}] ${((Date.now() - started) / 1000).toFixed(2)} s ${what}${polls ? ` (${polls} polls)` : ''}`,
  )
}

export interface WaitForOptions {
  /** What the test waits for, in words, for the failure message. */
  what?: string
  timeout?: number
}

/**
 * Waits until `predicate` holds for the named debug view and returns that view. On timeout it throws
 * with what was awaited and the last view seen, so the failure shows the state, not only the clock.
 */
export async function waitFor<K extends DebugViewName>(
  page: Page,
  name: K,
  predicate: (view: XrShowcaseDebugViews[K]) => boolean,
  options: WaitForOptions = {},
): Promise<XrShowcaseDebugViews[K]> {
  const timeout = options.timeout ?? 30_000
  const started = Date.now()
  const deadline = started + timeout
  let last: XrShowcaseDebugViews[K] | null = null
  let lastError: unknown
  let polls = 0
  for (;;) {
    try {
      polls++
      last = await debugView(page, name)
      if (last !== null && predicate(last)) {
        traceStep(`waitFor(${name}${options.what ? `, ${options.what}` : ''})`, started, polls)
        return last
      }
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) break
    // A poll interval, not a fixed wait: the loop ends on the condition or on the deadline.
    await page.waitForTimeout(50)
  }
  const seen = last === null ? 'nothing (the view is not registered)' : JSON.stringify(last).slice(0, 4000)
  throw new Error(
    `waitFor('${name}'${options.what ? `, ${options.what}` : ''}) timed out after ${timeout} ms.\nLast view: ${seen}` +
      (lastError ? `\nLast error: ${String(lastError)}` : ''),
  )
}

/**
 * A visitor in use: the mouse moves a little on each page every `everyMs` until the returned stop is
 * awaited. Kiosk idle timers and the big screen's "in use" test read this as a person at the page, so a
 * slow machine (scene loads of 20 s and more on a busy CI) does not make them idle mid-test.
 */
export function keepInUse(pages: Page[], everyMs = 2_000): () => Promise<void> {
  let running = true
  let step = 0
  const loop = (async () => {
    while (running) {
      step++
      for (const page of pages) await page.mouse.move(20 + (step % 2) * 4, 20).catch(() => undefined)
      // Pacing between moves, not a wait that decides anything.
      await new Promise((resolve) => setTimeout(resolve, everyMs))
    }
  })()
  return async () => {
    running = false
    await loop
  }
}

/**
 * Keeps a picture of the state a test has reached, for people to look at, when SHOTS_DIR is set
 * (`SHOTS_DIR=shots/ar npx vitest run --project browser test/browser/ar.test.ts`); otherwise does
 * nothing. It decides nothing: the test's assertions do. XR pages then run at 1280×720 (XR_TEST_VIEWPORT).
 */
export async function keepShot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`) })
}
