// How far the scene being opened has loaded, in bytes and percent, for the DOM loader and the
// in-headset panel. Every download the scene starts is an item: fetches (glTF, audio, data; counted
// chunk by chunk against Content-Length), three.js loads that use image elements (registered by
// track-three-loads.ts, sized from Resource Timing when they end) and code chunks. A loading run
// starts when a scene opens and ends once the scene is mounted and nothing has been in flight for a
// moment; then it reports 100% and the loader goes away.
import { create } from 'zustand'
import { registerDebugView } from '../debug'

interface Item {
  loaded: number
  /** Bytes expected (Content-Length of an uncompressed response), or null when unknown. */
  total: number | null
  done: boolean
}

export interface LoadProgress {
  /** True from a scene's opening until it has loaded. */
  active: boolean
  sceneId: string | null
  loadedBytes: number
  /** Bytes expected so far: known sizes, plus what unknown-size items have delivered. */
  totalBytes: number
  /** 0–100; never goes back within a run, 100 once the run has ended. */
  percent: number
  items: number
  doneItems: number
  /** The percentages the loader showed in the last run, in order (tests read it). */
  shown: number[]
  /** ms from the run's start until the loader first showed, and until it ended. */
  firstShownMs: number | null
  finishedMs: number | null
}

const idle: LoadProgress = {
  active: false,
  sceneId: null,
  loadedBytes: 0,
  totalBytes: 0,
  percent: 0,
  items: 0,
  doneItems: 0,
  shown: [],
  firstShownMs: null,
  finishedMs: null,
}

export const useLoadProgress = create<LoadProgress>(() => ({ ...idle }))

declare global {
  interface XrShowcaseDebugViews {
    loading: LoadProgress
  }
}

/** Nothing in flight for this long after the scene mounted: the scene has loaded. */
const QUIET_MS = 600
/** The store (and so the loader's text) changes at most this often. */
const PUBLISH_MS = 100

const run = {
  items: new Map<string, Item>(),
  startedAt: 0,
  mounted: false,
  lastActivity: 0,
  publishTimer: 0 as ReturnType<typeof setTimeout> | 0,
  quietTimer: 0 as ReturnType<typeof setTimeout> | 0,
}

const absolute = (url: string) => {
  try {
    return new URL(url, window.location.href).href
  } catch {
    return url
  }
}

/** Starts a loading run for the scene being opened (a new scene replaces a run still going). */
export function beginSceneLoad(sceneId: string): void {
  run.items.clear()
  run.startedAt = performance.now()
  run.mounted = false
  run.lastActivity = run.startedAt
  useLoadProgress.setState({ ...idle, active: true, sceneId })
  publish()
}

/** The scene's 3D side has mounted; the run ends once its downloads are done. */
export function sceneMounted(sceneId: string): void {
  if (useLoadProgress.getState().sceneId !== sceneId) return
  run.mounted = true
  scheduleQuietCheck()
}

/** Ends the run without waiting (the visitor left the scene). */
export function cancelSceneLoad(): void {
  run.items.clear()
  useLoadProgress.setState({ active: false })
}

/** Registers a download; returns the item to update, or undefined when no run is going on. */
export function trackItem(url: string, total: number | null = null): Item | undefined {
  if (!useLoadProgress.getState().active) return undefined
  const key = absolute(url)
  let item = run.items.get(key)
  if (!item || item.done) {
    item = { loaded: 0, total, done: false }
    run.items.set(key, item)
  } else if (total !== null) item.total = total
  touch()
  return item
}

export function itemProgress(item: Item, loaded: number): void {
  item.loaded = loaded
  touch()
}

export function itemDone(url: string, bytes?: number): void {
  const item = run.items.get(absolute(url))
  if (!item || item.done) return
  item.done = true
  if (bytes !== undefined && bytes > item.loaded) item.loaded = bytes
  if (item.total !== null && item.loaded < item.total) item.loaded = item.total
  touch()
}

function touch(): void {
  run.lastActivity = performance.now()
  if (!run.publishTimer) run.publishTimer = setTimeout(publish, PUBLISH_MS)
  scheduleQuietCheck()
}

function scheduleQuietCheck(): void {
  if (run.quietTimer) clearTimeout(run.quietTimer)
  run.quietTimer = setTimeout(checkFinished, QUIET_MS)
}

