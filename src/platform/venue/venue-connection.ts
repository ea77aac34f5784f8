// The device's side of the venue: joins the venue room on this app's own server, reports presence every
// REPORT_INTERVAL_MS when something changed, carries out staff commands and acknowledges each. It comes
// back by itself: room-connection.ts rejoins the fixed-id room after a drop or a server restart (never
// giving up), and a refused or failed first join is tried again after a pause.
import type { SpectatedEvent } from '../../shared/venue/spectator-messages'
import {
  type DeviceReport,
  REPORT_INTERVAL_MS,
  VENUE_ROOM,
  VENUE_ROOM_ID,
  type VenueServerEvents,
} from '../../shared/venue/venue-messages'
import { setLang } from '../i18n'
import { resetKiosk, startAttract, stopAttract } from '../kiosk'
import { connectRoom, type RealtimeRoom, type RoomConnection } from '../realtime'
import { findEntry, useSceneCatalog } from '../scenes/scene-catalog'
import { useRoute } from '../url/route-store'
import { useXRSession } from '../xr/xr-session'
import { runCommand } from './command-runner'
import { deviceId, deviceName, keepDeviceName } from './device-identity'
import { framesPerSecond } from './frame-meter'
import { presenceReport, reportChanged } from './presence-report'
import { startSpectatedStream } from './spectated-stream'
import { showVenueNotice, useVenue } from './venue-store'
import { installVisitorIdle, visitorIdleSeconds } from './visitor-idle'

/** Wait before trying again when the first join failed or the room refused us. */
const RETRY_MS = 5000

function currentReport(): DeviceReport {
  const route = useRoute.getState()
  return presenceReport({
    name: deviceName(),
    scene: route.scene,
    xrMode: useXRSession.getState().mode,
    coarsePointer: typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches,
    lang: route.lang,
    idleSeconds: visitorIdleSeconds(),
    fps: framesPerSecond(),
    version: __APP_VERSION__,
  })
}

function hasScene(id: string): boolean {
  const catalog = useSceneCatalog.getState()
  // Before the list arrives the server's check (the scene exists and is valid) is all there is.
  if (catalog.status !== 'ready') return true
  return findEntry(catalog.entries, id)?.status === 'ok'
}

function carryOut(room: RealtimeRoom, message: VenueServerEvents['command']) {
  const outcome = runCommand(message.command, {
    hasScene,
    openScene: (scene) => useRoute.getState().navigate({ scene }),
    lobby: () => useRoute.getState().navigate({ scene: undefined }),
    setLang,
    reset: resetKiosk,
    startAttract: () => {
      if (!useRoute.getState().kiosk) return 'this device is not a kiosk (?kiosk=1): it has no attract loop'
      if (useXRSession.getState().mode) return 'a headset in VR shows no attract loop'
      startAttract()
      return undefined
    },
    stopAttract,
    showNotice: showVenueNotice,
    rename: (name) => {
      keepDeviceName(name)
      useVenue.setState({ name: deviceName() })
    },
  })
  room.send('ack', { id: message.id, ok: outcome.ok, ...(outcome.detail ? { detail: outcome.detail } : {}) })
  useVenue.setState((s) => ({
    handled: s.handled + (outcome.ok ? 1 : 0),
    refused: s.refused + (outcome.ok ? 0 : 1),
    lastCommand: message.command.type,
  }))
}

/** Starts presence for this page; returns the stop function. */
export function startVenuePresence(): () => void {
  let stopped = false
  let connection: RoomConnection | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let lastSent: DeviceReport | undefined
  let stopStream: (() => void) | undefined
  const setWatched = (room: RealtimeRoom | undefined, on: boolean) => {
    stopStream?.()
    stopStream = on && room ? startSpectatedStream(room) : undefined
    useVenue.setState({ watched: Boolean(stopStream) })
  }
  const removeIdle = installVisitorIdle()
  const id = deviceId()
  useVenue.setState({ deviceId: id, name: deviceName(), status: 'connecting' })

  const tick = setInterval(() => {
    const room = connection?.room
    if (!room || useVenue.getState().status !== 'online') return
    const report = currentReport()
    if (!reportChanged(lastSent, report)) return
    room.send('report', report)
    lastSent = report
  }, REPORT_INTERVAL_MS)

  async function connect() {
    if (stopped) return
    const joinOptions = { deviceId: id, report: currentReport() }
    try {
      connection = await connectRoom({
        roomName: VENUE_ROOM,
        roomId: VENUE_ROOM_ID,
        joinOptions,
        rejoinOptions: joinOptions,
        storageKey: 'xr-showcase:venue:seat',
        rejoinGiveUpMs: Number.POSITIVE_INFINITY,
        onStatus: (status) => {
          useVenue.setState({ status })
          if (status !== 'online') setWatched(undefined, false)
        },
        onRoom: (room) => {
          lastSent = undefined
          // A new connection starts unwatched; the room says so again if a spectator still watches.
          setWatched(undefined, false)
          room.onMessage('spectated', (message: SpectatedEvent) => setWatched(room, message.on === true))
          useVenue.setState((s) => ({ connections: s.connections + 1 }))
          room.onMessage('command', (message: VenueServerEvents['command']) => carryOut(room, message))
          room.onMessage('refused', (message: VenueServerEvents['refused']) =>
            console.warn(`venue: the server refused "${message.type}": ${message.reason}`),
          )
        },
        onLeave: () => {
          connection = undefined
          setWatched(undefined, false)
          if (!stopped) retry = setTimeout(connect, RETRY_MS)
        },
      })
      if (stopped) await connection.leave()
    } catch {
      // The server is away (or restarting): presence is not worth an error on the visitor's page.
      useVenue.setState({ status: 'reconnecting' })
      if (!stopped) retry = setTimeout(connect, RETRY_MS)
    }
  }
  void connect()

  return () => {
    stopped = true
    clearInterval(tick)
    clearTimeout(retry)
    setWatched(undefined, false)
    removeIdle()
    void connection?.leave()
    useVenue.setState({ status: 'off' })
  }
}
