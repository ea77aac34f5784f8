// The venue's message contracts: what a device may report and join with, and what staff may command.
import { describe, expect, it } from 'vitest'
import { DevicesRoute } from '../../../../src/shared/venue/http-contracts'
import {
  DEVICE_NAME_MAX_LENGTH,
  DeviceJoinOptions,
  DeviceReport,
  NOTICE_MAX_LENGTH,
  VENUE_COMMAND_TYPES,
  VenueCommand,
} from '../../../../src/shared/venue/venue-messages'

const report = {
  name: '展台 A-3',
  scene: 'red-tourism',
  mode: 'vr',
  lang: 'zh',
  idleSeconds: 0,
  fps: 72,
  version: '0.1.0',
}

describe('device report', () => {
  it('accepts a full report and the lobby (scene null)', () => {
    expect(DeviceReport.parse(report)).toEqual(report)
    expect(DeviceReport.parse({ ...report, scene: null }).scene).toBeNull()
  })

  it('bounds every field and refuses unknown ones', () => {
    for (const bad of [
      { ...report, scene: '../x' },
      { ...report, mode: 'holodeck' },
      { ...report, lang: 'fr' },
      { ...report, idleSeconds: -1 },
      { ...report, idleSeconds: 1.5 },
      { ...report, fps: 5000 },
      { ...report, version: 'v'.repeat(41) },
      { ...report, name: '\u200b\u202e ' },
      { ...report, extra: true },
    ])
      expect(DeviceReport.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
  })

  it('cleans a name: no bidi or zero-width characters, full-width folded, at most the limit', () => {
    expect(DeviceReport.parse({ ...report, name: ' 展台\u202e Ａ-3\u200b ' }).name).toBe('展台 A-3')
    const long = DeviceReport.parse({ ...report, name: '展'.repeat(100) }).name
    expect(Array.from(long)).toHaveLength(DEVICE_NAME_MAX_LENGTH)
  })

  it('joins with a device id of safe characters only', () => {
    expect(DeviceJoinOptions.safeParse({ deviceId: 'abcDEF12-_x', report }).success).toBe(true)
    for (const deviceId of ['short', 'has space 123', 'x'.repeat(65), '<script>alert']) {
      expect(DeviceJoinOptions.safeParse({ deviceId, report }).success, deviceId).toBe(false)
    }
  })
})

describe('venue commands', () => {
  it('parses every command type', () => {
    const examples: unknown[] = [
      { type: 'open-scene', scene: 'gov-hall' },
      { type: 'lobby' },
      { type: 'set-lang', lang: 'en' },
      { type: 'reset' },
      { type: 'start-attract' },
      { type: 'stop-attract' },
      { type: 'message', text: '请到出口集合', seconds: 30 },
      { type: 'rename', name: '展台 B-1' },
    ]
    expect(examples.map((e) => VenueCommand.parse(e).type)).toEqual([...VENUE_COMMAND_TYPES])
  })

  it('refuses unknown types, missing fields, extra fields and unbounded values', () => {
    for (const bad of [
      { type: 'format-disk' },
      { type: 'open-scene' },
      { type: 'open-scene', scene: 'A/B' },
      { type: 'set-lang', lang: 'de' },
      { type: 'lobby', scene: 'x' },
      { type: 'message', text: '' },
      { type: 'message', text: 'x'.repeat(1001) },
      { type: 'message', text: 'hi', seconds: 3600 },
      { type: 'rename', name: '' },
    ])
      expect(VenueCommand.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
  })

  it('cuts a long message to the notice limit and gives it a default time on screen', () => {
    const parsed = VenueCommand.parse({ type: 'message', text: '请'.repeat(500) })
    expect(parsed).toMatchObject({ type: 'message', seconds: 20 })
    expect(parsed.type === 'message' && Array.from(parsed.text)).toHaveLength(NOTICE_MAX_LENGTH)
  })

  it('describes the device list the API answers with', () => {
    const device = { id: 'abcdefgh', ...report, online: true, lastSeen: 1 }
    expect(DevicesRoute.response.parse({ devices: [device] }).devices[0]).toEqual(device)
  })
})
