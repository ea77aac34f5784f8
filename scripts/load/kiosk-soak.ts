// Accelerated kiosk soak (issue 13 item 8): one kiosk page (`?kiosk=600`, venue presence on) in headless
// Chromium on the real server goes through --cycles (default 200) visits of lobby → scene (a click on a
// lobby card) → attract (the operator API's start-attract, the loop flying through its next scene) → reset
// (the operator API's reset, back to the lobby). The JS heap (after a forced GC), the DOM counters and the
// renderer's geometries, textures and programs are read in the lobby after warm-up cycles (every scene
// opened once, so caches that fill once are full) and every --sample cycles; at the end they must be back at
// the baseline: renderer counts and JS event listeners exactly, the heap within HEAP_TOLERANCE. Exits 1 when
// they are not.
// Over 300 lines on purpose: one script, run by hand, whose steps share the page, the server and the samples.
// Needs a build: `npx vite build --outDir /tmp/dist-load` (run browser work under flock /tmp/xr-browser.lock).
// Usage: npx tsx scripts/load/kiosk-soak.ts [--cycles 200] [--sample 25] [--dist /tmp/dist-load]
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type CDPSession, chromium, type Page } from 'playwright-core'
import type { RenderInfo } from '../../src/platform/debug/test-hooks'
import { OPERATOR_CODE_HEADER } from '../../src/shared/venue/http-contracts'
import type { VenueCommand } from '../../src/shared/venue/venue-messages'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/browser/harness'
import { TEST_OPERATOR_CODE, testServerConfig } from '../../test/support/server-config'
import { type SpawnedServer, spawnServer } from '../../test/support/spawn-server'
import {
  bytesByType,
  censusKey,
  groupPaths,
  type HeapSnapshot,
  type HeapSnapshotJson,
  heapCensus,
  parseHeapSnapshot,
  retainerPaths,
} from './heap-snapshot'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const CYCLES = Number(option('cycles') ?? 200)
const SAMPLE_EVERY = Number(option('sample') ?? 25)
/** Stop cycling after this many minutes even if fewer than --cycles ran (the shared machine's browser lock). */
const MAX_MINUTES = Number(option('max-minutes') ?? Number.POSITIVE_INFINITY)
const DIST = resolve(option('dist') ?? process.env.TEST_DIST_DIR ?? 'dist')
/** Small: software GL pays per pixel, and nothing here judges pixels. */
const VIEWPORT = { width: 320, height: 180 }
const DEVICE_ID = 'kiosk-soak-device'
/**
 * The heap may end this much above its baseline: V8's heap after a full GC moves by a few hundred KB
 * between readings of the same idle page (compiled code, inline caches, string tables); a leak of one
 * scene's objects per cycle is megabytes after 200 cycles.
 */
const HEAP_TOLERANCE = { fraction: 0.05, bytes: 1024 * 1024 }
const STEP_TIMEOUT_MS = 60_000
/** --trace-programs: name the GL programs made since the baseline and not deleted (a program leak's materials). */
const TRACE_PROGRAMS = args.includes('--trace-programs')
/** --verbose: each cycle's steps, as the page's loading runs timed them. */
const VERBOSE = args.includes('--verbose')
/**
 * Warm-up cycles before the baseline. By default 40, at least two rounds of the scenes (program variants fill
 * in the second): the browser's own bounded buffers fill first (the performance timeline's entries, the
 * session history, the network records the driver's DevTools connection keeps). With a baseline after 8
 * cycles, the first 200-cycle run (2026-12-04) grew 1.0 MiB in its first 20 cycles and 0.15 MiB in its last 40.
 */
const DEFAULT_WARM_UP = 40
const WARM_UP = option('warmup') === undefined ? undefined : Number(option('warmup'))

/**
 * Records every WebGL program the page links and deletes, by the SHADER_NAME three.js writes into its
 * fragment shader and the defines that tell one variant from another, so a leak names its materials.
 */
