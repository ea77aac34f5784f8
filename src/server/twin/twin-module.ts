// The twin's server part: an MQTT broker (aedes) over WebSocket at /mqtt on the shared port, a park
// simulator per twin scene, validation of every client publish, telemetry recording for 24 h replay,
// and the history and inspection-report HTTP routes. Who may connect, publish and subscribe is in
// broker-access.ts; the bounds (packet size, in-flight, sessions, subscriptions, warnings) are listed in
// docs/security.md.
// Over 300 lines on purpose: the broker, the simulators and the routes share one recorder and one
// lifecycle (start and close in order), which this module owns.
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Aedes, type AedesPublishPacket, type Client, type PublishPacket } from 'aedes'
import type { FastifyInstance } from 'fastify'
import { createWebSocketStream, type RawData, WebSocketServer } from 'ws'
import type { TwinContent } from '../../schema/kinds/twin'
import { MAX_MQTT_PACKET_BYTES, OPERATOR_CODE_HEADER } from '../../shared/twin/broker-roles'
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
  type TwinConfigResponse,
} from '../../shared/twin/http-contracts'
import { skewProblem } from '../../shared/twin/reading-clock'
import { parseParkMessage, serverStatusTopic } from '../../shared/twin/telemetry-topics'
import { TopicWarnings, type TopicWarningsOptions } from '../../shared/twin/topic-warnings'
import { lanAddresses } from '../http/lan-address'
import type { ServerContext, ServerModule } from '../module'
import { CodeGuard } from '../security/code-guard'
import { createBrokerAccess } from './broker-access'
import { InspectionReports } from './inspection-reports'
import { MqttFrameGuard } from './mqtt-frame-guard'
import { ParkSimulator } from './park-simulator'
import { TelemetryRecorder } from './telemetry-recorder'
import { loadTwinParks } from './twin-scenes'