function checkFinished(): void {
  run.quietTimer = 0
  const state = useLoadProgress.getState()
  if (!state.active || !run.mounted) return
  const pending = [...run.items.values()].some((i) => !i.done)
  if (pending || performance.now() - run.lastActivity < QUIET_MS) {
    scheduleQuietCheck()
    return
  }
  publish()
  const s = useLoadProgress.getState()
  useLoadProgress.setState({
    active: false,
    percent: 100,
    shown: [...s.shown, 100],
    finishedMs: performance.now() - run.startedAt,
  })
}

function publish(): void {
  run.publishTimer = 0
  const state = useLoadProgress.getState()
  if (!state.active) return
  let loadedBytes = 0
  let totalBytes = 0
  let fraction = 0
  let doneItems = 0
  for (const item of run.items.values()) {
    loadedBytes += item.loaded
    totalBytes += item.total ?? item.loaded
    if (item.done) doneItems++
    fraction += item.done ? 1 : item.total ? Math.min(1, item.loaded / item.total) : 0
  }
  const items = run.items.size
  // Until the scene has mounted, more is surely coming: hold below 100.
  const raw = items === 0 ? 0 : (100 * fraction) / items
  const percent = Math.max(state.percent, Math.min(run.mounted ? 99 : 90, Math.floor(raw)))
  useLoadProgress.setState({
    loadedBytes,
    totalBytes,
    percent,
    items,
    doneItems,
    shown: state.shown.at(-1) === percent ? state.shown : [...state.shown, percent],
    firstShownMs: state.firstShownMs ?? performance.now() - run.startedAt,
  })
}

/** "1.2 MB" / "340 KB": the loader's byte counts. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${Math.max(0, Math.round(bytes / 1024))} KB`
}

// ---- what feeds it: fetch and Resource Timing ----------------------------------------------------

/** Requests that are not the scene's assets: the app's API and live data. */
const untracked = /\/(api|mqtt|healthz)(\/|$|\?)/

/**
 * Counts the bytes of the page's same-origin GET fetches while a run is going on: the response is
 * handed back untouched and a clone is read alongside it. Content-Length is the total when the
 * response is not compressed (otherwise the length is unknown and only the count shows).
 */
export function installFetchTracking(): void {
  const w = window as Window & { __xrShowcaseFetchTracked?: boolean }
  if (w.__xrShowcaseFetchTracked || typeof window.fetch !== 'function') return
  w.__xrShowcaseFetchTracked = true
  registerDebugView('loading', () => useLoadProgress.getState())
  const original = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const response = await original(input, init)
    try {
      const url = response.url || (input instanceof Request ? input.url : String(input))
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
      if (
        method.toUpperCase() === 'GET' &&
        url.startsWith(window.location.origin) &&
        !untracked.test(new URL(url).pathname) &&
        response.body &&
        useLoadProgress.getState().active
      ) {
        const length = Number(response.headers.get('content-length'))
        const encoded = response.headers.get('content-encoding')
        const item = trackItem(url, length > 0 && !encoded ? length : null)
        if (item) void count(url, item, response.clone())
      }
    } catch {
      // Progress is a courtesy: the response goes to its caller whatever happens here.
    }
    return response
  }
  // Downloads that are not fetches (code chunks, image elements) are sized when they end.
  if (typeof PerformanceObserver !== 'undefined') {
    try {
      new PerformanceObserver((list) => {
        if (!useLoadProgress.getState().active) return
        for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
          if (entry.initiatorType === 'fetch' || !entry.name.startsWith(window.location.origin)) continue
          if (entry.startTime < run.startedAt) continue
          const bytes = entry.encodedBodySize || entry.transferSize || entry.decodedBodySize
          if (!run.items.has(entry.name)) trackItem(entry.name, bytes || null)
          itemDone(entry.name, bytes)
        }
      }).observe({ type: 'resource', buffered: false })
    } catch {
      // Resource Timing unsupported: image loads still count as items through three's manager.
    }
  }
}

async function count(url: string, item: Item, response: Response): Promise<void> {
  const reader = response.body?.getReader()
  if (!reader) {
    itemDone(url)
    return
  }
  let loaded = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      loaded += value.byteLength
      itemProgress(item, loaded)
    }
  } catch {
    // Aborted or failed: the caller sees that; the loader just stops waiting for it.
  }
  itemDone(url, loaded)
}