function traceProgramsInPage() {
  const sources = new WeakMap<WebGLShader, string>()
  const live = new Map<WebGLProgram, { id: number; label: string }>()
  let next = 1
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const shaderSource = proto.shaderSource
    proto.shaderSource = function (shader, source) {
      sources.set(shader, source)
      return shaderSource.call(this, shader, source)
    }
    const attachShader = proto.attachShader
    proto.attachShader = function (program, shader) {
      const source = sources.get(shader) ?? ''
      if (source.includes('SHADER_TYPE Fragment') || !live.has(program)) {
        const name = /#define SHADER_NAME (.*)/.exec(source)?.[1] ?? '?'
        const defines = (source.match(/#define [A-Z_]+(?: .*)?/g) ?? [])
          .filter((d) => !/SHADER_NAME|SHADER_TYPE|PI|RECIPROCAL|EPSILON|saturate|whiteComplement/.test(d))
          .slice(0, 12)
          .join(' ')
        const custom = /troika|uTroika/.test(source) ? ' [troika]' : ''
        live.set(program, {
          id: live.get(program)?.id ?? next++,
          label: `${name}${custom} ${defines}`.slice(0, 300),
        })
      }
      return attachShader.call(this, program, shader)
    }
    const deleteProgram = proto.deleteProgram
    proto.deleteProgram = function (program) {
      if (program) live.delete(program)
      return deleteProgram.call(this, program)
    }
  }
  ;(window as unknown as { __livePrograms: () => { id: number; label: string }[] }).__livePrograms = () => [
    ...live.values(),
  ]
}

/** --trace-listeners: name the event listeners added since the baseline and not removed. */
const TRACE_LISTENERS = args.includes('--trace-listeners')

/**
 * Records every addEventListener not yet removed: its target, type and where it was added. Only targets still
 * alive count: React never removes the listeners it puts on elements it drops, and the GC takes those.
 */
function traceListenersInPage() {
  const live = new Map<string, { id: number; label: string; target: WeakRef<object> }>()
  const ids = new WeakMap<object, number>()
  let next = 1
  const idOf = (o: object) => {
    let id = ids.get(o)
    if (!id) {
      id = next++
      ids.set(o, id)
    }
    return id
  }
  const describe = (t: EventTarget) =>
    t === window
      ? 'window'
      : t === document
        ? 'document'
        : t instanceof Element
          ? `<${t.tagName.toLowerCase()}${t.id ? `#${t.id}` : ''}${t.className && typeof t.className === 'string' ? `.${t.className.split(' ')[0]}` : ''}>`
          : (t.constructor?.name ?? 'EventTarget')
  const capture = (o: unknown) =>
    typeof o === 'boolean' ? o : Boolean((o as { capture?: boolean })?.capture)
  // Handlers set as properties (img.onload, source.onended, ws.onmessage) are listeners too.
  const sets: string[] = []
  for (const ctor of [
    'HTMLElement',
    'HTMLImageElement',
    'HTMLMediaElement',
    'Document',
    'Window',
    'XMLHttpRequest',
    'XMLHttpRequestEventTarget',
    'WebSocket',
    'MessagePort',
    'Worker',
    'FileReader',
    'MediaQueryList',
    'AudioScheduledSourceNode',
    'BaseAudioContext',
    'AudioContext',
    'WakeLockSentinel',
    'SpeechSynthesisUtterance',
    'EventSource',
    'BroadcastChannel',
    'IDBRequest',
    'IDBTransaction',
  ]) {
    const proto = (window as unknown as Record<string, { prototype?: object }>)[ctor]?.prototype
    if (!proto) continue
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (!key.startsWith('on')) continue
      const d = Object.getOwnPropertyDescriptor(proto, key)
      if (!d?.set || !d.get) continue
      const set = d.set
      Object.defineProperty(proto, key, {
        ...d,
        set(value) {
          if (value) {
            const stack = (new Error().stack ?? '')
              .split('\n')
              .slice(2, 4)
              .map((l) => l.trim().replace(/^at /, ''))
            sets.push(`${ctor}.${key} ← ${stack.join(' ← ')}`)
          }
          set.call(this, value)
        },
      })
    }
  }
  ;(window as unknown as { __handlerSets: () => string[] }).__handlerSets = () => [...sets]
  const add = EventTarget.prototype.addEventListener
  const remove = EventTarget.prototype.removeEventListener
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      const key = `${idOf(this)}:${type}:${idOf(listener as object)}:${capture(options)}`
      if (!live.has(key)) {
        const stack = (new Error().stack ?? '')
          .split('\n')
          .slice(2, 5)
          .map((l) => l.trim().replace(/^at /, ''))
        live.set(key, {
          id: next++,
          label: `${describe(this)} ${type} ← ${stack.join(' ← ')}`,
          target: new WeakRef(this),
        })
      }
    }
    return add.call(this, type, listener, options)
  }
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) live.delete(`${idOf(this)}:${type}:${idOf(listener as object)}:${capture(options)}`)
    return remove.call(this, type, listener, options)
  }
  ;(window as unknown as { __liveListeners: () => { id: number; label: string }[] }).__liveListeners = () =>
    [...live.values()].filter((l) => l.target.deref() !== undefined).map(({ id, label }) => ({ id, label }))
}

