// Field sensors at scale: the shared layout (deterministic, on open ground inside the park), the
// batch buffer the viewer writes into, the temperature ramp, and the runtime dropping bad batches with
// one warning per topic.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FieldSensorBuffer, temperatureColor } from '../../../../src/kinds/twin/field-sensor-buffer'
import { fieldSensorLayout, parkBounds } from '../../../../src/kinds/twin/field-sensor-layout'
import { fieldSensorValues } from '../../../../src/kinds/twin/park-simulation'
import { fieldSensorsTopic } from '../../../../src/kinds/twin/telemetry-topics'
import { TwinRuntime } from '../../../../src/kinds/twin/twin-runtime'
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

describe('FieldSensorBuffer and the colour ramp', () => {
  it('overwrites one typed array per batch and ignores an older batch', () => {
    const buffer = new FieldSensorBuffer()
    expect(buffer.write([20, 21, 22], 1000)).toBe(true)
    const array = buffer.values
    expect(buffer.write([23, 24, 25], 2000)).toBe(true)
    expect(buffer.values).toBe(array)
    expect(Array.from(buffer.values)).toEqual([23, 24, 25])
    expect(buffer.write([1, 1, 1], 1500)).toBe(false)
    expect(buffer.batches).toBe(2)
    expect(buffer.ts).toBe(2000)
  })

  it('maps cool to blue and hot to red, continuously', () => {
    const cold = [0, 0, 0]
    const hot = [0, 0, 0]
    temperatureColor(10, cold)
    temperatureColor(40, hot)
    expect(cold[2]).toBeGreaterThan(cold[0])
    expect(hot[0]).toBeGreaterThan(hot[2])
    const a = [0, 0, 0]
    const b = [0, 0, 0]
    temperatureColor(24.0, a)
    temperatureColor(24.1, b)
    expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBeGreaterThan(0)
    expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBeLessThan(0.05)
  })
})

describe('TwinRuntime and field batches', () => {
  afterEach(() => vi.restoreAllMocks())

  it('files valid batches and drops bad ones with one warning per topic', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const runtime = new TwinRuntime(twin)
    const topic = fieldSensorsTopic(twin.parkId)
    runtime.receive(topic, JSON.stringify({ ts: 1000, v: [21.5, 22.5] }))
    expect(runtime.fieldSensors.count).toBe(2)
    for (const bad of [
      '{oops',
      JSON.stringify({ ts: 2000, v: ['hot'] }),
      JSON.stringify({ ts: 2000, v: [500] }),
    ])
      runtime.receive(topic, bad)
    runtime.receive('park/demo/moon-base/power', JSON.stringify({ v: 1, ts: 3000 }))
    runtime.receive('park/demo/moon-base/power', JSON.stringify({ v: 1, ts: 4000 }))
    expect(runtime.fieldSensors.batches).toBe(1)
    expect(Array.from(runtime.fieldSensors.values)).toEqual([21.5, 22.5])
    expect(runtime.buffer.rejected).toBe(5)
    expect(warn.mock.calls.map((c) => String(c[0]).split(':')[1])).toEqual([
      ` dropped a message on ${topic}`,
      ' dropped a message on park/demo/moon-base/power',
    ])
  })
})
