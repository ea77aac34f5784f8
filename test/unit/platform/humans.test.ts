// The digital humans' pure parts: blinks every 3–6 s from a seed, and a head that turns to the visitor
// only within a neck's range.
import { describe, expect, it } from 'vitest'
import { BlinkSchedule } from '../../../src/platform/humans/blink-schedule'
import { LOOK_PITCH_LIMIT, LOOK_YAW_LIMIT, lookAngles } from '../../../src/platform/humans/head-look'

/** Start times of the blinks in the first `seconds`, sampled every 10 ms. */
function blinkStarts(schedule: BlinkSchedule, seconds: number): number[] {
  const starts: number[] = []
  let shut = false
  for (let t = 0; t <= seconds; t += 0.01) {
    const closure = schedule.closure(t)
    if (closure > 0 && !shut) starts.push(t)
    shut = closure > 0
  }
  return starts
}

describe('blink schedule', () => {
  it('blinks every 3 to 6 s, closing fully and opening within a fifth of a second', () => {
    const schedule = new BlinkSchedule(7)
    const starts = blinkStarts(schedule, 120)
    expect(starts.length).toBeGreaterThanOrEqual(20)
    expect(starts[0]).toBeGreaterThanOrEqual(3 - 0.01)
    for (let i = 1; i < starts.length; i++) {
      const gap = starts[i] - starts[i - 1]
      expect(gap).toBeGreaterThanOrEqual(3 - 0.02)
      expect(gap).toBeLessThanOrEqual(6 + 0.02)
    }
    const probe = new BlinkSchedule(7)
    const start = probe.upcoming
    expect(probe.closure(start + 0.07)).toBeCloseTo(1, 5)
    expect(probe.closure(start + 0.2)).toBe(0)
  })

  it('is the same for the same seed and differs between seeds', () => {
    expect(blinkStarts(new BlinkSchedule(3), 60)).toEqual(blinkStarts(new BlinkSchedule(3), 60))
    expect(blinkStarts(new BlinkSchedule(3), 60)).not.toEqual(blinkStarts(new BlinkSchedule(4), 60))
  })

  it('skips the blinks a stalled tab missed instead of replaying them', () => {
    const schedule = new BlinkSchedule(1)
    schedule.closure(0)
    schedule.closure(1000)
    expect(schedule.upcoming).toBeGreaterThan(1000 - 6)
    expect(schedule.upcoming).toBeLessThanOrEqual(1000 + 6)
  })
})

describe('head look', () => {
  const out = { yaw: 0, pitch: 0 }

  it('looks straight at a visitor within the neck’s range', () => {
    lookAngles(1, 0, 1, out)
    expect(out.yaw).toBeCloseTo(Math.PI / 4, 6)
    expect(out.pitch).toBeCloseTo(0, 6)
    // A point above is a negative pitch (bones pitch down positive).
    lookAngles(0, 0.2, 1, out)
    expect(out.pitch).toBeCloseTo(-Math.atan(0.2), 6)
  })

  it('stops at ±60° yaw and ±20° pitch', () => {
    lookAngles(-3, 0, 0.5, out)
    expect(out.yaw).toBeCloseTo(-LOOK_YAW_LIMIT, 6)
    lookAngles(0, -2, 1, out)
    expect(out.pitch).toBeCloseTo(LOOK_PITCH_LIMIT, 6)
    lookAngles(0, 5, 1, out)
    expect(out.pitch).toBeCloseTo(-LOOK_PITCH_LIMIT, 6)
  })

  it('faces front when the visitor is behind', () => {
    lookAngles(0.2, 0, -1, out)
    expect(out).toEqual({ yaw: 0, pitch: 0 })
  })
})
