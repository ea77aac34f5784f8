// The field-sensor layout both sides share (deterministic, on open ground inside the park) and the
// simulator's readings for it.
import { describe, expect, it } from 'vitest'
import { fieldSensorLayout, parkBounds } from '../../../../src/shared/twin/field-sensor-layout'
import { fieldSensorValues } from '../../../../src/shared/twin/park-simulation'
import { loadTwinPark } from './twin-fixture'

const twin = loadTwinPark()

describe('fieldSensorLayout', () => {
  it('places 1000 distinct sensors inside the park and outside every building', () => {
    const layout = fieldSensorLayout(twin, 1000)
    expect(layout).toHaveLength(2000)
    const b = parkBounds(twin)
    const seen = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const x = layout[i * 2]
      const z = layout[i * 2 + 1]
      expect(x).toBeGreaterThanOrEqual(b.minX)
      expect(x).toBeLessThanOrEqual(b.maxX)
      expect(z).toBeGreaterThanOrEqual(b.minZ)
      expect(z).toBeLessThanOrEqual(b.maxZ)
      seen.add(`${x},${z}`)
      for (const a of twin.assets) {
        const inside =
          Math.abs(x - a.position[0]) < a.size[0] / 2 && Math.abs(z - a.position[2]) < a.size[2] / 2
        expect(inside, `sensor ${i} at ${x},${z} is inside ${a.id}`).toBe(false)
      }
    }
    expect(seen.size).toBe(1000)
  })

  it('is deterministic and spreads over the whole park, not one corner', () => {
    const a = fieldSensorLayout(twin, 1000)
    expect(fieldSensorLayout(twin, 1000)).toEqual(a)
    const b = parkBounds(twin)
    const xs = Array.from({ length: 1000 }, (_, i) => a[i * 2])
    const zs = Array.from({ length: 1000 }, (_, i) => a[i * 2 + 1])
    expect(Math.min(...xs) - b.minX).toBeLessThan(5)
    expect(b.maxX - Math.max(...xs)).toBeLessThan(5)
    expect(Math.min(...zs) - b.minZ).toBeLessThan(5)
    expect(b.maxZ - Math.max(...zs)).toBeLessThan(5)
    expect(fieldSensorLayout(twin, 0)).toHaveLength(0)
    expect(fieldSensorLayout(twin, 7)).toHaveLength(14)
  })

  it('gives the simulator one value per placed sensor, similar for neighbours', () => {
    const layout = fieldSensorLayout(twin, 1000)
    const values = fieldSensorValues(Date.UTC(2026, 5, 1, 6), layout, 24)
    expect(values).toHaveLength(1000)
    for (const v of values) {
      expect(v).toBeGreaterThan(24 - 5.1)
      expect(v).toBeLessThan(24 + 5.1)
    }
    // Sensors 0 and 1 stand next to each other: their readings differ far less than the park's spread.
    const spread = Math.max(...values) - Math.min(...values)
    expect(Math.abs(values[0] - values[1])).toBeLessThan(spread / 4)
  })
})
