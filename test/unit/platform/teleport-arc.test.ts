// The teleport arc: where it lands, and that only floor areas accept a landing.
import { describe, expect, it } from 'vitest'
import { computeTeleportArc } from '../../../src/platform/locomotion/teleport-arc'
import type { FloorArea } from '../../../src/schema/common'

const floor: FloorArea = { id: 'room', min: [-5, -5], max: [5, 5], y: 0 }

describe('computeTeleportArc', () => {
  it('lands a level throw where the ballistic formula says, on the floor', () => {
    // Horizontal launch at 4 m/s from 1 m high: t = sqrt(2h/g), range = v t.
    const arc = computeTeleportArc([0, 1, 0], [0, 0, -1], [floor], { speed: 4, step: 0.005, maxSamples: 400 })
    const range = 4 * Math.sqrt(2 / 9.8)
    expect(arc.valid).toBe(true)
    expect(arc.landing?.[1]).toBe(0)
    expect(arc.landing?.[0]).toBeCloseTo(0, 6)
    expect(arc.landing?.[2]).toBeCloseTo(-range, 2)
    // Points run from the launch point to the landing, always falling after the apex.
    expect(arc.points[0]).toEqual([0, 1, 0])
    expect(arc.points.at(-1)).toEqual(arc.landing)
  })

  it('refuses a landing outside every floor area but still reports where it came down', () => {
    const arc = computeTeleportArc([4, 1.2, 0], [1, 0.5, 0], [floor])
    expect(arc.valid).toBe(false)
    expect(arc.landing?.[0]).toBeGreaterThan(5)
    expect(arc.landing?.[1]).toBe(0)
  })

  it('prefers a raised floor area over the ground beneath it', () => {
    const stage: FloorArea = { id: 'stage', min: [-1, -3], max: [1, -1], y: 0.5 }
    const arc = computeTeleportArc([0, 1.5, 0], [0, 0, -1], [floor, stage], {
      speed: 3,
      step: 0.005,
      maxSamples: 400,
    })
    expect(arc.valid).toBe(true)
    expect(arc.landing?.[1]).toBe(0.5)
    expect(arc.landing?.[2]).toBeLessThan(-1)
  })

  it('gives up without a landing when the arc never comes down within its samples', () => {
    const arc = computeTeleportArc([0, 1, 0], [0, 1, 0], [floor], { maxSamples: 10 })
    expect(arc.landing).toBeNull()
    expect(arc.valid).toBe(false)
    expect(arc.points).toHaveLength(11)
  })
})
