// The venue service's typed view for browser tests: the connection, who this device is, what it showed.
import { registerDebugView } from '../debug'
import { useVenue } from './venue-store'

export interface VenueDebugView {
  status: string
  deviceId: string
  name: string
  /** The staff notice on screen, or null. */
  notice: string | null
  /** Whether the notice is drawn in XR (the 3D panel mounted). */
  noticeInXR: boolean
  handled: number
  refused: number
  lastCommand: string | null
  connections: number
  watched: boolean
  posesSent: number
}

declare global {
  interface XrShowcaseDebugViews {
    venue: VenueDebugView
  }
}

/** Set by the 3D notice while it is mounted. */
export const venueXRNotice = { shown: false }

export function registerVenueDebugView(): () => void {
  return registerDebugView('venue', () => {
    const s = useVenue.getState()
    const notice = s.notice && s.notice.until > performance.now() ? s.notice.text : null
    return {
      status: s.status,
      deviceId: s.deviceId,
      name: s.name,
      notice,
      noticeInXR: venueXRNotice.shown,
      handled: s.handled,
      refused: s.refused,
      lastCommand: s.lastCommand,
      connections: s.connections,
      watched: s.watched,
      posesSent: s.posesSent,
    }
  })
}
