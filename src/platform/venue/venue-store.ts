// The device's venue state for its views and tests: the connection, its name, the notice staff sent,
// and the commands it carried out. Changes a few times a minute at most; reports never go through here.
import { create } from 'zustand'
import type { RoomStatus } from '../realtime'

export interface StaffNotice {
  text: string
  /** performance.now() when it goes away. */
  until: number
  /** Counts notices, so a repeated text still shows as new. */
  serial: number
}

interface VenueState {
  status: RoomStatus | 'off'
  deviceId: string
  name: string
  notice: StaffNotice | null
  /** Commands carried out (acknowledged) and refused since the page loaded. */
  handled: number
  refused: number
  lastCommand: string | null
  /** Connections made: the first, and each one after a drop or a server restart. */
  connections: number
  /** A spectator screen watches this device: it streams its pose and view meanwhile. */
  watched: boolean
  /** Poses sent to spectators since the page loaded. */
  posesSent: number
}

export const useVenue = create<VenueState>(() => ({
  status: 'off',
  deviceId: '',
  name: '',
  notice: null,
  handled: 0,
  refused: 0,
  lastCommand: null,
  connections: 0,
  watched: false,
  posesSent: 0,
}))

export function showVenueNotice(text: string, seconds: number): void {
  const serial = (useVenue.getState().notice?.serial ?? 0) + 1
  useVenue.setState({ notice: { text, until: performance.now() + seconds * 1000, serial } })
}

export function dismissVenueNotice(): void {
  useVenue.setState({ notice: null })
}
