// The one Colyseus inside our one process and port, shared by every module with rooms (classroom, venue):
// matchmaking under /matchmake/* through fastify (rate-limited per address, caller address taken from the
// socket), WebSocket upgrades for /<processId>/<roomId> handed to its transport, Redis presence + driver
// when REDIS_URL is set. Colyseus's matchMaker is process-global, so there is one host per server context:
// each module asks for it and forwards its own register/upgrade/start/close; the first call does the work,
// the last close shuts it down.
import type { AddressInfo } from 'node:net'
import { LocalDriver, LocalPresence, type MatchMakerDriver, matchMaker, type Presence } from '@colyseus/core'
import { getDefaultRouter } from '@colyseus/core/router/default_routes'
import { setTransport } from '@colyseus/core/Transport'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { lanAddresses } from '../http/lan-address'
import type { ServerContext } from '../module'
import { RateLimiter } from '../security/rate-limiter'
import { SharedPortTransport } from './shared-port-transport'

export interface ColyseusHost {
  /** Adds the /matchmake route (once, whoever calls first). */
  register(app: FastifyInstance): Promise<void>
  /** Claims Colyseus's room sockets. */
  handleUpgrade: NonNullable<import('../module').ServerModule['handleUpgrade']>
  /** Sets up presence and the transport and accepts rooms; resolves once rooms can be created. */
  start(): Promise<void>
  /** One user is done; the last one shuts Colyseus down (rooms first, then sockets, then Redis). */
  close(): Promise<void>
}

const hosts = new WeakMap<ServerContext, ColyseusHost & { users: number }>()

/** The context's Colyseus host; each call counts one user, released by one close(). */
export function joinColyseusHost(ctx: ServerContext): ColyseusHost {
  const existing = hosts.get(ctx)
  if (existing) {
    existing.users++
    return existing
  }
  const host = createHost(ctx)
  hosts.set(ctx, host)
  return host
}

function createHost(ctx: ServerContext): ColyseusHost & { users: number } {
  const { config, log } = ctx
  const transport = new SharedPortTransport()
  const router = getDefaultRouter()
  // Matchmaking per address: a class joining at once passes (burst), a script creating or probing rooms does not.
  const matchmakeLimiter = new RateLimiter({}, { perSecond: 3, burst: 30 })
  let presence: Presence | undefined
  let driver: MatchMakerDriver | undefined
  let registered: Promise<void> | undefined
  let started: Promise<void> | undefined

  async function registerRoute(app: FastifyInstance) {
    await app.register(async (scope) => {
      // Colyseus parses the body itself; hand it the raw text whatever the content type.
      scope.removeAllContentTypeParsers()
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body))
      scope.post('/matchmake/:method/:roomName', async (req: FastifyRequest, reply: FastifyReply) => {
        if (!matchmakeLimiter.take(req.ip, 'matchmake'))
          return reply
            .code(429)
            .header('retry-after', '1')
            .send({ code: 429, error: 'too many join requests from this address: wait a moment' })
        const headers = new Headers()
        for (const [key, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(key, value)
        // Colyseus takes the caller's address from these headers: set them from the socket, so a
        // guesser cannot name a fresh address per try and slip past a staff code's lockout.
        headers.delete('x-client-ip')
        headers.delete('x-real-ip')
        headers.set('x-forwarded-for', req.ip)
        headers.set('content-type', 'application/json')
        const body = typeof req.body === 'string' && req.body.length > 0 ? req.body : '{}'
        const url = `http://${req.headers.host ?? 'localhost'}${req.url}`
        const response = await router.handler(new Request(url, { method: 'POST', headers, body }))
        reply.code(response.status)
        reply.header('content-type', response.headers.get('content-type') ?? 'application/json')
        reply.header('cache-control', 'no-store')
        return reply.send(await response.text())
      })
    })
  }

  async function startColyseus() {
    if (config.redisUrl) {
      // Loaded only when configured, so a single-process venue laptop never needs ioredis at all.
      const { RedisPresence } = await import('@colyseus/redis-presence')
      const { RedisDriver } = await import('@colyseus/redis-driver')
      presence = new RedisPresence(config.redisUrl)
      driver = new RedisDriver(config.redisUrl)
    } else {
      presence = new LocalPresence()
      driver = new LocalDriver()
    }
    // The public address is only needed (and only known) once we listen: with several processes behind
    // Redis, a client matched by process A connects straight to the process that hosts the room.
    const port = (ctx.httpServer.address() as AddressInfo).port
    const publicAddress = config.redisUrl
      ? (process.env.CLASSROOM_PUBLIC_ADDRESS ??
        `${config.host === '0.0.0.0' ? (lanAddresses()[0] ?? '127.0.0.1') : config.host}:${port}`)
      : undefined
    await matchMaker.setup(presence, driver, publicAddress)
    setTransport(transport)
    await matchMaker.accept()
    log.info(
      { processId: matchMaker.processId, redis: Boolean(config.redisUrl), publicAddress },
      'colyseus: rooms ready',
    )
  }

  const host = {
    users: 1,
    register(app: FastifyInstance) {
      registered ??= registerRoute(app)
      return registered
    },
    handleUpgrade(...[req, socket, head]: Parameters<ColyseusHost['handleUpgrade']>) {
      const path = (req.url ?? '').split('?')[0]
      const [, processId, roomId, extra] = path.split('/')
      if (!processId || !roomId || extra !== undefined || processId !== matchMaker.processId) return false
      transport.claimUpgrade(req, socket, head)
      return true
    },
    start() {
      started ??= startColyseus()
      return started
    },
    async close() {
      host.users--
      if (host.users > 0) return
      hosts.delete(ctx)
      await matchMaker.gracefullyShutdown().catch(() => undefined)
      transport.shutdown()
      presence?.shutdown()
      await driver?.shutdown()
    },
  }
  return host
}
