// The twin's server part: an MQTT broker (aedes) over WebSocket at /mqtt on the shared port, a park
// simulator per twin scene, validation of every client publish, telemetry recording for 24 h replay,
// and the history and inspection-report HTTP routes.
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Aedes, type AedesPublishPacket, type Client, type PublishPacket } from 'aedes'
import type { FastifyInstance } from 'fastify'
import { createWebSocketStream, WebSocketServer } from 'ws'
import type { TwinContent } from '../../schema/kinds/twin'
import {
  describeZodError,
  HistoryQuery,
  type HistoryResponse,
  InspectionCsvParams,
  type InspectionListResponse,
  InspectionReportInput,
  type InspectionSavedResponse,
  inspectionCsvPath,
  ParkParams,
  type ParksResponse,
} from '../../shared/twin/http-contracts'
import { parseParkMessage } from '../../shared/twin/telemetry-topics'
import { TopicWarnings } from '../../shared/twin/topic-warnings'
import { lanAddresses } from '../http/lan-address'
import type { ServerContext, ServerModule } from '../module'
import { InspectionReports } from './inspection-reports'
import { ParkSimulator } from './park-simulator'
import { TelemetryRecorder } from './telemetry-recorder'
import { loadTwinParks } from './twin-scenes'

export const MQTT_PATH = '/mqtt'
/** Bad publishes go to this prefix: acknowledged to the sender (MQTT-3.3.5-2) but matched by no subscription. */
const DROPPED_PREFIX = '$dropped/'
const MAX_WARNED_TOPICS = 10_000

export interface TwinModule extends ServerModule {
  broker: Aedes
  parks: Map<string, TwinContent>
  simulators: Map<string, ParkSimulator>
  recorder: TelemetryRecorder
}

export interface TwinModuleOptions {
  /** Field sensors per park (scale bench). Default `TWIN_SENSORS` env or 0. */
  fieldSensors?: number
  /** Recorder flush period, ms. Default 5000. */
  flushMs?: number
}

