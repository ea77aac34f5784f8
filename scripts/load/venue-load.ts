// Venue load test (issue 13 item 8): starts the real server as its own process (or uses --url), joins 30
// simulated devices to the venue room, each reporting every 500 ms and acknowledging commands at once, plus
// spectators watching devices, while an operator polls GET /api/venue/devices once a second (as the console
// does) and sends a command every 2 s, alternately to all devices and to one. Prints server CPU and memory
// and p50/p95 latencies: report sent → visible in the API, command sent → acknowledged. Bounded: the
// measured phase ends after --seconds (default 30), the whole run after a hard limit.
// Usage: npx tsx scripts/load/venue-load.ts [--devices 30] [--spectators 2] [--seconds 30]
//        [--url http://host:port --code <operator code> [--pid <server pid>]]
// Over 300 lines on purpose: one script, run by hand, whose simulated devices and operator share its clock and tallies.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { CommandResponse, DevicesRoute, OPERATOR_CODE_HEADER } from '../../src/shared/venue/http-contracts'
import {
  POSE_INTERVAL_MS,
  type PoseFrame,
  type SpectatedEvent,
  type SpectatorJoinOptions,
} from '../../src/shared/venue/spectator-messages'
import {
  type DeviceReport,
  REPORT_INTERVAL_MS,
  VENUE_ROOM_ID,
  type VenueCommand,
  type VenueServerEvents,
} from '../../src/shared/venue/venue-messages'
import { emptyDistDir, TEST_OPERATOR_CODE, testServerConfig } from '../../test/support/server-config'
import { type SpawnedServer, spawnServer } from '../../test/support/spawn-server'
import { cpuSeconds, percentile, rssMb, sleep } from './process-stats'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const DEVICES = Number(option('devices') ?? 30)
const SPECTATORS = Number(option('spectators') ?? 2)
const SECONDS = Number(option('seconds') ?? 30)
/** The console polls the device list once a second. */
const POLL_MS = 1000
/** The operator sends a command every 2 s, alternately to every device and to one. */
const COMMAND_MS = 2000
/** A latency probe every second: one device's marked report, the API polled until it shows. */
const PROBE_MS = 1000
const PROBE_POLL_MS = 20

interface SimDevice {
  id: string
  room: Room
  report: DeviceReport
  acks: number
  posesSent: number
  poseTimer?: NodeJS.Timeout
  /** A latency probe's marked report is out: the device's own reports keep its marker until it shows. */
  probing: boolean
  timer?: NodeJS.Timeout
}

/** Spectators watching the first devices: what they measured, or why none ran. */
interface SpectatorRun {
  /** Why no spectator ran (the server has no spectator mode yet), or undefined when they did. */
  unavailable?: string
  /** Pose frames a watched device sent → received by its spectator, ms. */
  poseLatency: number[]
  /** Pose frames received by all spectators. */
  posesReceived: number
  stop(): Promise<void>
}

type SpectatorHook = (url: string, code: string, devices: SimDevice[], count: number) => Promise<SpectatorRun>

/**
 * Spectator screens through the venue room's spectator mode: each joins with the operator code watching
 * one device; a watched device streams a pose frame every POSE_INTERVAL_MS (t = this process's clock when
 * sent, so the screen's receipt time gives the latency on one clock).
 */
const startSpectators: SpectatorHook = async (url, code, devices, count) => {
  const poseLatency: number[] = []
  let posesReceived = 0
  const screens: Room[] = []
  for (let i = 0; i < count && i < devices.length; i++) {
    const device = devices[i] as SimDevice
    const options: SpectatorJoinOptions = { role: 'spectator', code, watch: device.id }
    let room: Room
    try {
      room = await joinVenue(url, options)
    } catch (error) {
      // A server without the spectator mode refuses the join as a malformed device join.
      await Promise.all(screens.map((r) => r.leave()))
      return {
        unavailable: `the server refused a spectator (${(error as Error).message.slice(0, 120)})`,
        poseLatency: [],
        posesReceived: 0,
        stop: async () => undefined,
      }
    }
    room.onMessage('pose', (frame: PoseFrame) => {
      posesReceived++
      poseLatency.push(performance.now() - frame.t)
    })
    room.onMessage('watching', () => undefined)
    room.onMessage('view', () => undefined)
    room.onMessage('refused', (m: { type: string; reason: string }) =>
      console.warn(`  spectator ${i}: refused ${m.type}: ${m.reason}`),
    )
    screens.push(room)
  }
  return {
    poseLatency,
    get posesReceived() {
      return posesReceived
    },
    stop: async () => {
      await Promise.all(screens.map((r) => Promise.race([r.leave(), sleep(1000)])))
    },
  }
}

