// Runs the real `npm start` entry (src/server/main.ts) as its own process, for tests and load scripts
// that need a crash, a restart or a second process: waits for the line main.ts prints once it listens,
// and stops it with SIGTERM and a bounded wait before SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ServerConfig } from '../../src/server/config'
import { emptyDistDir, serverEnv, TEST_TEACHER_CODE } from './server-config'

export interface SpawnServerOptions {
  /** The server's settings, usually from testServerConfig(); port 0 lets the server pick a free one. */
  config: ServerConfig
  /** Extra environment for the child (e.g. LOG_LEVEL). */
  env?: Record<string, string>
  /** Copy the child's output to this process's stderr as it comes (load runs). Default false. */
  echo?: boolean
  /** How long the server may take to listen. Default 30 s. */
  startTimeoutMs?: number
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 8 s. */
  stopTimeoutMs?: number
}

export interface SpawnedServer {
  url: string
  port: number
  child: ChildProcess
  /** Everything the child printed so far (stdout and stderr). */
  output(): string
  /** SIGKILL: no shutdown hooks run, as in a crash or a power loss. */
  kill(): Promise<void>
  /** SIGTERM (the server closes rooms and the database), SIGKILL if it has not exited in time. */
  stop(): Promise<void>
}

/** What main.ts prints once it listens; the teacher code line closes the fixed part of that block. */
const LISTENING = /XR Showcase is running\.\s+Local:\s+(https?):\/\/localhost:(\d+)\/[\s\S]*Teacher code/

export async function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  const { config } = options
  mkdirSync(config.dataDir, { recursive: true })
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: resolve('.'),
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...serverEnv({ ...config, skipBuild: true }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const listening = new Promise<{ scheme: string; port: number }>((done, fail) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000
    const timer = setTimeout(() => fail(new Error(`did not listen within ${timeoutMs} ms`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      if (options.echo) process.stderr.write(chunk)
      const match = LISTENING.exec(output)
      if (match) {
        clearTimeout(timer)
        done({ scheme: match[1], port: Number(match[2]) })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`exited (code ${code}, signal ${signal}) before listening`))
    })
  })
  let address: { scheme: string; port: number }
  try {
    address = await listening
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    throw new Error(`server (src/server/main.ts) ${(error as Error).message}. Its output:\n${output}`)
  }
  const url = `${address.scheme}://127.0.0.1:${address.port}`
  const stopTimeoutMs = options.stopTimeoutMs ?? 8000
  return {
    url,
    port: address.port,
    child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      // A bounded cleanup: the outcome is the same (the process is gone), only the way differs.
      let timer: NodeJS.Timeout | undefined
      const gaveUp = new Promise<void>((done) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL')
          done()
        }, stopTimeoutMs)
      })
      await Promise.race([exited, gaveUp])
      clearTimeout(timer)
      await exited
    },
  }
}

/**
 * Runs src/server/main.ts with this environment until it exits by itself (a start-up refusal): its exit
 * code and stderr. The base environment is a valid one (a teacher code, no build, no simulator, port 0),
 * so `env` names only what the test breaks; SIGKILL after 30 s if it does not exit.
 */
export function runServerUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--no-build'], {
      cwd: resolve('.'),
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        DIST_DIR: emptyDistDir(),
        SIMULATOR: '0',
        LOG_LEVEL: 'warn',
        TEACHER_CODE: TEST_TEACHER_CODE,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'start-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      done({ code, stderr })
    })
  })
}
