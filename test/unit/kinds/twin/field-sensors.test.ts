// Field sensors in the viewer: the batch buffer it writes into, the temperature ramp, and the runtime
// dropping bad batches with one warning per topic.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FieldSensorBuffer, temperatureColor } from '../../../../src/kinds/twin/logic/field-sensor-buffer'
import { TwinRuntime } from '../../../../src/kinds/twin/logic/twin-runtime'
import { fieldSensorsTopic } from '../../../../src/shared/twin/telemetry-topics'
import { loadTwinPark } from '../../shared/twin/twin-fixture'

const twin = loadTwinPark()

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