async function liveListeners(page: Page): Promise<{ id: number; label: string }[]> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __liveListeners?: () => { id: number; label: string }[] }
      ).__liveListeners?.() ?? [],
  )
}

/** --heap-diff: the object kinds whose count grew most from the baseline's heap snapshot to the end's. */
const HEAP_DIFF = args.includes('--heap-diff')
/** --heap-diff prints where the new objects of this many grown JS object kinds are held, this many places each. */
const HEAP_PATH_KINDS = 6
const HEAP_PLACES_PER_KIND = 3

/** The page's heap after a forced GC, parsed (see heap-snapshot.ts). */
async function takeSnapshot(cdp: CDPSession): Promise<HeapSnapshot> {
  let json = ''
  const onChunk = (e: { chunk: string }) => {
    json += e.chunk
  }
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  return parseHeapSnapshot(JSON.parse(json) as HeapSnapshotJson)
}

async function livePrograms(page: Page): Promise<{ id: number; label: string }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __livePrograms?: () => { id: number; label: string }[] }).__livePrograms?.() ??
      [],
  )
}

interface ProgramKey {
  id: number
  name: string
  cacheKey: string
}

/** The renderer's live programs with three's cache keys (test hooks' programKeys). */
async function programKeys(page: Page): Promise<ProgramKey[]> {
  return page.evaluate(() => window.__xrShowcase?.programKeys?.() ?? [])
}

/**
 * A program's cache key against the live program of the same name nearest to it: the fields (by position in
 * three's key, comma-separated) that differ, so a new variant says what made it new.
 */
function keyDifference(program: ProgramKey, others: ProgramKey[]): string {
  const fields = program.cacheKey.split(',')
  let best: { other: ProgramKey; differ: string[] } | undefined
  for (const other of others) {
    if (other.name !== program.name || other.id === program.id) continue
    const theirs = other.cacheKey.split(',')
    const differ = fields.flatMap((f, i) => (f === theirs[i] ? [] : [`[${i}] ${theirs[i] ?? '∅'} → ${f}`]))
    if (fields.length !== theirs.length) differ.push(`${theirs.length} → ${fields.length} fields`)
    if (!best || differ.length < best.differ.length) best = { other, differ }
  }
  return best
    ? `vs #${best.other.id}: ${best.differ.join('; ').slice(0, 400)}`
    : `no other ${program.name} (key ${program.cacheKey.slice(0, 200)})`
}

type Renderer = Pick<RenderInfo, 'geometries' | 'textures' | 'programs'>

