// Shared rig for classroom integration tests: the real server (in this process or as a child process
// running src/server/main.ts), real SDK clients, and small waits that fail loudly instead of hanging.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import type { ServerConfig } from '../../src/server/config'
import { emptyDistDir, testServerConfig } from '../support/server-config'
import { type SpawnedServer, spawnServer } from '../support/spawn-server'

export const TEACHER_CODE = '135790'

/** The classroom tests need the server, not the built app, and no park simulator. */
function classroomConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return testServerConfig(dataDir, {
    distDir: emptyDistDir(),
    teacherCode: TEACHER_CODE,
    simulator: false,
    skipBuild: true,
    ...overrides,
  })
}

export async function startClassroomServer(dataDir: string): Promise<RunningServer> {
  process.env.LOG_LEVEL ??= 'error'
  return startServer(classroomConfig(dataDir))
}

/**
 * One in-process classroom server for a test file, on its own data folder: started before its tests, and
 * after them every room a test joined through `enter` is left and the folder removed. `server` is set once
 * beforeAll has run.
 */
export function classroomServerForFile(folderPrefix: string) {
  const rig = {
    server: undefined as unknown as RunningServer,
    rooms: [] as Room[],
    async enter(name: string, role: 'teacher' | 'student', extra: Record<string, unknown> = {}) {
      const joined = await joinClassroom(rig.server.url, name, role, extra)
      rig.rooms.push(joined.room)
      return joined
    },
  }
  let dataDir = ''
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), folderPrefix))
    rig.server = await startClassroomServer(dataDir)
  })
  afterAll(async () => {
    await settleWithin(
      rig.rooms.map((room) => room.leave()),
      1000,
    )
    await rig.server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return rig
}

export type ChildServer = SpawnedServer

/** A free local port, for a helper process (e.g. redis-server) that must be told one. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/** Runs the real `npm start` entry (src/server/main.ts) as its own process, on a free port of its own. */
export function startChildServer(options: {
  dataDir: string
  env?: Record<string, string>
}): Promise<ChildServer> {
  return spawnServer({ config: classroomConfig(options.dataDir), env: options.env })
}

/**
 * Waits for teardown work (rooms leaving, a process exiting) for at most `ms`, so a hung cleanup cannot
 * hang the suite; it decides no result.
 */
export async function settleWithin(work: Promise<unknown> | Promise<unknown>[], ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const bound = new Promise<void>((done) => {
    timer = setTimeout(done, ms)
  })
  await Promise.race([Promise.allSettled(Array.isArray(work) ? work : [work]), bound])
  clearTimeout(timer)
}

/** A poll interval inside a loop that checks a condition against a deadline; never a wait that decides. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/** How often `waitFor` re-checks its condition: a poll interval, not a wait that decides anything. */
const POLL_MS = 20

/** Polls until `check` returns true; throws with `what` after the timeout. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

let barrierHeight = 1
/**
 * Resolves once `observer` has a patch made after the server handled everything `sender` sent before:
 * the sender moves its head to a new height and the observer waits to see it. The server handles one
 * client's messages in order, so any state change those earlier messages caused is visible by then.
 */
export async function roomBarrier(sender: Room, observer: Room): Promise<void> {
  barrierHeight = barrierHeight >= 2 ? 1.01 : barrierHeight + 0.01
  const y = barrierHeight
  sender.send('pose', { head: [0, y, 0, 0, 0, 0, 1] })
  await waitFor(`${sender.sessionId}'s barrier pose (y = ${y.toFixed(2)}) to reach the observer`, () => {
    const pose = view(observer).members.get(sender.sessionId)?.pose
    return pose !== undefined && Math.abs((pose[1] ?? 0) - y) < 1e-4
  })
}

/** Resolves with the next message of `type` the room receives. */
export function nextMessage<T>(room: Room, type: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolveMessage, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const off = room.onMessage(type, (message: T) => {
      clearTimeout(timer)
      off()
      resolveMessage(message)
    })
  })
}

export interface MemberView {
  name: string
  role: string
  seatId: string
  connected: boolean
  answered: number
  pose: ArrayLike<number>
}

export interface ClassroomView {
  code: string
  slide: number
  members: Map<string, MemberView>
  quiz: { phase: string; quizSessionId: string }
  model: { modelId: string; controller: string; pose: ArrayLike<number> }
  movementLocked: boolean
  spotlightId: string
  annotations: { length: number }
}

export function view(room: Room): ClassroomView {
  return room.state as ClassroomView
}

export async function joinClassroom(
  url: string,
  name: string,
  role: 'teacher' | 'student',
  extra: Record<string, unknown> = {},
) {
  const client = new Client(url)
  const options = {
    scene: 'classroom',
    name,
    role,
    ...(role === 'teacher' ? { teacherCode: TEACHER_CODE } : {}),
    ...extra,
  }
  const room = await client.joinOrCreate('classroom', options)
  // Messages on the state arrive with the first patch; wait for our own member entry.
  await waitFor(`${name}'s member entry`, () => view(room).members?.has(room.sessionId) === true)
  return { client, room }
}
