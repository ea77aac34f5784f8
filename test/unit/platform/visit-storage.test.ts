// The visit service's sessionStorage entries: versioned, validated on read, a bad one dropped with a
// warning (never thrown), scene progress cleared by leaving for the lobby, everything by a visit reset.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { MemoryStorage } from '../../support/memory-storage'

let session: MemoryStorage
const Entry = z.object({ stop: z.number().int() })

async function load(search = '?scene=memorial') {
  vi.resetModules()
  vi.stubGlobal('window', {
    sessionStorage: session,
    location: { search },
    history: { pushState: () => {}, replaceState: () => {} },
    addEventListener: () => {},
    removeEventListener: () => {},
  })
  const visit = await import('../../../src/platform/visit')
  const url = await import('../../../src/platform/url')
  return { visit, route: url.useRoute }
}

beforeEach(() => {
  session = new MemoryStorage()
  vi.stubGlobal('sessionStorage', session)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('visit storage', () => {
  it('reads back what a kind saved for the open scene, under a versioned key', async () => {
    const { visit } = await load()
    const store = { state: { stop: 2 }, listeners: [] as (() => void)[] }
    const fake = {
      getState: () => store.state,
      subscribe: (l: () => void) => {
        store.listeners.push(l)
        return () => {}
      },
    }
    visit.keepSceneState(fake, 'tour', (s) => s)
    store.state = { stop: 3 }
    for (const l of store.listeners) l()
    expect(JSON.parse(session.getItem('xr-showcase:visit:scene:memorial:tour') ?? '')).toEqual({
      v: visit.VISIT_STORAGE_VERSION,
      data: { stop: 3 },
    })
    expect(visit.readSceneState('tour', Entry)).toEqual({ stop: 3 })
  })

  it.each([
    ['not JSON', '{oops'],
    ['an older version', JSON.stringify({ v: 0, data: { stop: 1 } })],
    ['a wrong shape', JSON.stringify({ v: 1, data: { stop: 'two' } })],
  ])('drops %s with a warning instead of throwing', async (_what, raw) => {
    session.setItem('xr-showcase:visit:scene:memorial:tour', raw)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { visit } = await load()
    expect(visit.readSceneState('tour', Entry)).toBeUndefined()
    expect(warn).toHaveBeenCalledOnce()
    expect(String(warn.mock.calls[0]?.[0])).toContain('dropped the saved "scene:memorial:tour"')
    expect(session.getItem('xr-showcase:visit:scene:memorial:tour')).toBeNull()
  })

  it('going back to the lobby clears scene progress but keeps the visitor; a visit reset clears all', async () => {
    const { visit, route } = await load()
    visit.writeVisitEntry('scene:memorial:tour', { stop: 1 })
    visit.writeVisitEntry('display', { largeText: true })
    session.setItem('xr-showcase:classroom:room', 'token')
    const uninstall = visit.installVisitLifecycle()
    route.getState().navigate({ scene: undefined })
    expect(session.getItem('xr-showcase:visit:scene:memorial:tour')).toBeNull()
    expect(session.getItem('xr-showcase:visit:display')).not.toBeNull()
    const reset = vi.fn()
    visit.onVisitReset(reset)
    visit.resetVisit()
    expect(session.length).toBe(0)
    expect(reset).toHaveBeenCalledOnce()
    uninstall()
  })

  it('stops writing once the visitor has left the scene', async () => {
    const { visit, route } = await load()
    let listener = () => {}
    const fake = {
      getState: () => ({ stop: 5 }),
      subscribe: (l: () => void) => {
        listener = l
        return () => {}
      },
    }
    visit.keepSceneState(fake, 'tour', (s) => s)
    route.getState().navigate({ scene: undefined })
    listener()
    expect(session.length).toBe(0)
  })
})
