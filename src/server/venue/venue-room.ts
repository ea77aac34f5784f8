// The venue room: every device page (headset, kiosk, phone) holds one connection to it. Devices join by
// the room's fixed id with their id and first report, then report a few times a second and answer
// commands. Every message goes through one gate: known type → rate limit → zod; a refused message is
// answered with a reason and dropped, never trusted and never fatal. The room keeps no Colyseus state:
// the DeviceRegistry is the truth, and operators read it over HTTP.
import { type Client, Room, ServerError } from '@colyseus/core'
import type { FastifyBaseLogger } from 'fastify'
import {
  DeviceJoinOptions,
  DeviceMessages,
  type DeviceReport,
  describeVenueIssue,
  isDeviceMessageType,
  VENUE_ROOM_ID,
  type VenueServerEvents,
} from '../../shared/venue/venue-messages'
import { RateLimiter } from '../security/rate-limiter'
import type { DeviceRegistry } from './device-registry'

/** Devices connected at once at most (a venue has tens). */
export const MAX_VENUE_DEVICES = 300
/** How long a dropped device keeps its session for a quick reconnect. */
const RECONNECT_SECONDS = 20

const RATE_RULES = {
  // The service reports every 500 ms; a reconnect burst may bring a few at once.
  report: { perSecond: 4, burst: 8 },
  ack: { perSecond: 10, burst: 20 },
}

export interface VenueRoomDeps {
  registry: DeviceRegistry
  log: FastifyBaseLogger
}

interface DeviceAuth {
  deviceId: string
  /** The report the device joined with. */
  report: DeviceReport
}

export function createVenueRoom(deps: VenueRoomDeps) {
  return class VenueRoom extends Room {
    private readonly limiter = new RateLimiter(RATE_RULES, { perSecond: 2, burst: 4 })
    private lastWarn = 0
    private droppedSinceWarn = 0

    static async onAuth(_token: string, options: unknown): Promise<DeviceAuth> {
      const parsed = DeviceJoinOptions.safeParse(options)
      if (!parsed.success)
        throw new ServerError(400, `invalid device join (${describeVenueIssue(parsed.error)})`)
      return parsed.data
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

    onJoin(client: Client, _options: unknown, auth: DeviceAuth) {
      deps.registry.connect(auth.deviceId, client.sessionId, auth.report, this.sinkFor(client))
    }

    async onDrop(client: Client) {
      deps.registry.disconnect(client.sessionId)
      this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined)
    }

    onReconnect(client: Client) {
      const auth = client.auth as DeviceAuth
      deps.registry.connect(auth.deviceId, client.sessionId, undefined, this.sinkFor(client))
    }

    onLeave(client: Client) {
      deps.registry.disconnect(client.sessionId)
      this.limiter.forget(client.sessionId)
    }

    private sinkFor(client: Client) {
      return (id: string, command: VenueServerEvents['command']['command']) =>
        client.send('command', { id, command } satisfies VenueServerEvents['command'])
    }

    private dispatch(client: Client, type: unknown, raw: unknown) {
      if (!isDeviceMessageType(type))
        return this.refuse(client, String(type).slice(0, 40), 'unknown message type')
      if (!this.limiter.take(client.sessionId, type)) return this.refuse(client, type, 'rate limited', false)
      if (type === 'report') {
        const parsed = DeviceMessages.report.safeParse(raw)
        if (!parsed.success)
          return this.refuse(client, type, `malformed: ${describeVenueIssue(parsed.error)}`)
        deps.registry.report(client.sessionId, parsed.data)
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
