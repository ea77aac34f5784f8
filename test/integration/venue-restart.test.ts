// A venue device comes back by itself after the server crashes: the real server (src/server/main.ts) as a
// child process is killed with SIGKILL and a new one starts on the same port. The device is the client's
// own connection code (src/platform/realtime/room-connection.ts with the options the venue service gives
// it: the fixed venue room id, rejoin options, never giving up), which runs in Node as in the browser. It
// rejoins the restarted server's venue room and the new server lists it again, and commands reach it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectRoom, type RoomConnection, type RoomStatus } from '../../src/platform/realtime'
import { DevicesRoute } from '../../src/shared/venue/http-contracts'
import {
  type DeviceReport,
  VENUE_ROOM,
  VENUE_ROOM_ID,
  type VenueServerEvents,
} from '../../src/shared/venue/venue-messages'
import { emptyDistDir, TEST_OPERATOR_CODE, testServerConfig } from '../support/server-config'
import { type SpawnedServer, spawnServer } from '../support/spawn-server'
import { settleWithin, waitFor } from './classroom-harness'

const dataDir = mkdtempSync(join(tmpdir(), 'venue-restart-'))
const servers: SpawnedServer[] = []
let connection: RoomConnection | undefined

afterAll(async () => {
  if (connection) await settleWithin(connection.leave(), 1000)
  for (const s of servers) await s.kill().catch(() => undefined)
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(port = 0): Promise<SpawnedServer> {
  const config = testServerConfig(dataDir, {
    port,
    distDir: emptyDistDir(),
    simulator: false,
    skipBuild: true,
  })
  const server = await spawnServer({ config })
  servers.push(server)
  return server
}

const REPORT: DeviceReport = {
  name: '展台 A-3',
  scene: null,
  mode: 'touch',
  lang: 'zh',
  idleSeconds: 0,
  fps: 60,
  version: '0.1.0',
}

async function listed(url: string): Promise<string[]> {
  const response = await fetch(`${url}/api/venue/devices`, {
    headers: { 'x-operator-code': TEST_OPERATOR_CODE },
  })
  const { devices } = DevicesRoute.response.parse(await response.json())
  return devices.filter((d) => d.online).map((d) => d.id)
}

describe('venue device after a server crash', () => {
  it('rejoins the restarted server by itself, is listed again and still answers commands', async () => {
    const first = await start()
    const statuses: RoomStatus[] = []
    const commands: VenueServerEvents['command'][] = []
    const joinOptions = { deviceId: 'restart-device-1', report: REPORT }
    connection = await connectRoom({
      endpoint: first.url,
      roomName: VENUE_ROOM,
      roomId: VENUE_ROOM_ID,
      joinOptions,
      rejoinOptions: joinOptions,
      storageKey: 'venue-restart-test',
      rejoinDelaysMs: [100, 250, 500],
      rejoinGiveUpMs: Number.POSITIVE_INFINITY,
      onStatus: (s) => statuses.push(s),
      onRoom: (room) => {
        room.onMessage('command', (message: VenueServerEvents['command']) => {
          commands.push(message)
          room.send('ack', { id: message.id, ok: true })
        })
      },
    })
    expect(await listed(first.url)).toEqual(['restart-device-1'])

    await first.kill()
    await waitFor('the device noticing the crash', () => statuses.includes('reconnecting'), 10_000)
    const second = await start(first.port)
    await expect
      .poll(() => listed(second.url), { timeout: 20_000, message: 'the device listed by the new server' })
      .toContain('restart-device-1')
    expect(statuses.at(-1)).toBe('online')

    const response = await fetch(`${second.url}/api/venue/devices/restart-device-1/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-operator-code': TEST_OPERATOR_CODE },
      body: JSON.stringify({ type: 'lobby' }),
    })
    expect(((await response.json()) as { results: { status: string }[] }).results[0]?.status).toBe(
      'acknowledged',
    )
    expect(commands.map((c) => c.command.type)).toEqual(['lobby'])
  })
})
