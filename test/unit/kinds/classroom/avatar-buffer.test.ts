// Avatar interpolation: samples are blended 100 ms in the past, quaternions stay unit length, and
// unchanged patches add no samples.
import { describe, expect, it } from 'vitest'
import {
  AvatarBuffer,
  INTERPOLATION_DELAY_MS,
  POSE_FLOATS,
} from '../../../../src/kinds/classroom/logic/avatar-buffer'

function pose(x: number, qy = 0, qw = 1): number[] {
  const p = new Array(POSE_FLOATS).fill(0)
  p[0] = x
  p[4] = qy
  p[6] = qw
  return p
}

describe('AvatarBuffer', () => {
  it('interpolates position halfway between two samples, 100 ms behind', () => {
    const buffer = new AvatarBuffer()
    buffer.push('a', pose(0), 0, 1000)
    buffer.push('a', pose(1), 0, 1100)
    const out = new Float32Array(POSE_FLOATS)
    expect(buffer.sample('a', 1050 + INTERPOLATION_DELAY_MS, out)).toBe(true)
    expect(out[0]).toBeCloseTo(0.5, 5)
    buffer.sample('a', 5000, out)
    expect(out[0]).toBe(1)
    buffer.sample('a', 0, out)
    expect(out[0]).toBe(0)
  })

  it('blends rotations along the short arc and keeps them unit length', () => {
    const buffer = new AvatarBuffer()
    buffer.push('a', pose(0, 0, 1), 0, 0)
    buffer.push('a', pose(0, Math.SQRT1_2, Math.SQRT1_2), 0, 100)
    const out = new Float32Array(POSE_FLOATS)
    buffer.sample('a', 50 + INTERPOLATION_DELAY_MS, out)
    expect(Math.hypot(out[3], out[4], out[5], out[6])).toBeCloseTo(1, 5)
    expect(out[4]).toBeGreaterThan(0.3)
    expect(out[4]).toBeLessThan(Math.SQRT1_2)
  })

  it('ignores repeated identical poses and forgets removed members', () => {
    const buffer = new AvatarBuffer()
    buffer.push('a', pose(1), 0, 0)
    buffer.push('a', pose(1), 0, 50)
    expect(buffer.tracks.get('a')?.samples).toHaveLength(1)
    buffer.remove('a')
    expect(buffer.sample('a', 100, new Float32Array(POSE_FLOATS))).toBe(false)
  })
})