/** While a screen watches it, a device streams its head pose and one controller ray, as the page does. */
function streamWhileWatched(device: SimDevice, on: boolean) {
  clearInterval(device.poseTimer)
  device.poseTimer = undefined
  if (!on) return
  let step = 0
  device.poseTimer = setInterval(() => {
    step++
    const yaw = Math.sin(step / 40) * 0.3
    const frame: PoseFrame = {
      t: performance.now(),
      head: [Math.sin(step / 50), 1.6, 2, 0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)],
      inputs: [{ hand: 'right', ray: [0.2, 1.2, 1.8, 0, 0, 0, 1] }],
    }
    device.room.send('pose', frame)
    device.posesSent++
  }, POSE_INTERVAL_MS)
}

/** Joins the venue room, trying again while the server's matchmaking limit (30 at once, 3 a second) says wait. */
async function joinVenue(url: string, options: unknown): Promise<Room> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Client(url).joinById(VENUE_ROOM_ID, options)
    } catch (error) {
      const message = (error as Error).message
      if (attempt >= 20 || !/too many/i.test(message)) throw error
      await sleep(400)
    }
  }
}

function deviceReport(i: number): DeviceReport {
  return {
    name: `展台 L-${String(i + 1).padStart(2, '0')}`,
    scene: ['red-tourism', 'gov-hall', 'twin-park', null][i % 4] ?? null,
    mode: i % 3 === 0 ? 'desktop' : 'vr',
    lang: 'zh',
    idleSeconds: 0,
    fps: 72,
    version: 'load',
  }
}

async function joinDevices(url: string, count: number): Promise<SimDevice[]> {
  const devices: SimDevice[] = []
  // A venue's devices arrive over a minute; 10 at a time is a harsher start than that.
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async (_, k) => {
        const id = `load-device-${String(i + k).padStart(3, '0')}`
        const report = deviceReport(i + k)
        const room = await joinVenue(url, { deviceId: id, report })
        const device: SimDevice = { id, room, report, acks: 0, posesSent: 0, probing: false }
        // A simulated device answers at once: the latency measured is the server's and the network's.
        room.onMessage('command', (message: VenueServerEvents['command']) => {
          device.acks++
          room.send('ack', { id: message.id, ok: true })
        })
        room.onMessage('refused', (message: VenueServerEvents['refused']) =>
          console.warn(`  ${id}: refused ${message.type}: ${message.reason}`),
        )
        room.onMessage('spectated', (message: SpectatedEvent) => streamWhileWatched(device, message.on))
        return device
      }),
    )
    devices.push(...batch)
  }
  return devices
}

interface Operator {
  get(path: string): Promise<Response>
  post(path: string, body: VenueCommand): Promise<Response>
}

function operator(url: string, code: string): Operator {
  const headers = { [OPERATOR_CODE_HEADER]: code }
  return {
    get: (path) => fetch(`${url}${path}`, { headers }),
    post: (path, body) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  }
}

async function listDevices(op: Operator) {
  const response = await op.get(DevicesRoute.path)
  if (!response.ok) throw new Error(`GET ${DevicesRoute.path}: ${response.status} ${await response.text()}`)
  return DevicesRoute.response.parse(await response.json()).devices
}

interface Result {
  reportsSentPerSecond: number
  polls: number
  pollMs: number[]
  serverCpuPercent: number
  idleCpuPercent: number
  rssIdleMb: number
  rssPeakMb: number
  rssEndMb: number
  reportLatency: number[]
  broadcastLatency: number[]
  oneDeviceLatency: number[]
  commandFailures: string[]
  spectators: SpectatorRun
  spectatorPosesPerSecond: number
}

