// The classroom identity a browser keeps, and its end with the visit: at a kiosk the next visitor must not
// inherit the last one's seat, used quiz attempt or kick.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryStorage } from '../../../support/memory-storage'

let local: MemoryStorage

beforeEach(() => {
  vi.resetModules()
  local = new MemoryStorage()
  vi.stubGlobal('localStorage', local)
  vi.stubGlobal('sessionStorage', new MemoryStorage())
  vi.stubGlobal('window', {
    location: { search: '?scene=classroom' },
    history: { pushState: () => {}, replaceState: () => {} },
    addEventListener: () => {},
    removeEventListener: () => {},
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('the classroom member token', () => {
  it('stays over a reload and ends with a kiosk reset', async () => {
    const { memberToken } = await import('../../../../src/kinds/classroom/api')
    const { resetVisit } = await import('../../../../src/platform/visit')
    const first = memberToken()
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(memberToken()).toBe(first)
    expect(local.getItem('xr-showcase:classroom:member-token')).toBe(first)

    resetVisit()
    expect(local.getItem('xr-showcase:classroom:member-token')).toBeNull()
    const next = memberToken()
    expect(next).not.toBe(first)
    expect(local.getItem('xr-showcase:classroom:member-token')).toBe(next)
  })
})