export const MQTT_PATH = '/mqtt'
/** Bad publishes go to this prefix: acknowledged to the sender (MQTT-3.3.5-2) but matched by no subscription. */
const DROPPED_PREFIX = '$dropped/'
const MAX_WARNED_TOPICS = 10_000
/** Largest inspection-report body; a full 50-stop report is about 15 KB. Larger: 413. */
export const MAX_INSPECTION_BYTES = 64 * 1024
/** Most MQTT connections at once (viewers, operators and devices together). */
export const MAX_MQTT_CLIENTS = 1000
/** QoS 2 publishes one client may have awaiting PUBREL. */
export const MAX_INFLIGHT_INBOUND = 100
/** A client that does not read what it is sent for this long is dropped (its outgoing queue goes with it). */
export const DRAIN_TIMEOUT_MS = 15_000

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
  /** The drop-warning budget (tests shorten the window). Default 50 topics per minute. */
  warnings?: TopicWarningsOptions
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
  const warnings = new TopicWarnings(MAX_WARNED_TOPICS, options.warnings)
  // The server's one guard for the operator code, over MQTT logins, inspection reports and the venue console.
  const operatorGuard = ctx.operatorGuard
  const devicePassword = config.twinDevice.password
  const allowedOrigins = new Set(config.twinAllowedOrigins.map((o) => o.replace(/\/$/, '')))
  const simulators = new Map<string, ParkSimulator>()
  const fieldSensors = options.fieldSensors ?? Number(process.env.TWIN_SENSORS ?? 0)

  const warnOnce = (topic: string, clientId: string, reason: string) => {
    if (!warnings.firstFor(topic)) return
    log.warn(
      { topic: topic.slice(0, 200), client: clientId, reason },
      'twin: dropped an invalid MQTT publish',
    )
  }

  const access = createBrokerAccess({
    parks,
    operatorGuard,
    device: devicePassword
      ? { username: config.twinDevice.username, guard: new CodeGuard('device password', devicePassword) }
      : undefined,
    onRefused: warnOnce,
  })

  const broker = await Aedes.createBroker({
    maxInflightInbound: MAX_INFLIGHT_INBOUND,
    drainTimeout: DRAIN_TIMEOUT_MS,
    connectTimeout: 10_000,
    maxTopicLevels: 8,
    preConnect(client, packet, done) {
      if (broker.connectedClients >= MAX_MQTT_CLIENTS) return done(null, false)
      access.preConnect?.(client, packet, done)
    },
    authenticate: access.authenticate,
    authorizePublish(client: Client | null, packet: PublishPacket, done: (error?: Error | null) => void) {
      if (!client) return done(null)
      const refused = access.checkPublish(client, packet)
      if (refused) {
        warnOnce(packet.topic, client.id, refused.reason)
        if (refused.close) return done(new Error(refused.reason))
        packet.topic = `${DROPPED_PREFIX}invalid`
        packet.retain = false
      } else if (packet.topic.endsWith('/cmd')) {
        // A retained command would be replayed to the park on every restart.
        packet.retain = false
      }
      done(null)
    },
    authorizeSubscribe: access.authorizeSubscribe,
  })

  // Record everything valid on the broker, simulator and external devices alike.
  const onTelemetry = (packet: AedesPublishPacket, done: () => void) => {
    const twin = parks.get(packet.topic.split('/')[1] ?? '')
    if (twin) {
      const parsed = parseParkMessage(twin, packet.topic, packet.payload as Buffer)
      const m = parsed.ok ? parsed.message : null
      if ((m?.type === 'telemetry' || m?.type === 'field') && !skewProblem(m.payload.ts, Date.now()))
        access.noteReading(packet.topic, m.payload.ts)
      // The skew rule again: whatever reaches the broker, nothing far from now is stored.
      if (m?.type === 'telemetry' && !skewProblem(m.payload.ts, Date.now())) {
        recorder.record(twin.parkId, m.assetId, m.metric, m.payload.ts, m.payload.v)
      }
    }
    done()
  }

  // A WebSocket message may hold at most one largest packet plus the start of the next.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * MAX_MQTT_PACKET_BYTES })
  let flushTimer: NodeJS.Timeout | null = null
  let pruneTimer: NodeJS.Timeout | null = null
  let summaryTimer: NodeJS.Timeout | null = null
  let lastStatus = ''
  let lastStorageLog = 0

  /** Tells every viewer (retained) whether history reaches the database; published only on a change. */
  const publishStatus = () => {
    const status = { historySaved: recorder.saving, unsaved: recorder.saving ? 0 : recorder.unsaved }
    const key = JSON.stringify(status)
    if (key === lastStatus) return
    lastStatus = key
    for (const twin of parks.values())
      broker.publish(
        {
          cmd: 'publish',
          topic: serverStatusTopic(twin.parkId),
          payload: Buffer.from(JSON.stringify({ ts: Date.now(), ...status })),
          qos: 0,
          retain: true,
          dup: false,
        },
        () => {},
      )
  }

  /** The 5-second flush: never throws (a full disk keeps the rows in memory), and says so once a minute. */
  const flushSafely = () => {
    try {
      recorder.flush()
    } catch (error) {
      log.error({ err: error }, 'twin: writing telemetry failed')
    }
    if (!recorder.saving && Date.now() - lastStorageLog > 60_000) {
      lastStorageLog = Date.now()
      log.warn(
        { error: recorder.lastError, unsaved: recorder.unsaved, dropped: recorder.droppedRows },
        'twin: history not saved (the database refuses writes); readings are kept in memory',
      )
    }
    publishStatus()
  }

  /** Same origin as the page's host, or a configured origin; a request without Origin is no browser page. */
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin
    if (origin === undefined) return true
    if (allowedOrigins.has(origin)) return true
    try {
      return new URL(origin).host === req.headers.host
    } catch {
      return false
    }
  }

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

      // What the viewer needs to know of the server's settings: the brokers `?mqtt=` may name.
      app.get(
        '/api/twin/config',
        async (): Promise<TwinConfigResponse> => ({ mqttAllow: config.twinMqttAllow }),
      )

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

      app.post(
        '/api/twin/:park/inspections',
        {
          bodyLimit: MAX_INSPECTION_BYTES,
          // Before the body is read: an anonymous caller gets 403 without sending us a megabyte.
          onRequest: async (req, reply) => {
            const check = operatorGuard.check(
              req.socket.remoteAddress ?? 'unknown',
              req.headers[OPERATOR_CODE_HEADER],
            )
            if (check.ok) return
            if (check.status === 429) reply.header('retry-after', String(check.retryAfterSeconds))
            return reply.code(check.status).send({ error: check.reason })
          },
        },
        async (req, reply) => {
          const params = ParkParams.safeParse(req.params)
          if (!params.success)
            return reply.code(400).send({ error: describeZodError('params', params.error) })
          const body = InspectionReportInput.safeParse(req.body)
          if (!body.success) return reply.code(400).send({ error: describeZodError('body', body.error) })
          const twin = parkOf(params.data.park)
          if (!twin) return reply.code(404).send({ error: `unknown park "${params.data.park}"` })
          const saved = reports.save(twin.parkId, twin, body.data)
          if (!saved.ok) return reply.code(400).send({ error: saved.reason })
          const csv = inspectionCsvPath(twin.parkId, saved.id)
          const answer: InspectionSavedResponse = { id: saved.id, csv, lanUrl: lanUrlOf(csv) }
          return reply.code(201).send(answer)
        },
      )

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
      if (!originAllowed(req)) {
        // A page from another origin (a malicious page a visitor opened) may not talk to the broker.
        socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        socket.destroy()
        return true
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const guard = new MqttFrameGuard(MAX_MQTT_PACKET_BYTES)
        // Registered before the stream's own listener, so an oversized packet never reaches the parser.
        ws.on('message', (data: RawData) => {
          const chunks = Array.isArray(data) ? data : [data instanceof ArrayBuffer ? Buffer.from(data) : data]
          for (const chunk of chunks) {
            const problem = guard.feed(chunk)
            if (problem) {
              log.warn({ address: req.socket.remoteAddress, problem }, 'twin: closed an MQTT connection')
              ws.terminate()
              return
            }
          }
        })
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
      publishStatus()
      for (const twin of parks.values()) {
        for (const p of recorder.latest(twin.parkId, now)) {
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
      flushTimer = setInterval(flushSafely, options.flushMs ?? 5000)
      pruneTimer = setInterval(() => {
        try {
          recorder.pruneOlderThan(Date.now())
        } catch (error) {
          log.error({ err: error }, 'twin: pruning telemetry failed')
        }
      }, 3600_000)
      summaryTimer = setInterval(() => {
        const summary = warnings.takeSummary()
        if (summary)
          log.warn(summary, 'twin: more invalid MQTT publishes dropped than logged one by one (per window)')
      }, options.warnings?.windowMs ?? 60_000)
      log.info(
        { parks: [...parks.keys()], simulator: config.simulator, fieldSensors },
        `twin: MQTT broker at ${MQTT_PATH}`,
      )
    },

    async close() {
      for (const sim of simulators.values()) sim.stop()
      if (flushTimer) clearInterval(flushTimer)
      if (pruneTimer) clearInterval(pruneTimer)
      if (summaryTimer) clearInterval(summaryTimer)
      broker.unsubscribe('park/+/+/+', onTelemetry, () => {})
      try {
        recorder.flush()
      } catch (error) {
        log.error({ err: error }, 'twin: writing telemetry at close failed')
      }
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => broker.close(() => resolve()))
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
