// A real redis-server for the tests that run several server processes as one (REDIS_URL): started on a
// free loopback port with no persistence, in a folder of its own, and stopped after the file's tests.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, settleWithin, waitFor } from './classroom-harness'

export const REDIS_SERVER = '/usr/bin/redis-server'
export const hasRedis = existsSync(REDIS_SERVER)

export interface LocalRedis {
  url: string
  stop(): Promise<void>
}

export async function startRedis(): Promise<LocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-it-'))
  const port = await freePort()
  const redis: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  redis.stdout?.on('data', (d) => {
    out += d
  })
  await waitFor(
    'redis-server to accept connections',
    () => out.includes('Ready to accept connections'),
    10_000,
  )
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (redis.exitCode === null) {
        redis.kill('SIGTERM')
        await settleWithin(new Promise((r) => redis.once('exit', r)), 3000)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
