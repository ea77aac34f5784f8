// Authentication and authorisation on the twin's broker. Roles (src/shared/twin/broker-roles.ts):
// - viewer: no username. Subscribes to topics of a known park only (`park/<id>/...`); `#`, `$SYS/#`,
//   `+/...` and other parks' or foreign topics are refused (SUBACK 0x80). Any publish closes the connection.
// - operator: username "operator", password the OPERATOR_CODE, checked through a CodeGuard (lockout and
//   back-off per address and globally). May publish valid commands; nothing else.
// - device: the configured TWIN_DEVICE_USERNAME / TWIN_DEVICE_PASSWORD, also behind a CodeGuard.
//   Publishes telemetry, field batches and acks; not commands.
// The in-process simulator publishes with broker.publish and is not a client at all.
// Every client publish is validated against the park's scene (topic, payload, range) and the skew rule
// (src/shared/twin/reading-clock.ts), and a reading older than the last one accepted on its topic is
// refused, so nothing far-future is retained and nothing old rewrites the present.
import type { IncomingMessage } from 'node:http'
import type { Aedes, AuthenticateError, Client, PublishPacket, Subscription } from 'aedes'
import type { TwinContent } from '../../schema/kinds/twin'
import { OPERATOR_USERNAME, type TwinRole } from '../../shared/twin/broker-roles'
import { skewProblem } from '../../shared/twin/reading-clock'
import { parseParkMessage } from '../../shared/twin/telemetry-topics'
import type { CodeGuard } from '../security/code-guard'

/** Topic filters one client may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 16

export interface BrokerAccessOptions {
  parks: Map<string, TwinContent>
  operatorGuard: CodeGuard
  /** Absent when no device password is configured: then no device can log in. */
  device?: { username: string; guard: CodeGuard }
  /** Called for each refused client publish (for the one-warning-per-topic log). */
  onRefused: (topic: string, clientId: string, reason: string) => void
  now?: () => number
}

export interface BrokerAccess {
  roleOf(client: Client | null): TwinRole | 'server'
  preConnect: NonNullable<ConstructorParameters<typeof Aedes>[0]>['preConnect']
  authenticate: NonNullable<ConstructorParameters<typeof Aedes>[0]>['authenticate']
  /** Why a client's publish is refused, or null; `close` when the connection should be dropped. */
  checkPublish(client: Client, packet: PublishPacket): { reason: string; close: boolean } | null
  authorizeSubscribe: NonNullable<ConstructorParameters<typeof Aedes>[0]>['authorizeSubscribe']
  /** Remembers the newest reading time per topic (every publish, the simulator's too). */
  noteReading(topic: string, ts: number): void
}

/** The caller's address from the socket (never from a header a client can forge). */
export function addressOf(client: Client): string {
  const req = client.req as IncomingMessage | undefined
  return req?.socket?.remoteAddress ?? 'unknown'
}

function authError(returnCode: 4 | 5, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError
}

export function createBrokerAccess(o: BrokerAccessOptions): BrokerAccess {
  const roles = new WeakMap<Client, TwinRole>()
  const now = o.now ?? Date.now
  /** Newest accepted reading time per topic; bounded by the parks' topics, since only valid topics get here. */
  const newest = new Map<string, number>()

  const roleOf = (client: Client | null): TwinRole | 'server' =>
    client ? (roles.get(client) ?? 'viewer') : 'server'

  return {
    roleOf,
    noteReading(topic, ts) {
      if (ts > (newest.get(topic) ?? 0)) newest.set(topic, ts)
    },

    preConnect(client, packet, done) {
      // No offline sessions: every session is clean (session expiry 0), so nobody can park queued QoS 1
      // messages on the server by connecting with clean=false and going away.
      packet.clean = true
      // A client id already connected from another address is not taken over: ids seen elsewhere must
      // not let anyone kick viewers off. (A reconnect from the same address still replaces its old session.)
      const broker = (client as unknown as { broker: { clients: Record<string, Client | undefined> } }).broker
      const existing = packet.clientId ? broker.clients[packet.clientId] : undefined
      if (existing && addressOf(existing) !== addressOf(client)) return done(null, false)
      done(null, true)
    },

    authenticate(client, username, password, done) {
      const address = addressOf(client)
      const secret = password?.toString('utf8')
      if (!username) {
        if (secret) return done(authError(4, 'a password needs a username'), false)
        roles.set(client, 'viewer')
        return done(null, true)
      }
      const guard =
        username === OPERATOR_USERNAME
          ? o.operatorGuard
          : o.device && username === o.device.username
            ? o.device.guard
            : null
      if (!guard) return done(authError(4, 'unknown user name'), false)
      const check = guard.check(address, secret)
      if (!check.ok) return done(authError(check.status === 429 ? 5 : 4, check.reason), false)
      roles.set(client, guard === o.operatorGuard ? 'operator' : 'device')
      done(null, true)
    },

    checkPublish(client, packet) {
      const role = roleOf(client)
      if (role === 'viewer') return { reason: 'viewers may not publish', close: true }
      const twin = o.parks.get(packet.topic.split('/')[1] ?? '')
      if (!packet.topic.startsWith('park/') || !twin)
        return { reason: 'not a topic of a known park', close: false }
      const parsed = parseParkMessage(twin, packet.topic, packet.payload as Buffer)
      if (!parsed.ok) return { reason: parsed.reason, close: false }
      const m = parsed.message
      if (m.type === 'status') return { reason: 'only the server publishes its status', close: false }
      if (role === 'operator' && m.type !== 'command')
        return { reason: 'operators may only send commands', close: false }
      if (role === 'device' && m.type === 'command')
        return { reason: 'devices may not send commands', close: false }
      const t = now()
      const skew = skewProblem(m.payload.ts, t)
      if (skew) return { reason: skew, close: false }
      if ((m.type === 'telemetry' || m.type === 'field') && m.payload.ts <= (newest.get(packet.topic) ?? 0))
        return { reason: 'older than the last reading on this topic', close: false }
      return null
    },

    authorizeSubscribe(client, subscription: Subscription, done) {
      const parts = subscription.topic.split('/')
      const subscriptions = (client as unknown as { subscriptions: Record<string, unknown> }).subscriptions
      const ok =
        parts[0] === 'park' &&
        parts.length >= 2 &&
        o.parks.has(parts[1]) &&
        (subscription.topic in subscriptions ||
          Object.keys(subscriptions).length < MAX_SUBSCRIPTIONS_PER_CLIENT)
      // null: refused with SUBACK 0x80, the connection stays (a viewer asking for too much is not an attack).
      done(null, ok ? subscription : null)
    },
  }
}
