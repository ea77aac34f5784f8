// The spectator's view of a visitor's head: poses arrive about 25 times a second with network jitter,
// and a head itself trembles. The follower plays them back a little late (INTERPOLATION_DELAY_MS), so
// there is nearly always a pose on either side to interpolate between, and the camera then eases
// toward that target, which takes out tremor without swimming behind a deliberate turn. Pure of the
// renderer (three's math only), so its tolerance is unit-tested.
import { Quaternion, Vector3 } from 'three'
import type { InputPose, PoseFrame, PoseTuple } from '../../shared/venue/spectator-messages'

/** How late poses are shown: two to three send intervals, enough to ride out a late packet. */
export const INTERPOLATION_DELAY_MS = 120
/** Time constants of the easing toward the interpolated pose. */
export const POSITION_EASE_S = 0.06
export const ROTATION_EASE_S = 0.09
/** A pose older than this with nothing newer means the stream stopped: hold it, say so. */
export const STALE_MS = 1500

const KEEP = 32

interface Received {
  frame: PoseFrame
  /** The spectator's clock when it arrived. */
  at: number
}

export interface FollowedPose {
  position: Vector3
  quaternion: Quaternion
  inputs: readonly InputPose[]
  /** No pose arrived for STALE_MS. */
  stale: boolean
}

function setFromTuple(tuple: PoseTuple, position: Vector3, quaternion: Quaternion) {
  position.set(tuple[0], tuple[1], tuple[2])
  quaternion.set(tuple[3], tuple[4], tuple[5], tuple[6]).normalize()
}

const pa = new Vector3()
const pb = new Vector3()
const qa = new Quaternion()
const qb = new Quaternion()

export class PoseFollower {
  private received: Received[] = []
  /** The smallest (spectator clock − device clock) seen lately: the fastest delivery, jitter taken out. */
  private offset: number | undefined
  private readonly target: FollowedPose = {
    position: new Vector3(),
    quaternion: new Quaternion(),
    inputs: [],
    stale: true,
  }
  private readonly shown: FollowedPose = {
    position: new Vector3(),
    quaternion: new Quaternion(),
    inputs: [],
    stale: true,
  }
  private started = false

  /** A pose from the device, received at `at` (spectator clock, ms). Out-of-order ones are dropped. */
  push(frame: PoseFrame, at: number): void {
    const last = this.received[this.received.length - 1]
    if (last && frame.t <= last.frame.t) {
      // The device restarted its clock (a reload): start over rather than wait for time to catch up.
      if (last.frame.t - frame.t < 5000) return
      this.reset()
    }
    this.received.push({ frame, at })
    if (this.received.length > KEEP) this.received.shift()
    this.offset = Math.min(...this.received.map((r) => r.at - r.frame.t))
  }

  /** Forgets every pose (another device is watched now). */
  reset(): void {
    this.received = []
    this.offset = undefined
    this.started = false
  }

  /** The pose to interpolate toward at spectator time `now`, or undefined before the first pose. */
  targetAt(now: number): FollowedPose | undefined {
    const newest = this.received[this.received.length - 1]
    if (!newest || this.offset === undefined) return undefined
    const deviceTime = now - this.offset - INTERPOLATION_DELAY_MS
    const t = this.target
    t.stale = now - newest.at > STALE_MS
    let after = this.received.findIndex((r) => r.frame.t >= deviceTime)
    if (after === -1) after = this.received.length - 1
    const b = this.received[after].frame
    const a = this.received[Math.max(0, after - 1)].frame
    setFromTuple(a.head, pa, qa)
    setFromTuple(b.head, pb, qb)
    const span = b.t - a.t
    const k = span > 0 ? Math.min(1, Math.max(0, (deviceTime - a.t) / span)) : 1
    t.position.lerpVectors(pa, pb, k)
    t.quaternion.slerpQuaternions(qa, qb, k)
    t.inputs = (k < 0.5 ? a : b).inputs
    return t
  }

  /** The pose `follow` showed last (the camera's this frame), for drawing the visitor; undefined before one. */
  current(): FollowedPose | undefined {
    return this.started ? this.shown : undefined
  }

  /**
   * The pose to show this frame: the first one as it is, later ones eased toward the target over `dt`
   * seconds.
   */
  follow(now: number, dt: number): FollowedPose | undefined {
    const target = this.targetAt(now)
    if (!target) return undefined
    const s = this.shown
    if (!this.started) {
      s.position.copy(target.position)
      s.quaternion.copy(target.quaternion)
      this.started = true
    } else {
      s.position.lerp(target.position, 1 - Math.exp(-dt / POSITION_EASE_S))
      s.quaternion.slerp(target.quaternion, 1 - Math.exp(-dt / ROTATION_EASE_S))
    }
    s.inputs = target.inputs
    s.stale = target.stale
    return s
  }
}
