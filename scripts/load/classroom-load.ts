// Classroom load test: starts the real server as its own process, fills one room with 50 simulated members
// and then 5 rooms in parallel, each member sending avatar poses at 15 Hz while the teacher turns slides.
// Prints patch rate, server CPU and latencies. Bounded: every phase ends after --seconds (default 20).
// Usage: npx tsx scripts/load/classroom-load.ts [--members 50] [--rooms 5] [--seconds 20]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { emptyDistDir, testServerConfig } from '../../test/support/server-config'
import { type SpawnedServer, spawnServer } from '../../test/support/spawn-server'
import { cpuSeconds, percentile, rssMb, sleep } from './process-stats'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const MEMBERS = option('members', 50)
const ROOMS = option('rooms', 5)
const SECONDS = option('seconds', 20)
const POSE_HZ = 15
const TEACHER_CODE = '424242'

interface Sim {
  room: Room
  timer?: NodeJS.Timeout
}

interface PhaseResult {
  label: string
  rooms: number
  members: number
  patchesPerSecond: number
  kbPerSecondPerClient: number
  serverCpuPercent: number
  serverRssMb: number
  slideLatency: number[]
  poseLatency: number[]
  posesSentPerSecond: number
}

/** The real server as its own process (shared spawn helper), so its CPU and memory can be read apart. */
function startServer(dir: string): Promise<SpawnedServer> {
  const config = testServerConfig(dir, {
    distDir: emptyDistDir(),
    teacherCode: TEACHER_CODE,
    simulator: false,
  })
  return spawnServer({ config, env: { LOG_LEVEL: 'error' } })
}

async function fillRoom(url: string, roomIndex: number, members: number, fresh: boolean) {
  const teacher = fresh
    ? await new Client(url).create('classroom', {
        scene: 'classroom',
        name: `T${roomIndex}`,
        role: 'teacher',
        teacherCode: TEACHER_CODE,
      })
    : await new Client(url).joinOrCreate('classroom', {
        scene: 'classroom',
        name: `T${roomIndex}`,
        role: 'teacher',
        teacherCode: TEACHER_CODE,
      })
  const students: Sim[] = []
  // Join in small batches, as a class arriving, rather than 50 handshakes in the same millisecond.
  for (let i = 0; i < members - 1; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, members - 1 - i) }, (_, k) =>
        new Client(url).joinById(teacher.roomId, {
          scene: 'classroom',
          name: `S${roomIndex}-${i + k}`,
          role: 'student',
        }),
      ),
    )
    for (const room of batch) students.push({ room })
  }
  // Load generator and server share this machine's cores. A real member decodes patches on its own device,
  // so simulated members skip decoding (the server's work is unchanged); the first student of each room,
  // the observer, decodes everything and takes all measurements.
  for (const sim of students.slice(1)) {
    ;(sim.room as unknown as { serializer: { patch: () => void } }).serializer.patch = () => undefined
  }
  return { teacher, students }
}