async function run(url: string, code: string, pid: number | undefined): Promise<Result> {
  const op = operator(url, code)
  const readCpu = () => (pid ? cpuSeconds(pid) : Number.NaN)
  const readRss = () => (pid ? rssMb(pid) : Number.NaN)
  // The idle server first, for comparison.
  const idleStart = readCpu()
  await sleep(3000)
  const idleCpuPercent = ((readCpu() - idleStart) / 3) * 100
  const rssIdleMb = readRss()

  const devices = await joinDevices(url, DEVICES)
  const spectators = await startSpectators(url, code, devices, SPECTATORS)
  const listed = await listDevices(op)
  const online = listed.filter((d) => d.online && d.id.startsWith('load-device-')).length
  if (online !== DEVICES) throw new Error(`the API lists ${online} of ${DEVICES} devices online`)

  // Every device reports every 500 ms with its fps changed, so each report is news (a real device sends
  // only when something changed: this is its worst case). A probed device keeps its marker meanwhile.
  let reportsSent = 0
  for (const device of devices) {
    device.timer = setInterval(
      () => {
        if (!device.probing)
          device.report = { ...device.report, fps: 60 + Math.round(Math.random() * 120) / 10 }
        device.room.send('report', device.report)
        reportsSent++
      },
      REPORT_INTERVAL_MS + Math.random() * 5,
    )
  }

  const reportLatency: number[] = []
  const broadcastLatency: number[] = []
  const oneDeviceLatency: number[] = []
  const commandFailures: string[] = []
  const pollMs: number[] = []
  let polls = 0
  let rssPeakMb = readRss()
  // Spectators count from here on, as everything else.
  spectators.poseLatency.length = 0
  const posesAtStart = spectators.posesReceived
  const cpuStart = readCpu()
  const t0 = performance.now()
  const end = t0 + SECONDS * 1000

  // The console: the device list once a second.
  const console1Hz = (async () => {
    while (performance.now() < end) {
      const sent = performance.now()
      await listDevices(op)
      pollMs.push(performance.now() - sent)
      polls++
      rssPeakMb = Math.max(rssPeakMb, readRss())
      await sleep(Math.max(0, POLL_MS - (performance.now() - sent)))
    }
  })()

  // Commands: every 2 s, alternately a message to every device and a language change to one.
  const commands = (async () => {
    let n = 0
    while (performance.now() < end) {
      const started = performance.now()
      const all = n % 2 === 0
      const target = devices[n % devices.length]
      const path = all ? '/api/venue/commands' : `/api/venue/devices/${target.id}/commands`
      const body: VenueCommand = all
        ? { type: 'message', text: `load ${n}`, seconds: 3 }
        : { type: 'set-lang', lang: n % 4 === 1 ? 'en' : 'zh' }
      const response = await op.post(path, body)
      const elapsed = performance.now() - started
      if (!response.ok) commandFailures.push(`${path}: ${response.status}`)
      else {
        const answer = CommandResponse.parse(await response.json())
        const acked = answer.results.filter((r) => r.status === 'acknowledged').length
        const expected = all ? DEVICES : 1
        if (acked !== expected) commandFailures.push(`${path}: ${acked} of ${expected} acknowledged`)
        else (all ? broadcastLatency : oneDeviceLatency).push(elapsed)
      }
      n++
      await sleep(Math.max(0, COMMAND_MS - (performance.now() - started)))
    }
  })()

  // Report latency: one device's report with a marker (an fps no other report uses), then the API polled
  // every 20 ms until the marker shows. Resolution: one GET's round trip.
  const probes = (async () => {
    let n = 0
    while (performance.now() < end) {
      const started = performance.now()
      const device = devices[n % devices.length]
      const marker = 500 + (n % 400) + 0.5
      device.report = { ...device.report, fps: marker }
      device.probing = true
      const sent = performance.now()
      device.room.send('report', device.report)
      reportsSent++
      const deadline = sent + 5000
      while (performance.now() < deadline) {
        const seen = (await listDevices(op)).find((d) => d.id === device.id)
        if (seen?.fps === marker) {
          reportLatency.push(performance.now() - sent)
          break
        }
        await sleep(PROBE_POLL_MS)
      }
      device.probing = false
      n++
      await sleep(Math.max(0, PROBE_MS - (performance.now() - started)))
    }
  })()

  await Promise.all([console1Hz, commands, probes])
  const elapsed = (performance.now() - t0) / 1000
  const cpu = readCpu() - cpuStart
  const rssEndMb = readRss()
  rssPeakMb = Math.max(rssPeakMb, rssEndMb)
  for (const device of devices) {
    clearInterval(device.timer)
    clearInterval(device.poseTimer)
  }
  await spectators.stop()
  await Promise.all(devices.map((d) => Promise.race([d.room.leave(), sleep(1000)])))
  return {
    reportsSentPerSecond: reportsSent / elapsed,
    polls,
    pollMs,
    serverCpuPercent: (cpu / elapsed) * 100,
    idleCpuPercent,
    rssIdleMb,
    rssPeakMb,
    rssEndMb,
    reportLatency,
    broadcastLatency,
    oneDeviceLatency,
    commandFailures,
    spectators,
    spectatorPosesPerSecond: (spectators.posesReceived - posesAtStart) / elapsed,
  }
}

