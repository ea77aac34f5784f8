// The MQTT frame guard reads packet headers across chunk boundaries and flags one that announces too much.
import { describe, expect, it } from 'vitest'
import { MqttFrameGuard } from '../../../src/server/twin/mqtt-frame-guard'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('MqttFrameGuard', () => {
  it('passes packets under the limit, however they are split', () => {
    const guard = new MqttFrameGuard(200)
    // PINGREQ, then a PUBLISH of 130 bytes (remaining length 0x82 0x01) split across three chunks.
    expect(guard.feed(bytes(0xc0, 0x00, 0x30, 0x82))).toBeNull()
    expect(guard.feed(bytes(0x01, ...new Array(100).fill(0)))).toBeNull()
    expect(guard.feed(bytes(...new Array(30).fill(0), 0xc0, 0x00))).toBeNull()
  })

  it('flags a header announcing more than the limit as soon as the length is read', () => {
    const guard = new MqttFrameGuard(64 * 1024)
    expect(guard.feed(bytes(0x30, 0x80, 0xc2))).toBeNull()
    expect(guard.feed(bytes(0xd7, 0x2f))).toMatch(/over the 65536-byte limit/)
  })

  it('flags a remaining length of more than four bytes', () => {
    expect(new MqttFrameGuard(1e9).feed(bytes(0x30, 0xff, 0xff, 0xff, 0xff, 0x01))).toBe(
      'malformed remaining length',
    )
  })
})
