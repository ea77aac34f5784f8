// While a spectator screen watches this device, it streams what the visitor does: the pose the stage's
// probe sampled last (25 times a second, each new one once) and the view (subtitle and the kind's
// state) when it changed, at most four times a second. Nothing is streamed while nobody watches.
import { POSE_INTERVAL_MS, type PoseFrame } from '../../shared/venue/spectator-messages'
import type { RealtimeRoom } from '../realtime'
import { readViewState } from '../spectate/view-mirror'
import { useVenue } from './venue-store'

const VIEW_INTERVAL_MS = 250

let latest: PoseFrame | null = null

/** The stage's probe hands over each frame's pose while the device is watched. */
export function keepLatestPose(pose: PoseFrame): void {
  latest = pose
}

/** Streams to `room` until the returned stop is called. */
export function startSpectatedStream(room: RealtimeRoom): () => void {
  let sentPose = -1
  let sentView = ''
  let viewAt = 0
  const timer = setInterval(() => {
    if (latest && latest.t !== sentPose) {
      room.send('pose', latest)
      sentPose = latest.t
      useVenue.setState((s) => ({ posesSent: s.posesSent + 1 }))
    }
    const now = performance.now()
    if (now - viewAt < VIEW_INTERVAL_MS) return
    viewAt = now
    const view = readViewState()
    // The narration's position moves every frame: a new subtitle page is what a spectator needs.
    if (view.progress !== null) view.progress = Math.round(view.progress * 50) / 50
    const json = JSON.stringify(view)
    if (json === sentView) return
    room.send('view', view)
    sentView = json
    // Twice per pose interval: a sample is never replaced by the next before it is sent.
  }, POSE_INTERVAL_MS / 2)
  return () => {
    clearInterval(timer)
    latest = null
  }
}
