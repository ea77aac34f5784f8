// The venue room: every device page (headset, kiosk, phone) holds one connection to it. Devices join by
// the room's fixed id with their id and first report, then report a few times a second and answer
// commands. Spectator big screens join it too, with the operator code, and watch one device each: the
// room tells a device when it is watched, and relays its pose and view to its watchers only. Every
// message goes through one gate: known type for the sender's role → rate limit → zod; a refused message
// is answered with a reason and dropped, never trusted and never fatal. The room keeps no Colyseus
// state: the DeviceRegistry is the truth, and operators read it over HTTP.
import { type AuthContext, type Client, Room, ServerError } from '@colyseus/core'
import type { FastifyBaseLogger } from 'fastify'
import type { CommandResponse, DevicesResponse } from '../../shared/venue/http-contracts'
import {
  PoseFrame,
  type SpectatedEvent,
  SpectatorJoinOptions,
  type SpectatorServerEvents,
  ViewState,
  WatchMessage,
} from '../../shared/venue/spectator-messages'
import {
  DeviceJoinOptions,
  DeviceMessages,
  type DeviceReport,
  describeVenueIssue,
  isDeviceMessageType,
  VENUE_ROOM_ID,
  type VenueCommand,
  type VenueServerEvents,
} from '../../shared/venue/venue-messages'
import type { CodeGuard } from '../security/code-guard'
import { RateLimiter } from '../security/rate-limiter'
import type { CommandTarget, DeviceRegistry, SendResult } from './device-registry'
import { SpectatorRelay, type WatchChange } from './spectator-relay'

/** Devices connected at once at most (a venue has tens). */
export const MAX_VENUE_DEVICES = 300
/** Spectator screens connected at once at most (a booth has one or two). */
export const MAX_SPECTATORS = 8
/** How long a dropped device keeps its session for a quick reconnect. */
const RECONNECT_SECONDS = 20

const RATE_RULES = {
  // The service reports every 500 ms; a reconnect burst may bring a few at once.
  report: { perSecond: 4, burst: 8 },
  ack: { perSecond: 10, burst: 20 },
  // A watched device samples its pose 25 times a second (a late timer may send two at once) and its view
  // when it changes.
  pose: { perSecond: 40, burst: 60 },
  view: { perSecond: 5, burst: 10 },
  // A spectator switches devices by hand or every few seconds when cycling.
  watch: { perSecond: 2, burst: 5 },
}

/** What each role may send. */
const DEVICE_TYPES = new Set(['report', 'ack', 'pose', 'view'])
const SPECTATOR_TYPES = new Set(['watch'])

export interface VenueRoomDeps {
  registry: DeviceRegistry
  log: FastifyBaseLogger
  /** The server's one operator-code guard: a spectator's guesses count against the same budget. */
  operatorGuard: CodeGuard
}

interface DeviceAuth {
  role: 'device'
  deviceId: string
  /** The report the device joined with. */
  report: DeviceReport
}

interface SpectatorAuth {
  role: 'spectator'
  /** The device to watch from the start, if the screen names one. */
  watch: string | null
}

type VenueAuth = DeviceAuth | SpectatorAuth

/** What `operatorCommand` answers: plain data, as it may cross processes. */
export type OperatorCommandResult =
  | { ok: true; response: CommandResponse }
  | Extract<SendResult, { ok: false }>

