import { Client, type Room } from '@colyseus/sdk'
import { describe, expect, it } from 'vitest'
import { CommandResponse, DevicesRoute } from '../../src/shared/venue/http-contracts'
import type { DeviceReport, VenueServerEvents } from '../../src/shared/venue/venue-messages'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { waitFor } from './classroom-harness'
import { startVenueServer, venueServerForFile } from './venue-harness'

const server = venueServerForFile('venue-it-')

const REPORT: DeviceReport = {
  name: '展台 A-3',
  scene: 'red-tourism',
  mode: 'vr',
  lang: 'zh',
  idleSeconds: 4,
  fps: 72,
  version: '0.1.0',
}

interface FakeDevice {
  room: Room
  commands: VenueServerEvents['command'][]
  refusals: VenueServerEvents['refused'][]
}

/** A device as the venue service is one: joins the room by id and answers every command (or refuses one type). */
async function device(
  deviceId: string,
  report: Partial<DeviceReport> = {},
  refuse?: string,
): Promise<FakeDevice> {
  const room = server.keep(
    await new Client(server.url).joinById('venue', { deviceId, report: { ...REPORT, ...report } }),
  )
  const fake: FakeDevice = { room, commands: [], refusals: [] }
  room.onMessage('command', (message: VenueServerEvents['command']) => {
    fake.commands.push(message)
    const ok = message.command.type !== refuse
    room.send('ack', { id: message.id, ok, ...(ok ? {} : { detail: 'not on this device' }) })
  })
  room.onMessage('refused', (message: VenueServerEvents['refused']) => fake.refusals.push(message))
  return fake
}

const api = (path: string, init: RequestInit & { code?: string } = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      'x-operator-code': init.code ?? TEST_OPERATOR_CODE,
    },
  })

async function devices() {
  const response = await api('/api/venue/devices')
  expect(response.status).toBe(200)
  return DevicesRoute.response.parse(await response.json()).devices
}

