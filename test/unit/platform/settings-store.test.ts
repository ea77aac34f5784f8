// Comfort settings persist per device (localStorage), large text only for the visit (sessionStorage),
// and a damaged entry never breaks the app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryStorage } from '../../support/memory-storage'

let storage: MemoryStorage
let session: MemoryStorage

/** A fresh module instance, as on a page load, reading whatever the "device" has stored. */
async function loadStore() {
  vi.resetModules()
  return import('../../../src/platform/settings/settings-store')
}

beforeEach(() => {
  storage = new MemoryStorage()
  session = new MemoryStorage()
  // zustand's persist reads window.localStorage, as in the browser.
  vi.stubGlobal('localStorage', storage)
  vi.stubGlobal('sessionStorage', session)
  vi.stubGlobal('window', {
    localStorage: storage,
    sessionStorage: session,
    location: { search: '' },
    addEventListener: () => {},
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('settings persistence', () => {
  it('starts with the comfortable defaults on a new device', async () => {
    const { useSettings, defaultSettings } = await loadStore()
    const s = useSettings.getState()
    expect(s.turn).toEqual({ mode: 'snap', degrees: 30 })
    expect(s.smoothLocomotion).toBe(false)
    expect(s.seated).toBe(defaultSettings.seated)
  })

  it('writes changes to localStorage and reads them back after a reload', async () => {
    const first = await loadStore()
    first.useSettings.getState().update({ turn: { mode: 'snap', degrees: 45 }, seated: true, volume: 0.4 })
    const raw = JSON.parse(storage.getItem(first.SETTINGS_STORAGE_KEY) ?? '{}')
    expect(raw.state.turn.degrees).toBe(45)
    expect(raw.state.seated).toBe(true)

    const second = await loadStore()
    const s = second.useSettings.getState()
    expect(s.turn).toEqual({ mode: 'snap', degrees: 45 })
    expect(s.seated).toBe(true)
    expect(s.volume).toBe(0.4)
    expect(s.largeText).toBe(false)
  })

  it('keeps the valid fields of a damaged entry and defaults the rest', async () => {
    storage.setItem(
      'xr-showcase:settings',
      JSON.stringify({
        state: { turn: { mode: 'spin', degrees: 90 }, volume: 7, largeText: true, subtitleScale: 'big' },
        version: 1,
      }),
    )
    const { useSettings, defaultSettings } = await loadStore()
    const s = useSettings.getState()
    // Large text left on the device by an older version is not this visitor's choice.
    expect(s.largeText).toBe(false)
    expect(s.turn).toEqual(defaultSettings.turn)
    expect(s.volume).toBe(defaultSettings.volume)
    expect(s.subtitleScale).toBe(defaultSettings.subtitleScale)
  })

  it('survives an entry that is not JSON at all', async () => {
    storage.setItem('xr-showcase:settings', '{not json')
    const { useSettings, defaultSettings } = await loadStore()
    expect(useSettings.getState().turn).toEqual(defaultSettings.turn)
  })

  it('reset() returns to the defaults and persists that', async () => {
    const { useSettings, defaultSettings, SETTINGS_STORAGE_KEY } = await loadStore()
    useSettings.getState().update({ smoothLocomotion: true })
    useSettings.getState().reset()
    expect(useSettings.getState().smoothLocomotion).toBe(false)
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? '{}').state.smoothLocomotion).toBe(
      defaultSettings.smoothLocomotion,
    )
  })
})

describe('sanitizeSettings', () => {
  it("accepts every device field in range and drops everything else (large text is the visit's)", async () => {
    const { sanitizeSettings } = await loadStore()
    expect(
      sanitizeSettings({
        turn: { mode: 'smooth', degrees: 30 },
        smoothLocomotion: true,
        seated: false,
        volume: 0,
        subtitleScale: 1.5,
        largeText: true,
        narrationRate: 0.75,
        extra: 'ignored',
      }),
    ).toEqual({
      turn: { mode: 'smooth', degrees: 30 },
      smoothLocomotion: true,
      seated: false,
      volume: 0,
      subtitleScale: 1.5,
      narrationRate: 0.75,
    })
    expect(
      sanitizeSettings({ volume: -0.1, subtitleScale: 3, seated: 'yes', turn: null, narrationRate: 0.1 }),
    ).toEqual({})
    expect(sanitizeSettings(null)).toEqual({})
    expect(sanitizeSettings('x')).toEqual({})
  })

  it('keeps large text for the visit only: sessionStorage, not the device, and gone after a visit reset', async () => {
    const first = await loadStore()
    first.useSettings.getState().update({ largeText: true })
    expect(JSON.parse(storage.getItem(first.SETTINGS_STORAGE_KEY) ?? '{}').state.largeText).toBeUndefined()
    const second = await loadStore()
    expect(second.useSettings.getState().largeText).toBe(true)
    const visit = await import('../../../src/platform/visit')
    visit.resetVisit()
    expect(second.useSettings.getState().largeText).toBe(false)
    const third = await loadStore()
    expect(third.useSettings.getState().largeText).toBe(false)
  })

  it("a scene's large text (the hall's elderly mode) is never stored", async () => {
    const { useSettings } = await loadStore()
    const visit = await import('../../../src/platform/visit')
    visit.setSceneLargeText(true)
    expect(visit.useSceneDisplay.getState().largeText).toBe(true)
    expect(useSettings.getState().largeText).toBe(false)
    expect(storage.length).toBe(0)
    expect(session.length).toBe(0)
    visit.resetVisit()
    expect(visit.useSceneDisplay.getState().largeText).toBe(false)
  })
})
