// The spectator screen's typed view for browser tests: which device it watches, how many poses arrived,
// where its camera is, what it draws of the visitor. The camera and the visitor's drawing write the
// per-frame part.
import { registerDebugView } from '../debug'
import { useSpectator } from './spectator-session'

export const spectatorDebug: {
  camera: [number, number, number] | null
  cameraQuaternion: [number, number, number, number] | null
  stale: boolean
  /** Rays and hands drawn this frame. */
  rays: number
  hands: number
} = { camera: null, cameraQuaternion: null, stale: true, rays: 0, hands: 0 }

export interface SpectatorDebugView {
  status: string
  deviceId: string | null
  scene: string | null
  online: boolean
  poses: number
  view: string
  cycling: boolean
  camera: [number, number, number] | null
  cameraQuaternion: [number, number, number, number] | null
  stale: boolean
  rays: number
  hands: number
  /** The cycle's last look at the devices: when, its outcome, and how long the current device had shown. */
  lastPoll: { ageMs: number; outcome: string; shownMs: number } | null
  /** The devices the cycle saw last, as it judged them (so a stuck cycle shows why). */
  devices: { id: string; scene: string | null; online: boolean; idleSeconds: number }[]
}

declare global {
  interface XrShowcaseDebugViews {
    spectator: SpectatorDebugView
  }
}

export function registerSpectatorDebugView(): () => void {
  return registerDebugView('spectator', () => {
    const s = useSpectator.getState()
    return {
      status: s.status,
      deviceId: s.deviceId,
      scene: s.report?.scene ?? null,
      online: s.online,
      poses: s.poses,
      view: s.view,
      cycling: s.cycling,
      lastPoll: s.lastPoll && {
        ageMs: Math.round(performance.now()) - s.lastPoll.at,
        outcome: s.lastPoll.outcome,
        shownMs: s.lastPoll.shownMs,
      },
      devices: s.devices.map((d) => ({
        id: d.id,
        scene: d.scene,
        online: d.online,
        idleSeconds: d.idleSeconds,
      })),
      ...spectatorDebug,
    }
  })
}
