// What the twin's integration tests share: the real server (fastify + aedes over WebSocket + simulator +
// SQLite) on a free port with fixed operator and device credentials, a real mqtt.js client that keeps
// what it hears, and a wait on MQTT messages (never on the clock).
import { resolve } from 'node:path'
import mqtt, { type MqttClient } from 'mqtt'
import { vi } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { readConfig, type ServerConfig } from '../../src/server/config'
import type { ServerContext } from '../../src/server/module'
import { createTwinModule, type TwinModule, type TwinModuleOptions } from '../../src/server/twin/twin-module'

process.env.LOG_LEVEL = 'warn'

/** The operator's MQTT login in every twin test server. */
export const OPERATOR = { username: 'operator', password: '135790' }
/** The device credential of every twin test server. */
export const DEVICE = { username: 'device', password: 'device-secret-1234' }

export interface Reading {
  v: number
  ts: number
}

export async function startTwinServer(
  dataDir: string,
  simulator = true,
  fieldSensors = 0,
  overrides: Partial<ServerConfig> = {},
  moduleOptions: TwinModuleOptions = {},
) {
  let twin: TwinModule | undefined
  let warn: (((...args: unknown[]) => void) & { mock: { calls: unknown[][] } }) | undefined
  const config = {
    ...readConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenesDir: resolve('scenes'),
    simulator,
    operatorCode: OPERATOR.password,
    twinDevice: DEVICE,
    ...overrides,
  }
  const server = await startServer(config, [
    async (ctx: ServerContext) => {
      const spy = vi.fn((..._args: unknown[]) => {})
      warn = spy
      const original = ctx.log.warn.bind(ctx.log)
      ctx.log.warn = ((...args: Parameters<typeof original>) => {
        spy(...args)
        return original(...args)
      }) as typeof ctx.log.warn
      twin = await createTwinModule(ctx, { flushMs: 500, fieldSensors, ...moduleOptions })
      return twin
    },
  ])
  return { server, twin: twin!, warn: warn! }
}

/**
 * A connected client that keeps the latest reading of every topic it hears, and whether it came retained.
 * Anonymous (a viewer) unless given the operator's or a device's credential.
 */
export async function connect(server: RunningServer, login?: { username: string; password: string }) {
  const client = await mqtt.connectAsync(`ws://127.0.0.1:${server.port}/mqtt`, {
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...login,
  })
  const latest = new Map<string, Reading>()
  const heard: string[] = []
  /**
   * Topics heard as a retained message: the broker sets the flag only on what it hands a new subscription
   * from its store, never on a live publish, so this proves the state came without waiting for a tick.
   */
  const retained = new Set<string>()
  client.on('message', (topic, payload, packet) => {
    if (packet.retain) retained.add(topic)
    heard.push(topic)
    try {
      latest.set(topic, JSON.parse(payload.toString()) as Reading)
    } catch {
      latest.set(topic, { v: Number.NaN, ts: 0 })
    }
  })
  await client.subscribeAsync('park/demo/#')
  return { client, latest, heard, retained }
}

/**
 * Resolves with the probe's first truthy value. The probe is checked now and again on every MQTT message
 * the client hears, never on a clock; the timeout only bounds a failure, which names what was awaited.
 */
export function until<T>(
  client: MqttClient,
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      let value: T | undefined | false
      try {
        value = probe()
      } catch (error) {
        finish()
        reject(error)
        return
      }
      if (value === undefined || value === false) return
      finish()
      resolve(value)
    }
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    function finish() {
      clearTimeout(timer)
      client.off('message', check)
    }
    client.on('message', check)
    check()
  })
}
