// Server module for venue operations: the venue room every device page joins (presence and commands,
// on the shared Colyseus host) and the operator HTTP API behind the operator code. The console at
// /?operator uses the same API: list the devices, send a command to one or to all, read the answers.
import { matchMaker } from '@colyseus/core'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  ACK_WAIT_MS,
  BroadcastCommandRoute,
  DeviceCommandRoute,
  type DevicesResponse,
  DevicesRoute,
} from '../../shared/venue/http-contracts'
import {
  describeVenueIssue,
  VENUE_ROOM,
  VENUE_ROOM_ID,
  type VenueCommand,
} from '../../shared/venue/venue-messages'
import { joinColyseusHost } from '../colyseus/colyseus-host'
import type { ServerContext, ServerModule } from '../module'
import { requireOperator } from '../security/operator-check'
import { type CommandTarget, DeviceRegistry } from './device-registry'
import { createVenueRoom, type OperatorCommandResult } from './venue-room'

/** How often each process checks that the venue room is hosted somewhere alive. */
const KEEPER_MS = 5000
const KEEPER_LOCK = 'venue:room-keeper'
/** How long a call to the venue room may take beyond any acknowledgement wait. */
const ROOM_CALL_MS = 3000
const VENUE_ROOM_AWAY =
  'the venue room is not answering (its server process may be restarting): try again shortly'

export async function createVenueModule(ctx: ServerContext): Promise<ServerModule> {
  const { log, operatorGuard } = ctx
  const colyseus = joinColyseusHost(ctx)
  const registry = new DeviceRegistry({ ackWaitMs: ACK_WAIT_MS })
  matchMaker.defineRoomType(VENUE_ROOM, createVenueRoom({ registry, log, operatorGuard }))

  const requireStaff = (req: FastifyRequest, reply: FastifyReply) =>
    requireOperator(operatorGuard, log, req, reply, 'venue')

  /** A command a device can carry out on this server: an open-scene names a scene that exists and is valid. */
  const commandProblem = (command: VenueCommand): string | undefined => {
    if (command.type !== 'open-scene') return undefined
    const scene = ctx.scenes.read(command.scene)
    return scene.ok ? undefined : `scene "${command.scene}" cannot be opened: ${scene.reason}`
  }

  const sendCommand = async (target: CommandTarget, rawBody: unknown, reply: FastifyReply) => {
    const body = DeviceCommandRoute.body.safeParse(rawBody)
    if (!body.success) return reply.code(400).send({ error: describeVenueIssue(body.error) })
    const problem = commandProblem(body.data)
    if (problem) return reply.code(400).send({ error: problem })
    const sent = await callVenueRoom<OperatorCommandResult>(
      'operatorCommand',
      [target, body.data],
      // The room answers once every target has, or after the acknowledgement wait.
      ACK_WAIT_MS + ROOM_CALL_MS,
    )
    if (!sent) return reply.code(503).send({ error: VENUE_ROOM_AWAY })
    if (!sent.ok) return reply.code(sent.status).send({ error: sent.reason })
    log.info({ target, type: body.data.type }, 'venue: command sent')
    return sent.response
  }

  /**
   * Calls the venue room wherever it runs: this process, or (with REDIS_URL) the process hosting it.
   * Undefined when it does not answer in time (its process is gone, or it is busy past the wait).
   */
  async function callVenueRoom<T>(method: string, args: unknown[], timeoutMs = ROOM_CALL_MS) {
    try {
      return (await matchMaker.remoteRoomCall(VENUE_ROOM_ID, method, args, timeoutMs)) as T
    } catch (error) {
      log.warn({ err: error, method }, 'venue: the venue room did not answer')
      return undefined
    }
  }

  let keeper: ReturnType<typeof setInterval> | undefined

  /**
   * Creates the venue room unless a live process hosts it. A room listed for a process that no longer
   * answers is removed by Colyseus's health check first. Creating takes a short lock and looks again
   * under it, so two survivors never both create it.
   */
  async function ensureVenueRoom() {
    if (await hostedAlive()) return
    if ((await matchMaker.presence.incr(KEEPER_LOCK)) !== 1) return
    try {
      // A lock left by a process that died while holding it expires by itself.
      await matchMaker.presence.expire(KEEPER_LOCK, KEEPER_MS / 1000)
      if (await hostedAlive()) return
      await matchMaker.createRoom(VENUE_ROOM, {})
    } finally {
      await matchMaker.presence.del(KEEPER_LOCK)
    }
  }

  async function hostedAlive(): Promise<boolean> {
    const [listed] = await matchMaker.query({ roomId: VENUE_ROOM_ID })
    if (!listed) return false
    if (listed.processId === matchMaker.processId) return true
    if (await matchMaker.healthCheckProcessId(listed.processId)) return true
    log.warn(
      { processId: listed.processId },
      'venue: the process hosting the venue room is gone; taking it over',
    )
    return false
  }

  return {
    name: 'venue',
    async register(app: FastifyInstance) {
      await colyseus.register(app)
      // Every route: a query is refused first (a code in the URL would be logged), then the code is checked.
      app.get(DevicesRoute.path, async (req, reply) => {
        const query = DevicesRoute.query.safeParse(req.query)
        if (!query.success) return reply.code(400).send({ error: describeVenueIssue(query.error) })
        if (!requireStaff(req, reply)) return reply
        reply.header('cache-control', 'no-store')
        const devices = await callVenueRoom<DevicesResponse['devices']>('operatorDevices', [])
        if (!devices) return reply.code(503).send({ error: VENUE_ROOM_AWAY })
        const response: DevicesResponse = { devices }
        return response
      })
      app.post(DeviceCommandRoute.path, async (req, reply) => {
        const query = DeviceCommandRoute.query.safeParse(req.query)
        if (!query.success) return reply.code(400).send({ error: describeVenueIssue(query.error) })
        if (!requireStaff(req, reply)) return reply
        const params = DeviceCommandRoute.params.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeVenueIssue(params.error) })
        return sendCommand({ deviceId: params.data.id }, req.body, reply)
      })
      app.post(BroadcastCommandRoute.path, async (req, reply) => {
        const query = BroadcastCommandRoute.query.safeParse(req.query)
        if (!query.success) return reply.code(400).send({ error: describeVenueIssue(query.error) })
        if (!requireStaff(req, reply)) return reply
        return sendCommand('all', req.body, reply)
      })
    },

    handleUpgrade: colyseus.handleUpgrade,

    async start() {
      await colyseus.start()
      // The room exists before any device does, under a fixed id: a device rejoins it by that id after a
      // drop or a server restart, whoever comes first. (With Redis, another process may host it already.)
      await ensureVenueRoom()
      // With several processes, the one hosting the room may die: a survivor takes it over, and the
      // devices' own retries bring them into it.
      keeper = setInterval(() => {
        ensureVenueRoom().catch((error: unknown) =>
          log.warn({ err: error }, 'venue: could not check the venue room'),
        )
      }, KEEPER_MS)
      keeper.unref()
    },

    async close() {
      clearInterval(keeper)
      registry.close()
      await colyseus.close()
    },
  }
}
