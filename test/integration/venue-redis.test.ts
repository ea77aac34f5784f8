// The venue across two server processes joined through a real redis-server: the venue room lives on one
// process, yet the operator API of either lists the devices and commands them, through Colyseus's
// remote room calls (without them, the process that does not host the room listed nobody); and when the
// hosting process dies, the other takes the room over and devices come back into it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CommandResponse, DevicesRoute } from '../../src/shared/venue/http-contracts'
import type { DeviceReport, VenueServerEvents } from '../../src/shared/venue/venue-messages'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { type ChildServer, settleWithin, startChildServer } from './classroom-harness'
import { hasRedis, type LocalRedis, startRedis } from './redis-harness'

const dir = mkdtempSync(join(tmpdir(), 'venue-redis-'))
const servers: ChildServer[] = []
const rooms: Room[] = []
let redis: LocalRedis | undefined

afterAll(async () => {
  await settleWithin(
    rooms.map((r) => r.leave(true)),
    2000,
  )
  for (const s of servers) await s.stop().catch(() => undefined)
  await redis?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const REPORT: DeviceReport = {
  name: '展台 C-2',
  scene: 'twin-park',
  mode: 'desktop',
  lang: 'zh',
  idleSeconds: 0,
  fps: 60,
  version: '0.1.0',
}

const api = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'x-operator-code': TEST_OPERATOR_CODE,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })

describe.skipIf(!hasRedis)('venue across two processes with Redis', () => {
  it('either process’s API lists a device and commands it, wherever the room and the device are', async () => {
    redis = await startRedis()
    const env = { REDIS_URL: redis.url }
    const a = await startChildServer({ dataDir: join(dir, 'a'), env })
    servers.push(a)
    const b = await startChildServer({ dataDir: join(dir, 'b'), env })
    servers.push(b)

    // One device reaches the venue through each process; both land in the one venue room.
    const commands: string[] = []
    for (const [server, id] of [
      [a, 'device-via-a'],
      [b, 'device-via-b'],
    ] as const) {
      const room = await new Client(server.url).joinById('venue', { deviceId: id, report: REPORT })
      rooms.push(room)
      room.onMessage('command', (message: VenueServerEvents['command']) => {
        commands.push(`${id}:${message.command.type}`)
        room.send('ack', { id: message.id, ok: true })
      })
    }
    expect(rooms[0]?.roomId).toBe(rooms[1]?.roomId)

    // The room is hosted by one of the two, so one of these lists is a remote call.
    for (const server of [a, b]) {
      const response = await api(server.url, '/api/venue/devices')
      expect(response.status).toBe(200)
      const { devices } = DevicesRoute.response.parse(await response.json())
      expect(
        devices
          .filter((d) => d.online)
          .map((d) => d.id)
          .sort(),
      ).toEqual(['device-via-a', 'device-via-b'])
    }

    // A command through each process reaches the device on the room's process and comes back acknowledged.
    for (const [server, target] of [
      [a, 'device-via-b'],
      [b, 'device-via-a'],
    ] as const) {
      const response = await api(server.url, `/api/venue/devices/${target}/commands`, { type: 'lobby' })
      expect(response.status).toBe(200)
      const answer = CommandResponse.parse(await response.json())
      expect(answer.results).toEqual([expect.objectContaining({ deviceId: target, status: 'acknowledged' })])
    }
    const all = await api(b.url, '/api/venue/commands', { type: 'reset' })
    expect(CommandResponse.parse(await all.json()).results.map((r) => r.status)).toEqual([
      'acknowledged',
      'acknowledged',
    ])
    expect(commands.sort()).toEqual([
      'device-via-a:lobby',
      'device-via-a:reset',
      'device-via-b:lobby',
      'device-via-b:reset',
    ])

    // The process hosting the room (A: it started first and created it) dies. B takes the room over, and a
    // device retrying as the venue service does (its connection never gives up) is back in it through B.
    await a.kill()
    const rejoined = await vi.waitFor(
      () => new Client(b.url).joinById('venue', { deviceId: 'device-via-a', report: REPORT }),
      { timeout: 30_000, interval: 500 },
    )
    rooms.push(rejoined)
    const after = await api(b.url, '/api/venue/devices')
    expect(after.status).toBe(200)
    const { devices } = DevicesRoute.response.parse(await after.json())
    expect(devices.filter((d) => d.online).map((d) => d.id)).toEqual(['device-via-a'])
  }, 90_000)
})