function report(r: Result, pid: number | undefined) {
  const f = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1))
  const lat = (values: number[]) =>
    `p50 ${f(percentile(values, 50))} ms  p95 ${f(percentile(values, 95))} ms  (n=${values.length})`
  const spectatorLine = r.spectators.unavailable
    ? `not run: ${r.spectators.unavailable}`
    : `${lat(r.spectators.poseLatency)}, ${f(r.spectatorPosesPerSecond / Math.max(1, SPECTATORS))} frames/s per screen`
  console.log(
    `\n== ${DEVICES} devices (a report every ${REPORT_INTERVAL_MS} ms), ${SPECTATORS} spectators, 1 operator, ${SECONDS} s ==`,
  )
  console.log(`  reports received by server:    ${f(r.reportsSentPerSecond)} msg/s`)
  console.log(`  operator polls (1/s):          ${r.polls}, GET /api/venue/devices ${lat(r.pollMs)}`)
  console.log(
    `  server CPU:                    ${f(r.serverCpuPercent)} % of one core (idle server ${f(r.idleCpuPercent)} %)${pid ? '' : ' (no --pid: not measured)'}`,
  )
  console.log(
    `  server RSS:                    idle ${f(r.rssIdleMb)} MiB, peak ${f(r.rssPeakMb)} MiB, end ${f(r.rssEndMb)} MiB`,
  )
  console.log(`  report → visible in API:       ${lat(r.reportLatency)}`)
  console.log(`  command → all ${DEVICES} acks:         ${lat(r.broadcastLatency)}`)
  console.log(`  command → ack, one device:     ${lat(r.oneDeviceLatency)}`)
  console.log(`  spectator pose → spectator:    ${spectatorLine}`)
  if (r.commandFailures.length > 0)
    console.log(
      `  command failures:              ${r.commandFailures.length}: ${r.commandFailures.slice(0, 5).join('; ')}`,
    )
  // The README's "Load and soak" row, in the table's column order.
  const p = (values: number[]) =>
    `${Math.round(percentile(values, 50))} / ${Math.round(percentile(values, 95))} ms`
  console.log(
    '\nREADME row (| devices | spectators | server CPU | RSS peak | report → API p50/p95 | command → all acks p50/p95 | command → one ack p50/p95 | spectator pose p50/p95 |):',
  )
  console.log(
    `| ${DEVICES} | ${r.spectators.unavailable ? `${SPECTATORS} (not run)` : SPECTATORS} | ${f(r.serverCpuPercent)} % | ${Math.round(r.rssPeakMb)} MiB | ${p(r.reportLatency)} | ${p(r.broadcastLatency)} | ${p(r.oneDeviceLatency)} | ${r.spectators.unavailable ? '—' : p(r.spectators.poseLatency)} |`,
  )
}

const givenUrl = option('url')
let server: SpawnedServer | undefined
let dir: string | undefined
let url: string
let code: string
let pid: number | undefined
if (givenUrl) {
  url = givenUrl
  code = option('code') ?? process.env.OPERATOR_CODE ?? ''
  pid = option('pid') ? Number(option('pid')) : undefined
  if (!code) throw new Error('--url needs --code <operator code> (or OPERATOR_CODE)')
} else {
  dir = mkdtempSync(join(tmpdir(), 'venue-load-'))
  code = TEST_OPERATOR_CODE
  server = await spawnServer({
    config: testServerConfig(dir, { distDir: emptyDistDir(), simulator: false }),
    env: { LOG_LEVEL: 'error' },
  })
  url = server.url
  pid = server.child.pid
}
const hardStop = setTimeout(
  () => {
    console.error('venue load test exceeded its time bound; stopping')
    server?.child.kill('SIGKILL')
    process.exit(2)
  },
  (SECONDS * 2 + 120) * 1000,
)
try {
  console.log(
    `venue load test against ${url} (server pid ${pid ?? 'unknown'}), ${new Date().toISOString()}, ` +
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average before ${loadavg()[0].toFixed(2)}`,
  )
  report(await run(url, code, pid), pid)
  console.log(`load average after: ${loadavg()[0].toFixed(2)} (the load generator shares these cores)`)
} finally {
  clearTimeout(hardStop)
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
