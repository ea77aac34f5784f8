import { describe, expect, it } from 'vitest'
import { CodeGuard } from '../../../src/server/security/code-guard'

function guard(options = {}) {
  let t = 0
  const g = new CodeGuard('teacher code', '135790', { now: () => t, ...options })
  return { g, advance: (ms: number) => (t += ms) }
}

describe('CodeGuard', () => {
  it('refuses an empty code at construction', () => {
    expect(() => new CodeGuard('teacher code', '')).toThrow(/empty/)
  })

  it('accepts the code and refuses a wrong, missing or non-string one', () => {
    const { g } = guard()
    expect(g.check('a', '135790')).toEqual({ ok: true })
    expect(g.check('a', '135791')).toMatchObject({ ok: false, status: 403 })
    expect(g.check('a', undefined)).toMatchObject({ ok: false, status: 403 })
    expect(g.check('a', ['135790'])).toMatchObject({ ok: false, status: 403 })
  })

  it('locks an address out after 5 failures, doubling each time, and the right code is refused meanwhile', () => {
    const { g, advance } = guard()
    for (let i = 0; i < 4; i++) expect(g.check('a', 'x').ok).toBe(false)
    expect(g.check('a', 'x')).toMatchObject({ status: 429, retryAfterSeconds: 30 })
    expect(g.check('a', '135790')).toMatchObject({ status: 429 })
    expect(g.check('b', '135790')).toEqual({ ok: true })
    advance(30_000)
    for (let i = 0; i < 4; i++) g.check('a', 'x')
    expect(g.check('a', 'x')).toMatchObject({ status: 429, retryAfterSeconds: 60 })
    advance(60_000)
    expect(g.check('a', '135790')).toEqual({ ok: true })
  })

  it('caps the lockout and forgets an address after the right code', () => {
    const { g, advance } = guard({ maxLockoutMs: 45_000 })
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) g.check('a', 'x')
      advance(45_000)
    }
    for (let i = 0; i < 4; i++) g.check('a', 'x')
    expect(g.check('a', 'x')).toMatchObject({ retryAfterSeconds: 45 })
  })

  it('locks everyone out when many addresses guess together', () => {
    const { g, advance } = guard({ globalMaxFailures: 10, globalLockoutMs: 60_000 })
    for (let i = 0; i < 10; i++) expect(g.check(`10.0.0.${i}`, 'x')).toMatchObject({ status: 403 })
    expect(g.check('10.0.0.99', 'x')).toMatchObject({ status: 429 })
    expect(g.check('192.168.1.5', '135790')).toMatchObject({ status: 429 })
    advance(60_000)
    expect(g.check('192.168.1.5', '135790')).toEqual({ ok: true })
  })

  it('keeps at most maxAddresses records', () => {
    const { g } = guard({ maxAddresses: 3, globalMaxFailures: 1e9 })
    for (let i = 0; i < 4; i++) g.check('old', 'x')
    for (let i = 0; i < 3; i++) g.check(`n${i}`, 'x')
    // 'old' was pruned, so its 4 failures are forgotten: one more is not a lockout.
    expect(g.check('old', 'x')).toMatchObject({ status: 403 })
  })
})
