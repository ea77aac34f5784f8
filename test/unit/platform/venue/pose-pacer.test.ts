import { describe, expect, it } from 'vitest'
import { posePacer } from '../../../../src/platform/venue/pose-pacer'
import { POSE_INTERVAL_MS } from '../../../../src/shared/venue/spectator-messages'

/** Samples a pacer takes in one second of frames at `hz`, after a second to settle. */
function samplesPerSecond(hz: number): number {
  const pacer = posePacer(POSE_INTERVAL_MS)
  let taken = 0
  for (let frame = 0; frame < 2 * hz; frame++) {
    const now = 1000 + (frame * 1000) / hz
    if (pacer.due(now) && frame >= hz) taken++
  }
  return taken
}

describe('the watched device pose pacer', () => {
  it.each([72, 90, 120, 60])('samples at least 20 times a second at %i Hz', (hz) => {
    // The old rule (an interval since the last sample) took 18 a second at 72 and 90 Hz.
    expect(samplesPerSecond(hz)).toBeGreaterThanOrEqual(1000 / POSE_INTERVAL_MS - 1)
    expect(samplesPerSecond(hz)).toBeGreaterThanOrEqual(20)
  })

  it('does not sample on every frame to catch up after a stall', () => {
    const pacer = posePacer(POSE_INTERVAL_MS)
    expect(pacer.due(0)).toBe(true)
    expect(pacer.due(2000)).toBe(true)
    expect(pacer.due(2011)).toBe(false)
    expect(pacer.due(2022)).toBe(false)
    expect(pacer.due(2000 + POSE_INTERVAL_MS)).toBe(true)
  })
})