export async function createTwinModule(
  ctx: ServerContext,
  options: TwinModuleOptions = {},
): Promise<TwinModule> {
  const { log, db, config } = ctx
  /** A path on this server as a phone on the venue Wi-Fi reaches it, or undefined without a LAN address. */
  const lanUrlOf = (path: string): string | undefined => {
    const host = config.host === '0.0.0.0' ? lanAddresses()[0] : config.host
    const port = (ctx.httpServer.address() as AddressInfo | null)?.port
    return host && port ? `${config.https ? 'https' : 'http'}://${host}:${port}${path}` : undefined
  }
  const parks = loadTwinParks(ctx.scenes, log)
  const recorder = new TelemetryRecorder(db)
  const reports = new InspectionReports(db)
  const warnings = new TopicWarnings(MAX_WARNED_TOPICS)
  const simulators = new Map<string, ParkSimulator>()
  const fieldSensors = options.fieldSensors ?? Number(process.env.TWIN_SENSORS ?? 0)

  const warnOnce = (topic: string, clientId: string, reason: string) => {
    if (!warnings.firstFor(topic)) return
    log.warn(
      { topic: topic.slice(0, 200), client: clientId, reason },
      'twin: dropped an invalid MQTT publish',
    )
  }

  const broker = await Aedes.createBroker({
    authorizePublish(client: Client | null, packet: PublishPacket, done: (error?: Error | null) => void) {
      if (!client) return done(null)
      const reason = rejectReason(parks, packet)
      if (reason) {
        warnOnce(packet.topic, client.id, reason)
        packet.topic = `${DROPPED_PREFIX}invalid`
        packet.retain = false
      } else if (packet.topic.endsWith('/cmd')) {
        // A retained command would be replayed to the park on every restart.
        packet.retain = false
      }
      done(null)
    },
    authorizeSubscribe(_client, subscription, done) {
      if (subscription.topic.startsWith('$dropped')) return done(new Error('not allowed'))
      done(null, subscription)
    },
  })

  // Record everything valid on the broker, simulator and external devices alike.
  const onTelemetry = (packet: AedesPublishPacket, done: () => void) => {
    const twin = parks.get(packet.topic.split('/')[1] ?? '')
    if (twin) {
      const parsed = parseParkMessage(twin, packet.topic, packet.payload as Buffer)
      if (parsed.ok && parsed.message.type === 'telemetry') {
        const { assetId, metric, payload } = parsed.message
        recorder.record(twin.parkId, assetId, metric, payload.ts, payload.v)
      }
    }
    done()
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 })
  let flushTimer: NodeJS.Timeout | null = null
  let pruneTimer: NodeJS.Timeout | null = null

  const parkOf = (id: string) => parks.get(id)

  return {
    name: 'twin',
    broker,
    parks,
    simulators,
    recorder,

    register(app: FastifyInstance) {
      // Every request is checked against the shared contract first (400 with the first problem), then the
      // park is looked up (404). Responses are typed by the same contracts the viewer parses them with.
      app.get('/api/twin/parks', async (): Promise<ParksResponse> => ({ parks: [...parks.keys()] }))

      app.get('/api/twin/:park/history', async (req, reply) => {
        const params = ParkParams.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeZodError('params', params.error) })
        const q = HistoryQuery.safeParse(req.query)
        if (!q.success) return reply.code(400).send({ error: describeZodError('query', q.error) })
        const twin = parkOf(params.data.park)
        if (!twin) return reply.code(404).send({ error: `unknown park "${params.data.park}"` })
        recorder.flush()
        const to = q.data.to ?? Date.now()
        const from = q.data.from ?? to - 24 * 3600_000
        const points = recorder.history(twin.parkId, from, to, q.data.step, q.data.asset)
        const body: HistoryResponse = {
          park: twin.parkId,
          from,
          to,
          points: points.map((p) => [p.asset, p.metric, p.ts, p.v]),
        }
        return body
      })

      app.post('/api/twin/:park/inspections', async (req, reply) => {
        const params = ParkParams.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeZodError('params', params.error) })
        const body = InspectionReportInput.safeParse(req.body)
        if (!body.success) return reply.code(400).send({ error: describeZodError('body', body.error) })
        const twin = parkOf(params.data.park)
        if (!twin) return reply.code(404).send({ error: `unknown park "${params.data.park}"` })
        const saved = reports.save(twin.parkId, twin, body.data)
        if (!saved.ok) return reply.code(400).send({ error: saved.reason })
        const csv = inspectionCsvPath(twin.parkId, saved.id)
        const answer: InspectionSavedResponse = { id: saved.id, csv, lanUrl: lanUrlOf(csv) }
        return reply.code(201).send(answer)
      })

      app.get('/api/twin/:park/inspections', async (req, reply) => {
        const params = ParkParams.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeZodError('params', params.error) })
        const twin = parkOf(params.data.park)
        if (!twin) return reply.code(404).send({ error: `unknown park "${params.data.park}"` })
        const answer: InspectionListResponse = { reports: reports.list(twin.parkId) }
        return answer
      })

      app.get('/api/twin/:park/inspections/:file', async (req, reply) => {
        const params = InspectionCsvParams.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeZodError('params', params.error) })
        const twin = parkOf(params.data.park)
        const id = params.data.file.slice(0, -'.csv'.length)
        if (!twin) return reply.code(404).send({ error: `unknown park "${params.data.park}"` })
        const csv = reports.csv(twin.parkId, Number(id), twin)
        if (csv === null) return reply.code(404).send({ error: `no report ${id} in this park` })
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="inspection-${twin.parkId}-${id}.csv"`)
          .send(csv)
      })
    },

    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = (req.url ?? '').split('?')[0]
      if (path !== MQTT_PATH) return false
      wss.handleUpgrade(req, socket, head, (ws) => {
        const stream = createWebSocketStream(ws)
        // A viewer closing its tab mid-write is normal; aedes cleans up on 'close'.
        stream.on('error', () => stream.destroy())
        broker.handle(stream, req)
      })
      return true
    },

    async start() {
      broker.subscribe('park/+/+/+', onTelemetry, () => {})
      const now = Date.now()
      recorder.pruneOlderThan(now)
      // Re-seed retained values from the database so viewers see the last state at once, even before
      // the simulator's first tick or when devices (not the simulator) feed the park.
      for (const twin of parks.values()) {
        for (const p of recorder.latest(twin.parkId)) {
          broker.publish(
            {
              cmd: 'publish',
              topic: `park/${twin.parkId}/${p.asset}/${p.metric}`,
              payload: Buffer.from(JSON.stringify({ v: p.v, ts: p.ts })),
              qos: 0,
              retain: true,
              dup: false,
            },
            () => {},
          )
        }
      }
      if (config.simulator) {
        for (const twin of parks.values()) {
          const sim = new ParkSimulator(broker, twin, log, { fieldSensors })
          simulators.set(twin.parkId, sim)
          sim.start()
        }
      }
      flushTimer = setInterval(() => recorder.flush(), options.flushMs ?? 5000)
      pruneTimer = setInterval(() => recorder.pruneOlderThan(Date.now()), 3600_000)
      log.info(
        { parks: [...parks.keys()], simulator: config.simulator, fieldSensors },
        `twin: MQTT broker at ${MQTT_PATH}`,
      )
    },

    async close() {
      for (const sim of simulators.values()) sim.stop()
      if (flushTimer) clearInterval(flushTimer)
      if (pruneTimer) clearInterval(pruneTimer)
      broker.unsubscribe('park/+/+/+', onTelemetry, () => {})
      recorder.flush()
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => broker.close(() => resolve()))
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** Why a client's publish is refused, or null when it is a valid park message a client may send. */
function rejectReason(parks: Map<string, TwinContent>, packet: PublishPacket): string | null {
  const twin = parks.get(packet.topic.split('/')[1] ?? '')
  if (!packet.topic.startsWith('park/') || !twin) return 'not a topic of a known park'
  const parsed = parseParkMessage(twin, packet.topic, packet.payload as Buffer)
  if (!parsed.ok) return parsed.reason
  // Only the park answers commands; a client faking acks would confuse every viewer.
  if (parsed.message.type === 'ack') return 'clients may not publish acks'
  return null
}
