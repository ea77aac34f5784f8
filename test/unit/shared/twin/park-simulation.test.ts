import { describe, expect, it } from 'vitest'
import { ParkFeed } from '../../../../src/shared/twin/park-feed'
import { activityAt, ParkSimulation, sunAt } from '../../../../src/shared/twin/park-simulation'
import { loadTwinPark } from './twin-fixture'

const twin = loadTwinPark()
const at = (hour: number) => new Date(2026, 5, 1, hour, 0, 0).getTime()
const readingOf = (
  samples: { assetId: string; metric: string; v: number }[],
  asset: string,
  metric: string,
) => samples.find((s) => s.assetId === asset && s.metric === metric)?.v

function run(sim: ParkSimulation, from: number, seconds: number) {
  let last = sim.step(from)
  for (let s = 1; s <= seconds; s++) last = sim.step(from + s * 1000)
  return last
}

describe('park simulation', () => {
  it('follows a daily load curve and the sun', () => {
    expect(activityAt(3, [8, 18])).toBe(0)
    expect(activityAt(10, [8, 18])).toBe(1)
    expect(sunAt(2)).toBe(0)
    expect(sunAt(12)).toBeCloseTo(1)
    const night = new ParkSimulation(twin).step(at(3))
    const noon = new ParkSimulation(twin).step(at(11))
    expect(readingOf(noon, 'office-a', 'power')!).toBeGreaterThan(3 * readingOf(night, 'office-a', 'power')!)
    expect(readingOf(night, 'energy-station', 'solar')).toBe(0)
    expect(readingOf(noon, 'energy-station', 'solar')!).toBeGreaterThan(100)
  })

  it('switching HVAC off lowers the power', () => {
    const sim = new ParkSimulation(twin)
    const before = run(sim, at(11), 5)
    expect(sim.applyCommand('office-a', 'hvac', 0)).toEqual({ ok: true })
    const after = sim.step(at(11) + 6000)
    expect(readingOf(after, 'office-a', 'hvacOn')).toBe(0)
    expect(readingOf(after, 'office-a', 'power')!).toBeLessThan(readingOf(before, 'office-a', 'power')! * 0.8)
    expect(sim.applyCommand('energy-station', 'hvac', 0)).toMatchObject({ ok: false })
  })

  it('a spike pushes power over the contract and the feed raises the alarm', () => {
    const feed = new ParkFeed(twin)
    feed.step(at(11))
    feed.simulation.injectSpike('factory', at(11), 60)
    let alarm = 0
    for (let s = 1; s <= 7; s++) alarm = readingOf(feed.step(at(11) + s * 1000).samples, 'factory', 'alarm')!
    expect(alarm).toBe(3)
    expect(feed.alerts.active().map((a) => a.key)).toContain('power-over-contract@factory')
  })

  it('readings stay inside each metric’s valid range over a whole day', () => {
    const sim = new ParkSimulation(twin, { seed: 7 })
    for (let minute = 0; minute < 24 * 60; minute += 10) {
      for (const s of sim.step(at(0) + minute * 60_000)) {
        const info = twin.metrics.find((m) => m.id === s.metric)!
        expect(s.v).toBeGreaterThanOrEqual(info.valid[0])
        expect(s.v).toBeLessThanOrEqual(info.valid[1])
      }
    }
  })
})
