// The classroom identity a browser keeps, and its end with the visit: at a kiosk the next visitor must not
// inherit the last one's seat, used quiz attempt or kick.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type PageGlobals, stubPageGlobals } from '../../../support/page-globals'

let local: PageGlobals['localStorage']

beforeEach(() => {
  vi.resetModules()
  local = stubPageGlobals('?scene=classroom').localStorage
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
