import { describe, expect, it } from 'vitest'
import { createLongPress } from '../../../../src/platform/kiosk/long-press'

describe('staff long press on the top-left corner', () => {
  it('fires once a press in the corner has been held for the hold time', () => {
    const press = createLongPress({ holdMs: 3000, corner: 64 })
    expect(press.down(1, 10, 12, 0)).toBe(true)
    expect(press.check(2999)).toBe(false)
    expect(press.check(3000)).toBe(true)
    // Once per press.
    expect(press.check(4000)).toBe(false)
  })

  it('ignores presses outside the corner', () => {
    const press = createLongPress({ holdMs: 3000, corner: 64 })
    expect(press.down(1, 70, 10, 0)).toBe(false)
    expect(press.check(5000)).toBe(false)
    expect(press.down(2, 10, 400, 0)).toBe(false)
    expect(press.check(5000)).toBe(false)
  })

  it('does not fire when released early or dragged away', () => {
    const press = createLongPress({ holdMs: 3000, slop: 24 })
    press.down(1, 5, 5, 0)
    press.up(1)
    expect(press.check(3500)).toBe(false)
    press.down(2, 5, 5, 0)
    press.move(2, 15, 15) // small tremble: still holding
    press.move(2, 60, 5) // a drag
    expect(press.check(3500)).toBe(false)
  })

  it('follows only the pointer that started it (a second finger does not cancel or restart it)', () => {
    const press = createLongPress({ holdMs: 3000 })
    press.down(1, 5, 5, 0)
    press.move(2, 500, 500)
    press.up(2)
    expect(press.check(3000)).toBe(true)
  })
})
