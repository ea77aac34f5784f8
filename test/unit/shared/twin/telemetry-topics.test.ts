import { describe, expect, it } from 'vitest'
import {
  commandTopic,
  FieldSensorsPayload,
  isFieldSensorsPayload,
  parseParkMessage,
  telemetryTopic,
} from '../../../../src/shared/twin/telemetry-topics'
import { loadTwinPark } from './twin-fixture'

const twin = loadTwinPark()
const ts = 1_700_000_000_000

describe('telemetry topics', () => {
  it('accepts a valid reading and a valid command', () => {
    const reading = parseParkMessage(
      twin,
      telemetryTopic('demo', 'factory', 'power'),
      JSON.stringify({ v: 812.5, ts, unit: 'kW' }),
    )
    expect(reading).toEqual({
      ok: true,
      message: {
        type: 'telemetry',
        assetId: 'factory',
        metric: 'power',
        payload: { v: 812.5, ts, unit: 'kW' },
      },
    })
    const command = parseParkMessage(
      twin,
      commandTopic('demo', 'office-a'),
      new TextEncoder().encode(JSON.stringify({ id: 'c1', control: 'hvac', value: 0, ts })),
    )
    expect(command.ok && command.message.type).toBe('command')
  })

  it.each([
    ['non-JSON', 'park/demo/factory/power', '{v: 1', 'not JSON'],
    ['wrong type', 'park/demo/factory/power', JSON.stringify({ v: 'hot', ts }), 'bad payload'],
    ['unknown asset', 'park/demo/moon-base/power', JSON.stringify({ v: 1, ts }), 'unknown asset'],
    ['out of range', 'park/demo/office-a/humidity', JSON.stringify({ v: 140, ts }), 'outside'],
    ['unknown metric', 'park/demo/factory/solar', JSON.stringify({ v: 1, ts }), 'no metric'],
    ['other park', 'park/other/factory/power', JSON.stringify({ v: 1, ts }), 'unknown park'],
    ['short topic', 'park/demo/factory', JSON.stringify({ v: 1, ts }), 'topic'],
    [
      'missing control',
      'park/demo/energy-station/cmd',
      JSON.stringify({ id: 'x', control: 'hvac', value: 1, ts }),
      'no hvac control',
    ],
    ['extra keys', 'park/demo/factory/power', JSON.stringify({ v: 1, ts, evil: true }), 'bad payload'],
  ])('rejects %s', (_name, topic, payload, reason) => {
    const result = parseParkMessage(twin, topic, payload)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
})

describe('isFieldSensorsPayload', () => {
  it('gives the same verdict as the FieldSensorsPayload schema', () => {
    const cases: unknown[] = [
      { ts: 1000, v: [20, 21.5, -50, 100] },
      { ts: 1000, v: [] },
      { ts: 1000, v: Array.from({ length: 10_000 }, () => 22) },
      { ts: 1000, v: Array.from({ length: 10_001 }, () => 22) },
      { ts: 1000, v: [20], extra: true },
      { ts: 1000 },
      { v: [20] },
      { ts: 0, v: [20] },
      { ts: -5, v: [20] },
      { ts: 1.5, v: [20] },
      { ts: Number.MAX_SAFE_INTEGER + 2, v: [20] },
      { ts: '1000', v: [20] },
      { ts: 1000, v: [101] },
      { ts: 1000, v: [-50.1] },
      { ts: 1000, v: [Number.NaN] },
      { ts: 1000, v: [Number.POSITIVE_INFINITY] },
      { ts: 1000, v: ['20'] },
      { ts: 1000, v: [null] },
      { ts: 1000, v: { 0: 20 } },
      [1000, [20]],
      null,
      'batch',
      42,
    ]
    for (const c of cases)
      expect(isFieldSensorsPayload(c), JSON.stringify(c)?.slice(0, 60)).toBe(
        FieldSensorsPayload.safeParse(c).success,
      )
  })
})