export function createVenueRoom(deps: VenueRoomDeps) {
  return class VenueRoom extends Room {
    private readonly limiter = new RateLimiter(RATE_RULES, { perSecond: 2, burst: 4 })
    private lastWarn = 0
    private droppedSinceWarn = 0

    private readonly relay = new SpectatorRelay()
    /** The connection that speaks for each device now, for `spectated` and a watcher's first news. */
    private readonly deviceClients = new Map<string, Client>()

    static async onAuth(_token: string, options: unknown, context: AuthContext): Promise<VenueAuth> {
      if ((options as { role?: unknown } | null)?.role === 'spectator') {
        const parsed = SpectatorJoinOptions.safeParse(options)
        if (!parsed.success)
          throw new ServerError(400, `invalid spectator join (${describeVenueIssue(parsed.error)})`)
        const check = deps.operatorGuard.check(String(context.ip ?? 'unknown'), parsed.data.code)
        if (!check.ok) throw new ServerError(check.status, check.reason)
        return { role: 'spectator', watch: parsed.data.watch }
      }
      const parsed = DeviceJoinOptions.safeParse(options)
      if (!parsed.success)
        throw new ServerError(400, `invalid device join (${describeVenueIssue(parsed.error)})`)
      return { role: 'device', ...parsed.data }
    }

    onCreate() {
      this.roomId = VENUE_ROOM_ID
      // The room outlives its devices: they come and go all day, and rejoin it by id after a drop.
      this.autoDispose = false
      this.maxClients = MAX_VENUE_DEVICES
      // A hard ceiling above the per-type budgets: only a flooding client is cut off by Colyseus itself.
      this.maxMessagesPerSecond = 40
      this.onMessage('*', (client, type, message) => this.dispatch(client, type, message))
    }

    onUncaughtException(error: Error, methodName: string) {
      const cause = (error as { cause?: unknown }).cause
      if (cause instanceof ServerError && cause.code < 500) {
        deps.log.info({ methodName, reason: cause.message }, 'venue: refused')
        return
      }
      deps.log.error({ err: error, methodName }, 'venue: handler error (room keeps running)')
    }

    // The operator API's two calls. The API reaches them through Colyseus's remoteRoomCall, so with several
    // processes behind Redis the routes of every process read and command the devices of the one process
    // that hosts this room (its registry holds them all); in one process the call is a plain method call.

    /** Every device this room has seen. */
    operatorDevices(): DevicesResponse['devices'] {
      return deps.registry.list()
    }

    /** Sends a command and resolves with every target's answer, or why it was not sent. */
    async operatorCommand(target: CommandTarget, command: VenueCommand): Promise<OperatorCommandResult> {
      const sent: SendResult = deps.registry.send(target, command)
      return sent.ok ? { ok: true, response: await sent.response } : sent
    }

    onJoin(client: Client, _options: unknown, auth: VenueAuth) {
      if (auth.role === 'spectator') {
        const spectators = this.clients.filter((c) => (c.auth as VenueAuth).role === 'spectator')
        if (spectators.length > MAX_SPECTATORS)
          throw new ServerError(409, `at most ${MAX_SPECTATORS} spectator screens at once`)
        this.watch(client, auth.watch)
        return
      }
      this.deviceOnline(client, auth, auth.report)
    }

    async onDrop(client: Client) {
      this.goneFor(client)
      this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined)
    }

    onReconnect(client: Client) {
      const auth = client.auth as VenueAuth
      if (auth.role === 'device') this.deviceOnline(client, auth, undefined)
      else this.watch(client, auth.watch)
    }

    onLeave(client: Client) {
      this.goneFor(client)
      this.limiter.forget(client.sessionId)
    }

    private deviceOnline(client: Client, auth: DeviceAuth, report: DeviceReport | undefined) {
      deps.registry.connect(auth.deviceId, client.sessionId, report, this.sinkFor(client))
      this.deviceClients.set(auth.deviceId, client)
      if (this.relay.isWatched(auth.deviceId)) client.send('spectated', { on: true } satisfies SpectatedEvent)
      this.tellWatchers(auth.deviceId)
    }

    /** A connection dropped or left: a device goes offline for its watchers, a spectator stops watching. */
    private goneFor(client: Client) {
      const auth = client.auth as VenueAuth | undefined
      if (auth?.role === 'spectator') {
        this.tellDevices(this.relay.forget(client.sessionId))
        return
      }
      deps.registry.disconnect(client.sessionId)
      if (auth && this.deviceClients.get(auth.deviceId) === client) {
        this.deviceClients.delete(auth.deviceId)
        this.tellWatchers(auth.deviceId)
      }
    }

    private watch(client: Client, deviceId: string | null) {
      const auth = client.auth as SpectatorAuth
      auth.watch = deviceId
      this.tellDevices(this.relay.watch(client.sessionId, deviceId))
      client.send('watching', this.watchingOf(deviceId))
    }

    private watchingOf(deviceId: string | null): SpectatorServerEvents['watching'] {
      const status = deviceId === null ? undefined : deps.registry.status(deviceId)
      return { deviceId, report: status?.report ?? null, online: status?.online ?? false }
    }

    /** Starts or stops the stream of each device whose first watcher came or last one went. */
    private tellDevices(change: WatchChange) {
      for (const id of change.started) this.deviceClients.get(id)?.send('spectated', { on: true })
      for (const id of change.ended) this.deviceClients.get(id)?.send('spectated', { on: false })
    }

    /** Sends a device's latest report and presence to everyone watching it. */
    private tellWatchers(deviceId: string) {
      const watchers = this.relay.watchersOf(deviceId)
      if (watchers.length === 0) return
      const message = this.watchingOf(deviceId)
      for (const session of watchers) this.clients.getById(session)?.send('watching', message)
    }

    /** Relays a watched device's pose or view to its watchers. */
    private relayFrom(client: Client, type: 'pose' | 'view', message: unknown) {
      const deviceId = deps.registry.deviceOf(client.sessionId)
      if (!deviceId) return
      for (const session of this.relay.watchersOf(deviceId))
        this.clients.getById(session)?.send(type, message)
    }

    private sinkFor(client: Client) {
      return (id: string, command: VenueServerEvents['command']['command']) =>
        client.send('command', { id, command } satisfies VenueServerEvents['command'])
    }

    private dispatch(client: Client, type: unknown, raw: unknown) {
      const role = (client.auth as VenueAuth).role
      const allowed = role === 'spectator' ? SPECTATOR_TYPES : DEVICE_TYPES
      if (typeof type !== 'string' || !allowed.has(type))
        return this.refuse(client, String(type).slice(0, 40), `unknown message type for a ${role}`)
      if (!this.limiter.take(client.sessionId, type)) return this.refuse(client, type, 'rate limited', false)
      if (type === 'watch') {
        const parsed = WatchMessage.safeParse(raw)
        if (!parsed.success)
          return this.refuse(client, type, `malformed: ${describeVenueIssue(parsed.error)}`)
        this.watch(client, parsed.data.deviceId)
        return
      }
      if (type === 'pose' || type === 'view') {
        const parsed = (type === 'pose' ? PoseFrame : ViewState).safeParse(raw)
        if (!parsed.success)
          return this.refuse(client, type, `malformed: ${describeVenueIssue(parsed.error)}`)
        this.relayFrom(client, type, parsed.data)
        return
      }
      if (!isDeviceMessageType(type)) return this.refuse(client, type, 'unknown message type')
      if (type === 'report') {
        const parsed = DeviceMessages.report.safeParse(raw)
        if (!parsed.success)
          return this.refuse(client, type, `malformed: ${describeVenueIssue(parsed.error)}`)
        if (deps.registry.report(client.sessionId, parsed.data)) {
          const deviceId = deps.registry.deviceOf(client.sessionId)
          if (deviceId) this.tellWatchers(deviceId)
        }
        return
      }
      const parsed = DeviceMessages.ack.safeParse(raw)
      if (!parsed.success) return this.refuse(client, type, `malformed: ${describeVenueIssue(parsed.error)}`)
      if (!deps.registry.acknowledge(client.sessionId, parsed.data))
        this.refuse(client, type, 'no command waits for this answer')
    }

    /** Tells the sender (except for silent rate drops) and logs at most once a second. */
    private refuse(client: Client, type: string, reason: string, tell = true) {
      if (tell) client.send('refused', { type, reason } satisfies VenueServerEvents['refused'])
      this.droppedSinceWarn++
      const now = Date.now()
      if (now - this.lastWarn > 1000) {
        deps.log.warn(
          { session: client.sessionId, type, reason, dropped: this.droppedSinceWarn },
          'venue: message refused',
        )
        this.lastWarn = now
        this.droppedSinceWarn = 0
      }
    }
  }
}
