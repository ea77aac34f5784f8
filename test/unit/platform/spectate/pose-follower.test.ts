// The spectator camera's follower: the tolerance the big screen promises (within 2 cm and 1° of the
// visitor's head once it holds still, a quarter of a second after the last pose), interpolation between
// poses, tremor taken out, a stale stream held, and a restarted device clock.
import { Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  INTERPOLATION_DELAY_MS,
  PoseFollower,
  STALE_MS,
} from '../../../../src/platform/spectate/pose-follower'
import type { PoseFrame, PoseTuple } from '../../../../src/shared/venue/spectator-messages'

function yawTuple(x: number, y: number, z: number, yawDeg: number): PoseTuple {
  const q = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), (yawDeg * Math.PI) / 180)
  return [x, y, z, q.x, q.y, q.z, q.w]
}

const frame = (t: number, head: PoseTuple): PoseFrame => ({ t, head, inputs: [] })

/** Runs the follower at 60 fps from `from` to `to` (ms), returning the last pose shown. */
function run(follower: PoseFollower, from: number, to: number) {
  let shown: ReturnType<PoseFollower['follow']>
  for (let now = from; now <= to; now += 1000 / 60) shown = follower.follow(now, 1 / 60)
  return shown
}

const angleDeg = (a: Quaternion, b: Quaternion) => (a.angleTo(b) * 180) / Math.PI

describe('PoseFollower', () => {
  it('shows nothing before the first pose', () => {
    expect(new PoseFollower().follow(0, 1 / 60)).toBeUndefined()
  })

  it('settles within 2 cm and 1 degree of a head that moved and stopped', () => {
    const f = new PoseFollower()
    // The visitor walks 2 m and turns 90° over one second, poses every 50 ms with 0–30 ms of jitter.
    for (let i = 0; i <= 20; i++) {
      const t = i * 50
      f.push(frame(t, yawTuple(i * 0.1, 1.6, 0, i * 4.5)), 5000 + t + ((i * 7) % 31))
    }
    const shown = run(f, 5000, 5000 + 1000 + INTERPOLATION_DELAY_MS + 250)
    expect(shown).toBeDefined()
    const target = yawTuple(2, 1.6, 0, 90)
    expect(shown?.position.distanceTo(new Vector3(target[0], target[1], target[2]))).toBeLessThan(0.02)
    expect(angleDeg(shown?.quaternion ?? new Quaternion(), new Quaternion(...target.slice(3)))).toBeLessThan(
      1,
    )
  })

  it('interpolates between the two poses around the delayed time', () => {
    const f = new PoseFollower()
    f.push(frame(0, yawTuple(0, 1.6, 0, 0)), 1000)
    f.push(frame(100, yawTuple(1, 1.6, 0, 0)), 1100)
    const halfway = f.targetAt(1050 + INTERPOLATION_DELAY_MS)
    expect(halfway?.position.x).toBeCloseTo(0.5, 5)
  })

  it('takes out tremor: the shown head moves far less than a 1 cm, 20 Hz shake', () => {
    const f = new PoseFollower()
    for (let i = 0; i <= 40; i++) f.push(frame(i * 50, yawTuple(i % 2 === 0 ? 0 : 0.01, 1.6, 0, 0)), i * 50)
    const xs: number[] = []
    for (let now = 1000; now <= 2000; now += 1000 / 60) xs.push(f.follow(now, 1 / 60)?.position.x ?? 0)
    expect(Math.max(...xs.slice(20)) - Math.min(...xs.slice(20))).toBeLessThan(0.006)
  })

  it('says the stream is stale when no pose came for a while, and holds the last pose', () => {
    const f = new PoseFollower()
    f.push(frame(0, yawTuple(3, 1.6, 0, 0)), 0)
    expect(f.follow(100, 1 / 60)?.stale).toBe(false)
    const held = run(f, 100, STALE_MS + 200)
    expect(held?.stale).toBe(true)
    expect(held?.position.x).toBeCloseTo(3, 5)
  })

  it('drops a late duplicate but starts over when the device clock restarts (a reload)', () => {
    const f = new PoseFollower()
    f.push(frame(20_000, yawTuple(1, 1.6, 0, 0)), 0)
    f.push(frame(19_990, yawTuple(9, 1.6, 0, 0)), 10)
    expect(f.targetAt(10)?.position.x).toBe(1)
    f.push(frame(5, yawTuple(4, 1.6, 0, 0)), 20)
    expect(f.targetAt(500)?.position.x).toBe(4)
  })
})
