import { describe, expect, it } from 'vitest'
import { commandTopic, parseParkMessage, telemetryTopic } from '../../../../src/shared/twin/telemetry-topics'
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
