// Shared browser-test rig: starts the real server on a free port (own data dir), launches Debian's
// Chromium through playwright-core, optionally installs the IWER Quest 3 emulator before the app
// loads, and records console errors and every request that tries to leave this machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { DebugViewName } from '../../src/platform/debug/test-hooks'
import { type RunningServer, startServer } from '../../src/server/app'
import { readConfig, type ServerConfig } from '../../src/server/config'
import type { ServerModuleFactory } from '../../src/server/module'

const require = createRequire(import.meta.url)
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const IWER_BUNDLE = require.resolve('iwer/build/iwer.min.js')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--ignore-gpu-blocklist',
]

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

export interface TestServerOptions {
  /** Extra config, e.g. a scenes dir with a broken scene in it. */
  config?: Partial<ServerConfig>
  modules?: ServerModuleFactory[]
}

/**
 * The config every browser test's server runs with: the built app, the repo's scenes, a free local
 * port, its own data folder and a fixed teacher code. Fails early when the app is not built.
 */
export function testServerConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: ServerConfig = {
    ...readConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: resolve('dist'),
    scenesDir: resolve('scenes'),
    teacherCode: '246810',
    ...overrides,
  }
  if (!existsSync(join(config.distDir, 'index.html'))) {
    throw new Error('dist/ is missing: run "npm run build" before the browser tests (npm test does).')
  }
  process.env.LOG_LEVEL ??= 'warn'
  return config
}

export async function startTestServer(
  options: TestServerOptions = {},
): Promise<RunningServer & { dataDir: string }> {
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
  consoleErrors: string[]
  /** Requests to any origin other than the test server's, which were blocked. */
  offOriginRequests: string[]
  /** Same-origin responses with an error status, as "404 /path". */
  failedResponses: string[]
}

export interface OpenPageOptions {
  /** Install the IWER Meta Quest 3 emulator before the app's scripts run. */
  emulateQuest3?: boolean
  viewport?: { width: number; height: number }
  hasTouch?: boolean
  /** Entries to put in localStorage before the app starts, as a returning device would have them. */
  localStorage?: Record<string, string>
}

export async function openAppPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  options: OpenPageOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    hasTouch: options.hasTouch,
    ignoreHTTPSErrors: true,
  })
  const origin = new URL(baseUrl).origin
  const offOriginRequests: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    offOriginRequests.push(url)
    return route.abort('blockedbyclient')
  })
  if (options.emulateQuest3) {
    await context.addInitScript({ path: IWER_BUNDLE })
    await context.addInitScript(() => {
      const iwer = (window as unknown as { IWER: typeof import('iwer') }).IWER
      const device = new iwer.XRDevice(iwer.metaQuest3)
      device.installRuntime({ forceInstall: true })
      ;(window as unknown as { __xrDevice: unknown }).__xrDevice = device
    })
  }
  if (options.localStorage) {
    await context.addInitScript((items) => {
      for (const [key, value] of Object.entries(items)) {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
      }
    }, options.localStorage)
  }
  const page = await context.newPage()
  const consoleErrors: string[] = []
  const failedResponses: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`))
  // WebSocket connections are not routed by context.route; record off-origin ones too.
  page.on('websocket', (ws) => {
    const wsOrigin = new URL(ws.url()).host
    if (wsOrigin !== new URL(baseUrl).host) offOriginRequests.push(ws.url())
  })
  await page.goto(new URL(path, baseUrl).href)
  return { page, context, consoleErrors, offOriginRequests, failedResponses }
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
  const deadline = Date.now() + timeout
  let last: XrShowcaseDebugViews[K] | null = null
  let lastError: unknown
  for (;;) {
    try {
      last = await debugView(page, name)
      if (last !== null && predicate(last)) return last
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
