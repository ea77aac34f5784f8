// Remote avatars' poses outside React: network patches append timestamped samples, and each frame reads
// a pose interpolated ~100 ms in the past, so 10–20 Hz updates look smooth at 72–120 Hz.
import { POSE_FLOATS } from '../../../shared/classroom/classroom-messages'

export { POSE_FLOATS }
/** Render this far behind the newest sample so there are usually two samples to blend between. */
export const INTERPOLATION_DELAY_MS = 100
const MAX_SAMPLES = 8

interface Sample {
  t: number
  pose: Float32Array
}

export interface AvatarTrack {
  samples: Sample[]
  hands: number
}

export class AvatarBuffer {
  readonly tracks = new Map<string, AvatarTrack>()

  /** Records a pose if it differs from the newest one (patches carry unchanged members too). */
  push(id: string, pose: ArrayLike<number>, hands: number, t: number): void {
    let track = this.tracks.get(id)
    if (!track) {
      track = { samples: [], hands }
      this.tracks.set(id, track)
    }
    track.hands = hands
    const last = track.samples.at(-1)
    if (last && sameArray(last.pose, pose)) return
    const copy = new Float32Array(POSE_FLOATS)
    for (let i = 0; i < POSE_FLOATS; i++) copy[i] = pose[i] ?? 0
    track.samples.push({ t, pose: copy })
    if (track.samples.length > MAX_SAMPLES) track.samples.shift()
  }

  remove(id: string): void {
    this.tracks.delete(id)
  }

  /** Writes the pose at time `t` into `out`; false when nothing was ever received. */
  sample(id: string, t: number, out: Float32Array): boolean {
    const samples = this.tracks.get(id)?.samples
    if (!samples || samples.length === 0) return false
    const at = t - INTERPOLATION_DELAY_MS
    if (at <= samples[0].t || samples.length === 1) {
      out.set(samples[at <= samples[0].t ? 0 : samples.length - 1].pose)
      return true
    }
    const newest = samples[samples.length - 1]
    if (at >= newest.t) {
      out.set(newest.pose)
      return true
    }
    let i = samples.length - 2
    while (i > 0 && samples[i].t > at) i--
    const a = samples[i]
    const b = samples[i + 1]
    const k = (at - a.t) / (b.t - a.t || 1)
    for (let part = 0; part < 3; part++) {
      const o = part * 7
      for (let j = 0; j < 3; j++) out[o + j] = a.pose[o + j] + (b.pose[o + j] - a.pose[o + j]) * k
      nlerpQuaternion(a.pose, b.pose, o + 3, k, out)
    }
    return true
  }
}

function sameArray(a: Float32Array, b: ArrayLike<number>): boolean {
  for (let i = 0; i < POSE_FLOATS; i++) if (a[i] !== Math.fround(b[i] ?? 0)) return false
  return true
}

/** Normalised linear blend along the shorter arc: close enough to slerp for 50–100 ms steps. */
function nlerpQuaternion(a: Float32Array, b: Float32Array, o: number, k: number, out: Float32Array): void {
  const dot = a[o] * b[o] + a[o + 1] * b[o + 1] + a[o + 2] * b[o + 2] + a[o + 3] * b[o + 3]
  const sign = dot < 0 ? -1 : 1
  let len = 0
  for (let j = 0; j < 4; j++) {
    out[o + j] = a[o + j] + (sign * b[o + j] - a[o + j]) * k
    len += out[o + j] * out[o + j]
  }
  len = Math.sqrt(len) || 1
  for (let j = 0; j < 4; j++) out[o + j] /= len
}
