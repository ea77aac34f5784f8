// The browser globals app modules read as they load or run (storage, fetch, the address, the user agent),
// stubbed for unit tests in Node: fresh storages per call, so each test is a fresh device. Undo with
// vi.unstubAllGlobals().
import { vi } from 'vitest'
import { MemoryStorage } from './memory-storage'

export interface PageGlobals {
  localStorage: MemoryStorage
  sessionStorage: MemoryStorage
}

export function stubPageGlobals(search = ''): PageGlobals {
  const globals = { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() }
  vi.stubGlobal('localStorage', globals.localStorage)
  vi.stubGlobal('sessionStorage', globals.sessionStorage)
  vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }))
  // three's and drei's helpers read the user agent as they load.
  vi.stubGlobal('navigator', { userAgent: 'node' })
  vi.stubGlobal('window', {
    navigator: { userAgent: 'node' },
    location: { search, href: `http://localhost/${search}`, origin: 'http://localhost' },
    history: { pushState: () => {}, replaceState: () => {} },
    addEventListener: () => {},
    removeEventListener: () => {},
  })
  return globals
}