async function runPhase(
  url: string,
  serverPid: number,
  label: string,
  rooms: number,
  members: number,
): Promise<PhaseResult> {
  const classes = await Promise.all(Array.from({ length: rooms }, (_, r) => fillRoom(url, r, members, true)))
  const sendTimes = new Map<string, number>()
  const poseLatency: number[] = []
  const slideLatency: number[] = []
  let patches = 0
  let bytes = 0
  let posesSent = 0
  // The first student of each room observes: patches, bytes and when others' poses arrive.
  for (const { students } of classes) {
    const observer = students[0].room
    const ws = (
      observer.connection.transport as unknown as {
        ws: { addEventListener(t: string, f: (e: { data: ArrayBuffer }) => void): void }
      }
    ).ws
    ws.addEventListener('message', (e) => {
      bytes += e.data.byteLength
    })
    const seen = new Map<string, number>()
    observer.onStateChange(() => {
      patches++
      const now = performance.now()
      const state = observer.state as { members: Map<string, { pose: ArrayLike<number> }> }
      state.members.forEach((m, id) => {
        const marker = m.pose[0]
        if (seen.get(id) === marker) return
        seen.set(id, marker)
        const sent = sendTimes.get(`${id}:${Math.round(marker * 1000)}`)
        if (sent !== undefined) poseLatency.push(now - sent)
      })
    })
  }
  // Every student sends poses at 15 Hz; head x carries a sequence marker so the observer can time it.
  let seq = 0
  for (const { students } of classes)
    for (const sim of students.slice(1)) {
      const id = sim.room.sessionId
      sim.timer = setInterval(
        () => {
          seq = (seq + 1) % 50_000
          const x = seq / 1000
          sendTimes.set(`${id}:${seq}`, performance.now())
          sim.room.send('pose', {
            head: [x, 1.6, 0, 0, 0, 0, 1],
            left: [x, 1.2, -0.3, 0, 0, 0, 1],
            right: [x, 1.2, 0.3, 0, 0, 0, 1],
          })
          posesSent++
        },
        1000 / POSE_HZ + Math.random(),
      )
    }
  const cpuStart = cpuSeconds(serverPid)
  const t0 = performance.now()
  const end = t0 + SECONDS * 1000
  let slide = 0
  while (performance.now() < end) {
    await sleep(2000)
    slide = (slide + 1) % 6
    const sentAt = performance.now()
    const target = slide
    const waits = classes.map(({ teacher, students }) => {
      teacher.send('slide:set', { index: target })
      const last = students[0].room
      return new Promise<void>((done) => {
        const check = () => {
          if ((last.state as { slide: number }).slide === target) {
            slideLatency.push(performance.now() - sentAt)
            done()
          } else setTimeout(check, 2)
        }
        check()
      })
    })
    await Promise.race([Promise.all(waits), sleep(2000)])
  }
  const elapsed = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(serverPid) - cpuStart
  const rss = rssMb(serverPid)
  for (const { teacher, students } of classes) {
    for (const s of students) clearInterval(s.timer)
    await Promise.all(
      [teacher, ...students.map((s) => s.room)].map((r) => Promise.race([r.leave(), sleep(1000)])),
    )
  }
  return {
    label,
    rooms,
    members,
    patchesPerSecond: patches / rooms / elapsed,
    kbPerSecondPerClient: bytes / rooms / elapsed / 1024,
    serverCpuPercent: (cpu / elapsed) * 100,
    serverRssMb: rss,
    slideLatency,
    poseLatency,
    posesSentPerSecond: posesSent / elapsed,
  }
}

function report(r: PhaseResult) {
  const f = (n: number) => n.toFixed(1)
  console.log(`\n== ${r.label}: ${r.rooms} room(s) × ${r.members} members, ${SECONDS} s ==`)
  console.log(`  poses received by server:     ${f(r.posesSentPerSecond)} msg/s`)
  console.log(`  patch rate per room:          ${f(r.patchesPerSecond)} patches/s (server patchRate 20/s)`)
  console.log(`  downstream per client:        ${f(r.kbPerSecondPerClient)} KiB/s`)
  console.log(
    `  server CPU:                   ${f(r.serverCpuPercent)} % of one core   RSS ${f(r.serverRssMb)} MiB`,
  )
  console.log(
    `  slide change → observer:      p50 ${f(percentile(r.slideLatency, 50))} ms  p95 ${f(percentile(r.slideLatency, 95))} ms  (n=${r.slideLatency.length})`,
  )
  console.log(
    `  pose → other member:          p50 ${f(percentile(r.poseLatency, 50))} ms  p95 ${f(percentile(r.poseLatency, 95))} ms  (n=${r.poseLatency.length})`,
  )
}

const dir = mkdtempSync(join(tmpdir(), 'classroom-load-'))
const server = await startServer(dir)
const { url, child } = server
const pid = child.pid ?? 0
const hardStop = setTimeout(
  () => {
    console.error('load test exceeded its time bound; stopping')
    child.kill('SIGKILL')
    process.exit(2)
  },
  (SECONDS * 2 + 120) * 1000,
)
try {
  console.log(
    `classroom load test against ${url} (server pid ${pid}), machine: ${(await import('node:os')).cpus().length} cores`,
  )
  report(await runPhase(url, pid, 'one full room', 1, MEMBERS))
  report(await runPhase(url, pid, 'rooms in parallel', ROOMS, MEMBERS))
} finally {
  clearTimeout(hardStop)
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
