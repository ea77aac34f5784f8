// The kiosk's once-a-second decision, on a simulated clock: idle on a screen, a headset taken off, and a
// session that ended with nobody using the page after it.
import { describe, expect, it } from 'vitest'
import type { KioskEvent } from '../../../../src/platform/kiosk/kiosk-phase'
import { createKioskWatch, type SessionNow } from '../../../../src/platform/kiosk/kiosk-watch'

const IDLE = 180_000
const OFF = 60_000
const WORN: SessionNow = { inSession: true, worn: true }
const HIDDEN: SessionNow = { inSession: true, worn: false }
const NONE: SessionNow = { inSession: false, worn: false }

/** Checks once a second from `from` to `to` (ms) and returns the first event with its time. */
function run(
  watch: ReturnType<typeof createKioskWatch>,
  from: number,
  to: number,
  session: SessionNow,
  lastInput: () => number,
): { at: number; event: KioskEvent } | null {
  for (let now = from; now <= to; now += 1000) {
    const event = watch.check(now, session, lastInput())
    if (event) return { at: now, event }
  }
  return null
}

const headsetWatch = () =>
  createKioskWatch({ idleMs: IDLE, headsetOffMs: OFF, stallMs: 3000, start: 0, isHeadset: () => true })

describe('the kiosk watch', () => {
  it('resets a screen kiosk after its idle time without input, not before', () => {
    const watch = createKioskWatch({
      idleMs: IDLE,
      headsetOffMs: OFF,
      stallMs: 3000,
      start: 0,
      isHeadset: () => false,
    })
    expect(run(watch, 1000, IDLE - 1000, NONE, () => 0)).toBeNull()
    expect(run(watch, IDLE, IDLE + 5000, NONE, () => 0)).toEqual({
      at: IDLE,
      event: { type: 'idle', headset: false },
    })
  })

  it('never resets a worn headset, and resets one taken off after the headset time', () => {
    const watch = headsetWatch()
    expect(run(watch, 1000, 600_000, WORN, () => 0)).toBeNull()
    expect(run(watch, 601_000, 601_000 + OFF + 5000, HIDDEN, () => 0)).toEqual({
      at: 600_000 + OFF,
      event: { type: 'headset-off' },
    })
  })

  it('after a session ends with no input on the page, resets after the headset time, not the idle time', () => {
    const watch = headsetWatch()
    run(watch, 1000, 10_000, WORN, () => 0)
    // The last worn check was at 10 s; the session is gone from 11 s and nobody touches the page.
    expect(run(watch, 11_000, 11_000 + OFF + 5000, NONE, () => 10_000)).toEqual({
      at: 10_000 + OFF,
      event: { type: 'headset-off' },
    })
  })

  it('after a session ends, input on the page puts the visit back on the idle time', () => {
    const watch = headsetWatch()
    run(watch, 1000, 10_000, WORN, () => 0)
    // A press on the 2D page at 20 s, then nothing: the idle time counts from that press.
    expect(run(watch, 11_000, 20_000 + IDLE - 1000, NONE, () => 20_000)?.event).toBeUndefined()
    expect(run(watch, 20_000 + IDLE, 20_000 + IDLE + 2000, NONE, () => 20_000)).toEqual({
      at: 20_000 + IDLE,
      event: { type: 'idle', headset: true },
    })
  })
})