interface Reading {
  cycle: number
  heapUsedBytes: number
  /** performance.memory.usedJSHeapSize (precise: the browser runs with --enable-precise-memory-info). */
  performanceMemoryBytes: number
  renderer: Renderer
  nodes: number
  listeners: number
  documents: number
  at: number
}

async function view<T>(page: Page, name: string): Promise<T | null> {
  return page.evaluate(
    (n) => (window.__xrShowcase ? (window.__xrShowcase.view as (k: string) => unknown)(n) : null),
    name,
  ) as Promise<T | null>
}

/** Waits until `predicate` holds for the named debug view; throws with the last view seen. */
async function waitForView<T>(page: Page, name: string, predicate: (v: T) => boolean, what: string) {
  const deadline = Date.now() + STEP_TIMEOUT_MS
  let last: T | null = null
  while (Date.now() < deadline) {
    last = await view<T>(page, name)
    if (last !== null && predicate(last)) return last
    await page.waitForTimeout(50)
  }
  throw new Error(`${what}: timed out after ${STEP_TIMEOUT_MS} ms; last ${name} view ${JSON.stringify(last)}`)
}

async function frames(page: Page, count: number) {
  const start = await page.evaluate(() => window.__xrShowcase?.frame ?? 0)
  await page.waitForFunction((target) => (window.__xrShowcase?.frame ?? 0) >= target, start + count, {
    timeout: STEP_TIMEOUT_MS,
    polling: 16,
  })
}

async function renderer(page: Page): Promise<Renderer> {
  const info = await page.evaluate(() => window.__xrShowcase?.renderInfo())
  if (!info) throw new Error('the stage is not mounted: no renderer info')
  return { geometries: info.geometries, textures: info.textures, programs: info.programs }
}

/** The renderer's counts once they hold still over 10 drawn frames (text uploads a few frames late). */
async function settledRenderer(page: Page): Promise<Renderer> {
  const deadline = Date.now() + STEP_TIMEOUT_MS
  let last = await renderer(page)
  while (Date.now() < deadline) {
    await frames(page, 10)
    const now = await renderer(page)
    if (JSON.stringify(now) === JSON.stringify(last)) return now
    last = now
  }
  throw new Error(`renderer counts did not settle: last ${JSON.stringify(last)}`)
}

async function read(page: Page, cdp: CDPSession, cycle: number): Promise<Reading> {
  const renderInfo = await settledRenderer(page)
  // Twice: the first collection finalises objects the second frees.
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const dom = await cdp.send('Memory.getDOMCounters')
  const performanceMemoryBytes = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  )
  return {
    cycle,
    heapUsedBytes: heap.usedSize,
    performanceMemoryBytes,
    renderer: renderInfo,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
    at: performance.now(),
  }
}