describe('venue operator API', () => {
  it('lists a device with what it reported, and follows its reports', async () => {
    const d = await device('device-list-1')
    let listed = (await devices()).find((x) => x.id === 'device-list-1')
    expect(listed).toMatchObject({
      name: '展台 A-3',
      scene: 'red-tourism',
      mode: 'vr',
      lang: 'zh',
      idleSeconds: 4,
      fps: 72,
      online: true,
    })
    d.room.send('report', { ...REPORT, scene: null, mode: 'desktop', idleSeconds: 30, fps: 58.5 })
    const deadline = Date.now() + 5000
    while (listed?.idleSeconds !== 30 && Date.now() < deadline)
      listed = (await devices()).find((x) => x.id === 'device-list-1')
    expect(listed).toMatchObject({ scene: null, mode: 'desktop', idleSeconds: 30, fps: 58.5 })
    await d.room.leave(true)
    await expect.poll(async () => (await devices()).find((x) => x.id === 'device-list-1')?.online).toBe(false)
  })

  it('sends a command to one device and answers with its acknowledgement', async () => {
    const d = await device('device-cmd-1')
    const other = await device('device-cmd-2')
    const response = await api('/api/venue/devices/device-cmd-1/commands', {
      method: 'POST',
      body: JSON.stringify({ type: 'open-scene', scene: 'gov-hall' }),
    })
    expect(response.status).toBe(200)
    const body = CommandResponse.parse(await response.json())
    expect(d.commands).toEqual([{ id: body.commandId, command: { type: 'open-scene', scene: 'gov-hall' } }])
    expect(other.commands).toEqual([])
    expect(body.results).toEqual([
      expect.objectContaining({ deviceId: 'device-cmd-1', status: 'acknowledged', type: 'open-scene' }),
    ])
    const listed = (await devices()).find((x) => x.id === 'device-cmd-1')
    expect(listed?.lastAck).toMatchObject({ commandId: body.commandId, status: 'acknowledged' })
  })

  it('sends a command to every online device; a device that cannot do it says so', async () => {
    const a = await device('device-all-1')
    const b = await device('device-all-2', {}, 'message')
    const response = await api('/api/venue/commands', {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: '  请到出口集合\u200b ' }),
    })
    expect(response.status).toBe(200)
    const body = CommandResponse.parse(await response.json())
    // The text arrives cleaned (trimmed, no zero-width characters), with the default time on screen.
    expect(a.commands.at(-1)?.command).toEqual({ type: 'message', text: '请到出口集合', seconds: 20 })
    const byDevice = Object.fromEntries(body.results.map((r) => [r.deviceId, r]))
    expect(byDevice['device-all-1']?.status).toBe('acknowledged')
    expect(byDevice['device-all-2']).toMatchObject({ status: 'refused', detail: 'not on this device' })
    expect(b.commands).toHaveLength(1)
  })

  it('refuses malformed commands, unknown devices and scenes with a reason', async () => {
    await device('device-bad-1')
    const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) })
    const cases: [string, unknown, number, RegExp][] = [
      ['/api/venue/devices/device-bad-1/commands', { type: 'format-disk' }, 400, /type/],
      ['/api/venue/devices/device-bad-1/commands', { type: 'open-scene', scene: '../etc' }, 400, /scene/],
      [
        '/api/venue/devices/device-bad-1/commands',
        { type: 'open-scene', scene: 'no-such-scene' },
        400,
        /no-such-scene/,
      ],
      ['/api/venue/devices/device-bad-1/commands', { type: 'rename', name: '\u200b ' }, 400, /name/],
      ['/api/venue/devices/device-bad-1/commands', { type: 'lobby', extra: 1 }, 400, /extra|Unrecognized/i],
      ['/api/venue/devices/nobody-here/commands', { type: 'lobby' }, 404, /nobody-here/],
    ]
    for (const [path, body, status, reason] of cases) {
      const response = await post(path, body)
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect(((await response.json()) as { error: string }).error).toMatch(reason)
    }
    // A code in the URL is refused before the code is even looked at.
    expect((await api(`/api/venue/devices?code=${TEST_OPERATOR_CODE}`)).status).toBe(400)
  })

  it('refuses a malformed join and malformed messages without dropping the device', async () => {
    await expect(new Client(server.url).joinById('venue', { deviceId: 'x', report: REPORT })).rejects.toThrow(
      /deviceId/,
    )
    await expect(
      new Client(server.url).joinById('venue', {
        deviceId: 'device-join-1',
        report: { ...REPORT, mode: 'holodeck' },
      }),
    ).rejects.toThrow(/mode/)
    const d = await device('device-msg-1')
    d.room.send('report', { ...REPORT, fps: 'fast' })
    d.room.send('report', { ...REPORT, name: 'x'.repeat(300) })
    d.room.send('shutdown', {})
    d.room.send('ack', { id: 'c999999', ok: true })
    await waitFor('four refusals', () => d.refusals.length >= 4)
    expect(d.refusals.map((r) => r.type)).toEqual(['report', 'report', 'shutdown', 'ack'])
    expect(d.refusals[0]?.reason).toMatch(/fps/)
    expect(d.refusals[2]?.reason).toBe('unknown message type for a device')
    // Still online and still answering.
    const response = await api('/api/venue/devices/device-msg-1/commands', {
      method: 'POST',
      body: JSON.stringify({ type: 'lobby' }),
    })
    expect(CommandResponse.parse(await response.json()).results[0]?.status).toBe('acknowledged')
  })
})

describe('operator code', () => {
  it('refuses a wrong or missing code with 403, then locks the address out with 429', async () => {
    // Its own server: the lockout must not leak into the tests above.
    const own = await startVenueServer('venue-code-')
    try {
      const list = (code?: string) =>
        fetch(`${own.url}/api/venue/devices`, {
          headers: code === undefined ? {} : { 'x-operator-code': code },
        })
      expect((await list()).status).toBe(403)
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await list(String(100000 + i))).status)
      expect(statuses).toEqual([403, 403, 403, 429])
      const locked = await list(TEST_OPERATOR_CODE)
      expect(locked.status).toBe(429)
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29)
      const command = await fetch(`${own.url}/api/venue/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-operator-code': TEST_OPERATOR_CODE },
        body: JSON.stringify({ type: 'lobby' }),
      })
      expect(command.status).toBe(429)
    } finally {
      await own.close()
    }
  })
})
