// The spectator big screen's connection: it joins the venue room with the operator code (kept in this
// page's memory only), watches one device, and turns what the room relays into the screen: the device's
// scene and language become this page's route, its poses feed the follower that drives the camera, and
// its view (subtitle, the kind's state) is applied through the view mirror. Cycling (`/?spectate` with no
// device) asks the venue API for the active devices every few seconds and moves on every CYCLE_SECONDS.
// Nothing is sent to the visitor's device: the room only tells it that it is watched.
import { create } from 'zustand'
import {
  PoseFrame,
  type SpectatorJoinOptions,
  type SpectatorServerEvents,
  ViewState,
} from '../../shared/venue/spectator-messages'
import type { DeviceReport } from '../../shared/venue/venue-messages'
import { VENUE_ROOM, VENUE_ROOM_ID } from '../../shared/venue/venue-messages'
import { setLang } from '../i18n'
import { connectRoom, type RealtimeRoom, type RoomConnection } from '../realtime'
import { useRoute } from '../url/route-store'
import { type DeviceView, fetchDevices } from '../venue/operator-api'
import { PoseFollower } from './pose-follower'
import { CYCLE_SECONDS_TEST_KEY, cycleSeconds, nextDevice } from './spectator-cycle'
import { applyViewState, clearViewState } from './view-mirror'

/** How often a cycling screen looks at the device list. */
const CYCLE_POLL_MS = 3000

export type SpectatorStatus = 'signed-out' | 'connecting' | 'online' | 'reconnecting' | 'refused'
export type SpectatorView = 'head' | 'orbit'

interface SpectatorState {
  status: SpectatorStatus
  /** Why the room refused this screen (wrong code, locked out, too many screens). */
  reason: string | null
  deviceId: string | null
  report: DeviceReport | null
  online: boolean
  /** Poses received from the watched device (the debug view and tests read it). */
  poses: number
  view: SpectatorView
  cycling: boolean
  /** The devices the cycle saw last (for the picker). */
  devices: DeviceView[]
  /** The cycle's last look at the devices (performance.now() time), for a stuck cycle's diagnosis. */
  lastPoll: { at: number; outcome: string; shownMs: number } | null
}

export const useSpectator = create<SpectatorState>(() => ({
  status: 'signed-out',
  reason: null,
  deviceId: null,
  report: null,
  online: false,
  poses: 0,
  view: 'head',
  cycling: false,
  devices: [],
  lastPoll: null,
}))

/** The watched visitor's head and hands, played back smoothly (read by the camera every frame). */
export const spectatorFollower = new PoseFollower()

let room: RealtimeRoom | undefined

export function setSpectatorView(view: SpectatorView): void {
  useSpectator.setState({ view })
}

/** Watches `deviceId` now (null: nobody); a screen that picks by hand stops cycling. */
export function watchDevice(deviceId: string | null, byHand = true): void {
  if (byHand) useSpectator.setState({ cycling: false })
  if (useSpectator.getState().deviceId === deviceId) return
  spectatorFollower.reset()
  clearViewState()
  useSpectator.setState({ deviceId, report: null, online: false, poses: 0 })
  room?.send('watch', { deviceId })
}

/** Follows the watched device to its scene and language. */
function followDevice(report: DeviceReport | null) {
  if (!report) return
  const route = useRoute.getState()
  if (route.lang !== report.lang) setLang(report.lang)
  const scene = report.scene ?? undefined
  if (route.scene !== scene) {
    clearViewState()
    route.replace({ scene })
  }
}

/** Signs in and starts watching (`watch`, or cycling when null). Returns the stop function. */
export function startSpectating(code: string, watch: string | null): () => void {
  let stopped = false
  let connection: RoomConnection | undefined
  const cycling = watch === null
  useSpectator.setState({ status: 'connecting', reason: null, deviceId: watch, cycling })
  const options = (): SpectatorJoinOptions => ({
    role: 'spectator',
    code,
    watch: useSpectator.getState().deviceId,
  })

  void connectRoom({
    roomName: VENUE_ROOM,
    roomId: VENUE_ROOM_ID,
    joinOptions: options(),
    rejoinOptions: options(),
    storeRejoinOptions: false,
    storageKey: 'xr-showcase:spectator:seat',
    rejoinGiveUpMs: Number.POSITIVE_INFINITY,
    onStatus: (status) => {
      if (status !== 'offline') useSpectator.setState({ status })
    },
    onRoom: (joined) => {
      room = joined
      joined.onMessage('watching', (message: SpectatorServerEvents['watching']) => {
        if (message.deviceId !== useSpectator.getState().deviceId) return
        useSpectator.setState({ report: message.report, online: message.online })
        followDevice(message.report)
      })
      joined.onMessage('pose', (raw: unknown) => {
        const pose = PoseFrame.safeParse(raw)
        if (!pose.success) return
        spectatorFollower.push(pose.data, performance.now())
        useSpectator.setState((s) => ({ poses: s.poses + 1 }))
      })
      joined.onMessage('view', (raw: unknown) => {
        const view = ViewState.safeParse(raw)
        if (view.success) applyViewState(view.data)
      })
      joined.onMessage('refused', (message: SpectatorServerEvents['refused']) =>
        console.warn(`spectator: the server refused "${message.type}": ${message.reason}`),
      )
      // After a rejoin the room knows which device from the join options; say it again in case it changed.
      joined.send('watch', { deviceId: useSpectator.getState().deviceId })
    },
    onLeave: (_code, reason) => {
      room = undefined
      if (!stopped) useSpectator.setState({ status: 'refused', reason: reason ?? null })
    },
  })
    .then((c) => {
      connection = c
      if (stopped) void c.leave()
    })
    .catch((error: Error) => {
      if (!stopped) useSpectator.setState({ status: 'refused', reason: error.message })
    })

  // Cycling: look at the devices every few seconds; move on when the time is up or the visitor left.
  const perDeviceMs = cycleSeconds(storedCycleSeconds()) * 1000
  let shownSince = performance.now()
  const poll = async () => {
    const result = await fetchDevices(code)
    const shownMs = Math.round(performance.now() - shownSince)
    const outcome = result.ok ? 'ok' : `failed: ${JSON.stringify(result).slice(0, 120)}`
    if (!stopped) useSpectator.setState({ lastPoll: { at: Math.round(performance.now()), outcome, shownMs } })
    if (stopped || !result.ok) return
    useSpectator.setState({ devices: result.value })
    const state = useSpectator.getState()
    if (!state.cycling) return
    const timeUp = performance.now() - shownSince > perDeviceMs
    const next = nextDevice(result.value, state.deviceId, !timeUp)
    if (next !== state.deviceId) {
      shownSince = performance.now()
      watchDevice(next, false)
    }
  }
  void poll()
  const timer = setInterval(poll, CYCLE_POLL_MS)

  return () => {
    stopped = true
    clearInterval(timer)
    room = undefined
    void connection?.leave()
    spectatorFollower.reset()
    clearViewState()
    useSpectator.setState({ status: 'signed-out', deviceId: null, report: null, online: false })
  }
}

function storedCycleSeconds(): string | null {
  try {
    return localStorage.getItem(CYCLE_SECONDS_TEST_KEY)
  } catch {
    return null
  }
}

/** Starts cycling again from the current device. */
export function cycleDevices(): void {
  useSpectator.setState({ cycling: true })
}
