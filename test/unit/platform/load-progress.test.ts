// The scene loader's arithmetic: a run starts with the scene, counts items and bytes, never goes
// back, holds below 100 until the scene has mounted and its downloads are quiet, then ends at 100.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

async function load() {
  vi.resetModules()
  vi.stubGlobal('window', { location: { href: 'http://venue.local/', origin: 'http://venue.local' } })
  return import('../../../src/platform/loading/load-progress')
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('scene load progress', () => {
  it('counts bytes against known sizes and ends at 100 once mounted and quiet', async () => {
    const p = await load()
    p.beginSceneLoad('memorial')
    const model = p.trackItem('/models/hall.glb', 1000)
    const image = p.trackItem('/images/wall.jpg')
    expect(model && image).toBeTruthy()
    p.itemProgress(model!, 500)
    vi.advanceTimersByTime(150)
    let s = p.useLoadProgress.getState()
    expect(s.active).toBe(true)
    expect(s.loadedBytes).toBe(500)
    expect(s.totalBytes).toBe(1000)
    expect(s.percent).toBe(25) // half of one of two items
    p.itemDone('http://venue.local/images/wall.jpg', 300)
    p.itemDone('/models/hall.glb')
    vi.advanceTimersByTime(2000)
    s = p.useLoadProgress.getState()
    // Everything is in, but the scene has not mounted: more may come, so it holds below 100.
    expect(s.active).toBe(true)
    expect(s.percent).toBeLessThan(100)
    expect(s.loadedBytes).toBe(1300)
    p.sceneMounted('memorial')
    vi.advanceTimersByTime(1000)
    s = p.useLoadProgress.getState()
    expect(s.active).toBe(false)
    expect(s.percent).toBe(100)
    expect(s.shown.at(-1)).toBe(100)
    expect(s.shown).toEqual([...s.shown].sort((a, b) => a - b))
  })

  it('waits for downloads still in flight after mounting, and tracks nothing outside a run', async () => {
    const p = await load()
    expect(p.trackItem('/models/x.glb', 10)).toBeUndefined()
    p.beginSceneLoad('park')
    const item = p.trackItem('/models/x.glb', 10)
    p.sceneMounted('park')
    vi.advanceTimersByTime(5000)
    expect(p.useLoadProgress.getState().active).toBe(true)
    p.itemProgress(item!, 10)
    p.itemDone('/models/x.glb')
    vi.advanceTimersByTime(1000)
    expect(p.useLoadProgress.getState()).toMatchObject({ active: false, percent: 100 })
  })

  it('formats bytes for the loader', async () => {
    const p = await load()
    expect(p.formatBytes(512 * 1024)).toBe('512 KB')
    expect(p.formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB')
  })
})