async function command(url: string, body: VenueCommand) {
  const response = await fetch(`${url}/api/venue/devices/${DEVICE_ID}/commands`, {
    method: 'POST',
    headers: { [OPERATOR_CODE_HEADER]: TEST_OPERATOR_CODE, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (response.ok && text.includes('"acknowledged"')) return
  // A page busy loading a scene on a loaded machine may answer after the server's 5 s: the step's own wait
  // on the page's state still decides, and the count is reported.
  if (response.ok && text.includes('"no-answer"')) {
    lateAcks.push(body.type)
    return
  }
  throw new Error(`${body.type}: ${response.status} ${text.slice(0, 300)}`)
}
const lateAcks: string[] = []

interface KioskView {
  phase: 'visitor' | 'attract'
  attractScene: string | null
  shot: string
  /** Scenes the loop has flown through since the page loaded. */
  attractScenes: number
}

/**
 * The scene the next visitor opens: the one after the scene the loop will fly through next (the loop's n-th
 * scene since the page loaded is the catalog's n-th, round and round; the lobby's cards are in catalog order).
 * So every cycle, warm-up and measured alike, runs lobby → X → the loop leaving X for another scene Y → lobby,
 * with the same five (X, Y) pairs. Opening the loop's own next scene, as the warm-up once did, left the loop's
 * scene change unrun until after the baseline: the programs and code it needs appeared in the measured cycles.
 */
async function nextVisitorScene(page: Page, scenes: string[]): Promise<string> {
  const kiosk = await view<KioskView>(page, 'kiosk')
  if (!kiosk) throw new Error('no kiosk view: is the page in kiosk mode?')
  return scenes[(kiosk.attractScenes + 1) % scenes.length] as string
}
interface LoadingView {
  sceneId: string | null
  active: boolean
  items: number
  finishedMs: number | null
}

interface StepMs {
  scene: number
  attract: number
  reset: number
  /** The scene the loop flew through. */
  attractScene: string
}

/** One visitor and the loop after them: lobby → scene → attract → reset, each step waited on its state. */
async function cycle(page: Page, url: string, scene: string): Promise<StepMs> {
  const t0 = performance.now()
  await page.locator(`article.card[data-scene="${scene}"] button.card-open`).click()
  await page.waitForFunction(
    (id) => window.__xrShowcase?.ready === true && window.__xrShowcase.sceneId === id,
    scene,
    {
      timeout: STEP_TIMEOUT_MS,
    },
  )
  const visitorLoad = await waitForView<LoadingView>(
    page,
    'loading',
    (v) => v.sceneId === scene && !v.active,
    `${scene} loaded`,
  )
  const t1 = performance.now()
  await command(url, { type: 'start-attract' })
  const attract = await waitForView<KioskView>(
    page,
    'kiosk',
    (k) => k.phase === 'attract' && k.attractScene !== null,
    'the attract loop opens a scene',
  )
  if (attract.attractScene === scene)
    throw new Error(`the loop stayed in the visitor's ${scene}: the cycle would not change scenes`)
  const ta = performance.now()
  const attractLoad = await waitForView<LoadingView>(
    page,
    'loading',
    (v) => v.sceneId === attract.attractScene && !v.active,
    `attract's ${attract.attractScene} loaded`,
  )
  const tb = performance.now()
  await waitForView<KioskView>(
    page,
    'kiosk',
    (k) => k.phase === 'attract' && k.shot === 'showing',
    'the shot shows',
  )
  if (VERBOSE)
    console.log(
      `    ${scene} loaded in ${visitorLoad.finishedMs?.toFixed(0)} ms (${visitorLoad.items} items); attract ${attract.attractScene}: ` +
        `opened after ${(ta - t1).toFixed(0)} ms, its run ${attractLoad.finishedMs?.toFixed(0)} ms (${attractLoad.items} items), loaded seen at ${(tb - t1).toFixed(0)} ms, showing at ${(performance.now() - t1).toFixed(0)} ms`,
    )
  const t2 = performance.now()
  await command(url, { type: 'reset' })
  await page.waitForFunction(() => window.__xrShowcase?.sceneId === undefined, null, {
    timeout: STEP_TIMEOUT_MS,
  })
  await page.locator('article.card').first().waitFor({ timeout: STEP_TIMEOUT_MS })
  await waitForView<KioskView>(page, 'kiosk', (k) => k.phase === 'visitor', 'back in the lobby as a visitor')
  return {
    scene: t1 - t0,
    attract: t2 - t1,
    reset: performance.now() - t2,
    attractScene: attract.attractScene as string,
  }
}

function mb(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(2)
}

function line(r: Reading) {
  return (
    `  cycle ${String(r.cycle).padStart(3)}: heap ${mb(r.heapUsedBytes)} MiB (performance.memory ${mb(r.performanceMemoryBytes)} MiB), ` +
    `geometries ${r.renderer.geometries}, textures ${r.renderer.textures}, programs ${r.renderer.programs}, ` +
    `DOM nodes ${r.nodes}, listeners ${r.listeners}, documents ${r.documents}`
  )
}

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-soak-'))
let server: SpawnedServer | undefined
const started = performance.now()
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
})
let failed = false
try {
  server = await spawnServer({
    config: testServerConfig(dataDir, { distDir: DIST }),
    env: { LOG_LEVEL: 'error' },
  })
  const { url } = server
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })
  await context.addInitScript(
    ({ id }) => {
      if (window.location.origin === 'null') return
      // A returning kiosk: first-time help seen, no analytics, a known venue device id.
      localStorage.setItem('xr-showcase:onboarding:screen', 'seen')
      localStorage.setItem('xr-showcase:onboarding:xr', 'seen')
      localStorage.setItem('xr-showcase:analytics', 'off')
      localStorage.setItem('xr-showcase:venue:device-id', id)
    },
    { id: DEVICE_ID },
  )
  // tsx names functions with an `__name` helper the page does not have; the tracers below need it.
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  if (TRACE_PROGRAMS) await context.addInitScript(traceProgramsInPage)
  if (TRACE_LISTENERS) await context.addInitScript(traceListenersInPage)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  const cdp = await context.newCDPSession(page)
  await page.goto(`${url}/?kiosk=600`)
  await page.waitForFunction(() => window.__xrShowcase?.renderInfo() !== undefined, null, {
    timeout: STEP_TIMEOUT_MS,
  })
  await page.locator('article.card').first().waitFor()
  const scenes = await page
    .locator('article.card[data-scene]')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.scene as string))
  // The device must be online before the first command.
  for (const deadline = Date.now() + STEP_TIMEOUT_MS; ; ) {
    const r = await fetch(`${url}/api/venue/devices`, {
      headers: { [OPERATOR_CODE_HEADER]: TEST_OPERATOR_CODE },
    })
    const body = (await r.json()) as { devices: { id: string; online: boolean }[] }
    if (body.devices.some((d) => d.id === DEVICE_ID && d.online)) break
    if (Date.now() > deadline) throw new Error('the kiosk page never joined the venue room')
    await page.waitForTimeout(100)
  }
  console.log(
    `kiosk soak against ${url}, ${new Date().toISOString()}, machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
      `load average before ${loadavg()[0].toFixed(2)}; viewport ${VIEWPORT.width}×${VIEWPORT.height}; scenes ${scenes.join(', ')}`,
  )
  const fresh = await read(page, cdp, 0)
  console.log(`fresh page (before any scene):\n${line(fresh)}`)
  // Warm-up: every scene opened by a visitor and by the loop, twice, in the measured cycles' pairs
  // (nextVisitorScene), so what fills once is full.
  const warmUp = WARM_UP ?? Math.max(DEFAULT_WARM_UP, 2 * scenes.length)
  // Program variants (three's cache keys) seen live so far; the lobby's own programs are deleted and linked
  // again on every visit, with new ids but the same keys, so keys, not ids, tell a new variant.
  const seenKeys = new Set((await programKeys(page)).map((p) => p.cacheKey))
  /** Notes the program variants live now and never seen before, and names them: which visit compiled what. */
  const logNewPrograms = async (when: string, print = true) => {
    const now = await programKeys(page)
    for (const p of now.filter((q) => print && !seenKeys.has(q.cacheKey)))
      console.log(`  ${when}: new program variant #${p.id} ${p.name} ${keyDifference(p, now)}`)
    for (const p of now) seenKeys.add(p.cacheKey)
  }
  for (let i = 1; i <= warmUp; i++) {
    const visitorScene = await nextVisitorScene(page, scenes)
    const step = await cycle(page, url, visitorScene)
    await logNewPrograms(`warm-up ${i} (${visitorScene}, then the loop's ${step.attractScene})`, VERBOSE)
  }
  const baseline = await read(page, cdp, 0)
  console.log(`baseline in the lobby after ${warmUp} warm-up cycles:\n${line(baseline)}`)
  const baselinePrograms = TRACE_PROGRAMS ? await livePrograms(page) : []
  const baselineListeners = TRACE_LISTENERS ? await liveListeners(page) : []
  const handlerSets = () =>
    page.evaluate(() => (window as unknown as { __handlerSets?: () => string[] }).__handlerSets?.() ?? [])
  const baselineHandlerSets = TRACE_LISTENERS ? (await handlerSets()).length : 0
  const baselineSnapshot = HEAP_DIFF ? await takeSnapshot(cdp) : undefined
  const baselineCensus = baselineSnapshot && heapCensus(baselineSnapshot)
  const baselineTypes = baselineSnapshot && bytesByType(baselineSnapshot)
  const readings: Reading[] = [baseline]
  const cycleMs: number[] = []
  const steps: StepMs[] = []
  let cyclesRun = 0
  for (let i = 1; i <= CYCLES; i++) {
    if (performance.now() - started > MAX_MINUTES * 60_000) {
      console.log(`  stopped after ${i - 1} cycles: --max-minutes ${MAX_MINUTES} reached`)
      readings.push(await read(page, cdp, i - 1))
      break
    }
    cyclesRun = i
    const t = performance.now()
    const visitorScene = await nextVisitorScene(page, scenes)
    const step = await cycle(page, url, visitorScene)
    steps.push(step)
    cycleMs.push(performance.now() - t)
    // A program the baseline did not have, named with the visit that made it.
    await logNewPrograms(`cycle ${i} (${visitorScene}, then the loop's ${step.attractScene})`)
    if (i % SAMPLE_EVERY === 0 || i === CYCLES) {
      const r = await read(page, cdp, i)
      readings.push(r)
      console.log(line(r))
    }
  }
  const end = readings[readings.length - 1] as Reading
  if (baselineCensus) {
    const snapshot = await takeSnapshot(cdp)
    const census = heapCensus(snapshot)
    const grown = [...census]
      .map(([key, v]) => ({
        key,
        count: v.count - (baselineCensus.get(key)?.count ?? 0),
        bytes: v.bytes - (baselineCensus.get(key)?.bytes ?? 0),
      }))
      .filter((g) => g.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, 40)
    // The census below counts objects, closures and native objects; strings, code and arrays grow too.
    const types = bytesByType(snapshot)
    console.log(`\nheap growth since the baseline by node type (self bytes):`)
    for (const [type, bytes] of [...types].sort((a, b) => b[1] - a[1]))
      console.log(`  ${type}: ${bytes - (baselineTypes?.get(type) ?? 0)} B (${bytes} B now)`)
    console.log(`\nheap objects grown since the baseline (count, bytes), top 40:`)
    for (const g of grown) console.log(`  +${g.count} ${g.key} (${g.bytes} B)`)
    // What holds them: a few objects of each JS kind that grew most, made since the baseline.
    const old = new Set([...baselineCensus.values()].flatMap((v) => v.ids))
    const kinds = grown.filter((g) => g.key.startsWith('object:')).slice(0, HEAP_PATH_KINDS)
    const wanted = new Map<number, string>()
    for (let i = 0; i < snapshot.nodeCount; i++) {
      const node = snapshot.node(i)
      const key = censusKey(node)
      if (key && !old.has(node.id) && kinds.some((k) => k.key === key)) wanted.set(i, key)
    }
    const paths = retainerPaths(snapshot, new Set(wanted.keys()))
    console.log(`\nwhere the objects made since the baseline are held (shortest path from the GC roots):`)
    for (const kind of kinds) {
      const own = [...wanted.values()].flatMap((key, n) => (key === kind.key ? [paths[n] ?? []] : []))
      console.log(`  ${kind.key}: ${own.length} new`)
      for (const place of groupPaths(own).slice(0, HEAP_PLACES_PER_KIND))
        console.log(`    ${place.count}× e.g.\n      ${place.example.join('\n      ')}`)
    }
  }
  if (TRACE_LISTENERS) {
    const atBaseline = new Set(baselineListeners.map((l) => l.id))
    const added = (await liveListeners(page)).filter((l) => !atBaseline.has(l.id))
    console.log(`\nevent listeners added since the baseline and still attached: ${added.length}, by place:`)
    const byPlace = new Map<string, number>()
    for (const l of added) byPlace.set(l.label, (byPlace.get(l.label) ?? 0) + 1)
    for (const [label, n] of [...byPlace].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${label}`)
    const counts = new Map<string, number>()
    for (const label of (await handlerSets()).slice(baselineHandlerSets))
      counts.set(label, (counts.get(label) ?? 0) + 1)
    console.log(`handler properties set since the baseline (on…= a function), by place:`)
    for (const [label, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${label}`)
  }
  if (TRACE_PROGRAMS) {
    const atBaseline = new Set(baselinePrograms.map((p) => p.id))
    const added = (await livePrograms(page)).filter((p) => !atBaseline.has(p.id))
    console.log(`\nGL programs linked since the baseline and still alive: ${added.length}`)
    for (const p of added) console.log(`  #${p.id} ${p.label}`)
  }
  const heapLimit =
    baseline.heapUsedBytes + Math.max(HEAP_TOLERANCE.bytes, HEAP_TOLERANCE.fraction * baseline.heapUsedBytes)
  const problems: string[] = []
  for (const key of ['geometries', 'textures', 'programs'] as const)
    if (end.renderer[key] > baseline.renderer[key])
      problems.push(
        `${key}: ${baseline.renderer[key]} at baseline, ${end.renderer[key]} after ${cyclesRun} cycles`,
      )
  if (end.heapUsedBytes > heapLimit)
    problems.push(
      `JS heap: ${mb(baseline.heapUsedBytes)} MiB at baseline, ${mb(end.heapUsedBytes)} MiB after (limit ${mb(heapLimit)})`,
    )
  if (end.documents > baseline.documents) problems.push(`documents: ${baseline.documents} → ${end.documents}`)
  if (end.listeners > baseline.listeners)
    problems.push(
      `JS event listeners: ${baseline.listeners} at baseline, ${end.listeners} after ${cyclesRun} cycles`,
    )
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const sorted = [...cycleMs].sort((a, b) => a - b)
  console.log(
    `\n== ${cyclesRun} cycles of lobby → scene → attract → reset in ${((performance.now() - started) / 60_000).toFixed(1)} min ` +
      `(a cycle: median ${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(1)} s: ` +
      `scene ${(median(steps.map((s) => s.scene)) / 1000).toFixed(1)} s, attract ${(median(steps.map((s) => s.attract)) / 1000).toFixed(1)} s, ` +
      `reset ${(median(steps.map((s) => s.reset)) / 1000).toFixed(1)} s) ==`,
  )
  console.log(`  baseline: ${line(baseline).trim()}`)
  console.log(`  end:      ${line(end).trim()}`)
  console.log(
    `  tolerance: renderer counts and event listeners exactly at baseline; heap ≤ baseline + max(${HEAP_TOLERANCE.fraction * 100} %, ${mb(HEAP_TOLERANCE.bytes)} MiB) = ${mb(heapLimit)} MiB`,
  )
  console.log(`  commands acknowledged after the server's wait: ${lateAcks.length} (${lateAcks.join(', ')})`)
  console.log(`  page errors: ${errors.length}${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`)
  console.log('\nREADME row (| cycles | | JS heap MiB | geometries | textures | programs | DOM nodes |):')
  for (const [label, r] of [
    ['baseline', baseline],
    [`after ${cyclesRun}`, end],
  ] as const)
    console.log(
      `| ${label} | ${mb(r.heapUsedBytes)} | ${r.renderer.geometries} | ${r.renderer.textures} | ${r.renderer.programs} | ${r.nodes} |`,
    )
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`)
  if (problems.length > 0) {
    failed = true
    console.log(`\nNOT BACK AT BASELINE:\n  ${problems.join('\n  ')}`)
  } else console.log('\nback at baseline: yes')
} finally {
  await browser.close()
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
