import { describe, expect, it } from 'vitest'
import { createIdleTimer } from '../../../src/platform/kiosk/idle-timer'

describe('kiosk idle timer', () => {
  it('fires once after the timeout without activity, and again only after new activity', () => {
    const timer = createIdleTimer(1000, 0)
    expect(timer.check(999)).toBe(false)
    expect(timer.check(1000)).toBe(true)
    expect(timer.check(5000)).toBe(false)
    timer.activity(6000)
    expect(timer.check(6500)).toBe(false)
    expect(timer.check(7000)).toBe(true)
  })

  it('keeps postponing while the visitor is active', () => {
    const timer = createIdleTimer(1000, 0)
    for (let t = 0; t < 10_000; t += 500) {
      timer.activity(t)
      expect(timer.check(t + 400)).toBe(false)
    }
  })

  it('reads the same last input again without re-arming: one reset per idle period, not one per check', () => {
    // The kiosk feeds the shared last-input time at every check, input or not.
    const timer = createIdleTimer(1000, 0)
    timer.activity(200)
    expect(timer.check(1200)).toBe(true)
    for (let t = 2200; t < 10_000; t += 1000) {
      timer.activity(200)
      expect(timer.check(t)).toBe(false)
    }
    timer.activity(9500)
    expect(timer.check(10_500)).toBe(true)
  })

  it('does not decide on a check that came late (the page was blocked), but on the one after it', () => {
    const timer = createIdleTimer(10_000, 0, 3000)
    expect(timer.check(1000)).toBe(false)
    // Blocked from 1 s to 14 s (a scene compiling): a move made at 5 s is still queued at this check.
    expect(timer.check(14_000)).toBe(false)
    timer.activity(14_001)
    expect(timer.check(15_000)).toBe(false)
    // Without input the next on-time check after the stall does decide.
    const idle = createIdleTimer(10_000, 0, 3000)
    expect(idle.check(14_000)).toBe(false)
    expect(idle.check(15_000)).toBe(true)
  })
})
