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
      ...spectatorDebug,
    }
  })
}
