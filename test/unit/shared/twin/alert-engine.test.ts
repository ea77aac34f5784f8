import { describe, expect, it } from 'vitest'
import { AlertEngine } from '../../../../src/shared/twin/alert-engine'
import { loadTwinPark } from './twin-fixture'

const twin = loadTwinPark()
// The factory's critical rule: power > contract (1500 kW) held 5 s.
const T0 = 1_700_000_000_000

function engineWith() {
  const values: Record<string, number> = { 'factory/power': 900 }
  const engine = new AlertEngine(twin.alertRules, twin.assets)
  const read = (assetId: string, metric: string) => values[`${assetId}/${metric}`]
  return { engine, values, at: (s: number) => engine.update(T0 + s * 1000, read) }
}

describe('alert engine', () => {
  it('raises only after the condition held for holdSeconds', () => {
    const { engine, values, at } = engineWith()
    expect(at(0)).toEqual([])
    values['factory/power'] = 1600
    expect(at(1)).toEqual([])
    expect(at(5.9)).toEqual([])
    const events = at(6)
    expect(events.map((e) => [e.type, e.alert.key, e.alert.severity])).toEqual([
      ['raised', 'power-over-contract@factory', 'critical'],
    ])
    expect(events[0].alert.since).toBe(T0 + 1000)
    expect(engine.levelOf('factory')).toBe(3)
    expect(engine.levelOf('office-a')).toBe(0)
  })

  it('does not raise a blip shorter than the hold time, and restarts the timer', () => {
    const { engine, values, at } = engineWith()
    values['factory/power'] = 1600
    at(0)
    at(4)
    values['factory/power'] = 1000
    at(4.5)
    values['factory/power'] = 1600
    at(5)
    expect(at(9)).toEqual([])
    expect(at(10).map((e) => e.type)).toEqual(['raised'])
    expect(engine.active()).toHaveLength(1)
  })

  it('is acknowledged once, stays listed, and clears when the condition ends', () => {
    const { engine, values, at } = engineWith()
    values['factory/power'] = 1600
    at(0)
    at(5)
    const key = 'power-over-contract@factory'
    expect(engine.ack(key, T0 + 7000)?.alert.acked).toBe(true)
    expect(engine.ack(key, T0 + 8000)).toBeNull()
    expect(engine.active()[0]).toMatchObject({ key, acked: true, ackedAt: T0 + 7000 })
    values['factory/power'] = 1200
    expect(at(20).map((e) => [e.type, e.alert.key])).toEqual([['cleared', key]])
    expect(engine.active()).toEqual([])
    expect(engine.ack(key, T0 + 21000)).toBeNull()
  })

  it('raises a warning and a critical for a long spike, most severe first', () => {
    const { engine, values, at } = engineWith()
    values['factory/power'] = 1600
    at(0)
    at(5)
    at(60)
    expect(engine.active().map((a) => a.ruleId)).toEqual(['power-over-contract', 'power-near-contract'])
  })

  it('never raises on missing data and bumps its version only on change', () => {
    const engine = new AlertEngine(twin.alertRules, twin.assets)
    engine.update(T0, () => undefined)
    engine.update(T0 + 600_000, () => undefined)
    expect(engine.active()).toEqual([])
    expect(engine.version).toBe(0)
  })
})
