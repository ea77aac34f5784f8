import { Client, type Room } from '@colyseus/sdk'
import { describe, expect, it } from 'vitest'
import { MAX_SPECTATORS } from '../../src/server/venue/venue-room'
import type {
  PoseFrame,
  SpectatedEvent,
  SpectatorServerEvents,
  ViewState,
} from '../../src/shared/venue/spectator-messages'
import type { DeviceReport, VenueServerEvents } from '../../src/shared/venue/venue-messages'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { waitFor } from './classroom-harness'
import { venueServerForFile } from './venue-harness'

const server = venueServerForFile('spectator-it-')

const REPORT: DeviceReport = {
  name: '展台 B-1',
  scene: 'red-tourism',
  mode: 'vr',
  lang: 'zh',
  idleSeconds: 0,
  fps: 72,
  version: '0.1.0',
}

const POSE: PoseFrame = {
  t: 1000,
  head: [1, 1.6, 2, 0, 0.38268, 0, 0.92388],
  inputs: [{ hand: 'right', ray: [1.2, 1.2, 1.8, 0, 0, 0, 1] }],
}

interface Device {
  room: Room
  spectated: boolean[]
  refusals: VenueServerEvents['refused'][]
}

async function device(deviceId: string): Promise<Device> {
  const room = server.keep(await new Client(server.url).joinById('venue', { deviceId, report: REPORT }))
  const d: Device = { room, spectated: [], refusals: [] }
  room.onMessage('spectated', (m: SpectatedEvent) => d.spectated.push(m.on))
  room.onMessage('refused', (m: VenueServerEvents['refused']) => d.refusals.push(m))
  room.onMessage('command', () => undefined)
  return d
}

interface Screen {
  room: Room
  watching: SpectatorServerEvents['watching'][]
  poses: PoseFrame[]
  views: ViewState[]
  refusals: SpectatorServerEvents['refused'][]
}

async function screen(watch: string | null, code = TEST_OPERATOR_CODE): Promise<Screen> {
  const room = server.keep(await new Client(server.url).joinById('venue', { role: 'spectator', code, watch }))
  const s: Screen = { room, watching: [], poses: [], views: [], refusals: [] }
  room.onMessage('watching', (m: SpectatorServerEvents['watching']) => s.watching.push(m))
  room.onMessage('pose', (m: PoseFrame) => s.poses.push(m))
  room.onMessage('view', (m: ViewState) => s.views.push(m))
  room.onMessage('refused', (m: SpectatorServerEvents['refused']) => s.refusals.push(m))
  return s
}

describe('spectator relay', () => {
  it('refuses a screen without the right operator code', async () => {
    await expect(screen('device-spec-x', 'wrong-code')).rejects.toThrow(/code/i)
    await expect(
      new Client(server.url).joinById('venue', { role: 'spectator', watch: null }),
    ).rejects.toThrow(/invalid spectator join/)
  })

  it('streams only while watched, to the watching screens only', async () => {
    const d = await device('device-spec-1')
    const other = await device('device-spec-2')
    const s = await screen('device-spec-1')
    const bystander = await screen('device-spec-2')

    // The screen learns the device and its report; the device learns it is watched.
    await waitFor('the first watching message', () => s.watching.length > 0)
    expect(s.watching[0]).toMatchObject({ deviceId: 'device-spec-1', online: true, report: REPORT })
    await waitFor('spectated on', () => d.spectated.at(-1) === true)

    d.room.send('pose', POSE)
    d.room.send('view', { subtitle: '这里是八一广场。', progress: 0.25, kind: { stop: 2 } })
    await waitFor('the pose and view relayed', () => s.poses.length > 0 && s.views.length > 0)
    expect(s.poses[0]).toEqual(POSE)
    expect(s.views[0]).toEqual({ subtitle: '这里是八一广场。', progress: 0.25, kind: { stop: 2 } })

    // A report change reaches the screen (it follows the visitor's scene).
    d.room.send('report', { ...REPORT, scene: 'gov-hall', lang: 'en' })
    await waitFor('the new scene', () => s.watching.at(-1)?.report?.scene === 'gov-hall')

    // The other device's screen saw nothing of this device.
    other.room.send('pose', { ...POSE, t: 2000 })
    await waitFor('the other pose', () => bystander.poses.length > 0)
    expect(bystander.poses.every((p) => p.t === 2000)).toBe(true)
    expect(s.poses.every((p) => p.t === 1000)).toBe(true)

    // The screen moves on: the device is told it is no longer watched.
    s.room.send('watch', { deviceId: null })
    await waitFor('spectated off', () => d.spectated.at(-1) === false)
    expect(d.spectated).toEqual([true, false])
  })

  it('tells the screen when its device goes and comes back', async () => {
    const d = await device('device-spec-3')
    const s = await screen('device-spec-3')
    await waitFor('spectated on', () => d.spectated.at(-1) === true)
    await d.room.leave(true)
    await waitFor('offline', () => s.watching.at(-1)?.online === false)
    const back = await device('device-spec-3')
    await waitFor('online again', () => s.watching.at(-1)?.online === true)
    // The returning device is told at once that a screen still watches it.
    await waitFor('spectated on after the return', () => back.spectated.at(-1) === true)
    expect(s.watching.map((w) => w.online)).toEqual([true, false, true])
    expect(back.spectated).toEqual([true])
  })

  it('refuses what a role may not send, and malformed or oversized poses and views', async () => {
    const d = await device('device-spec-4')
    const s = await screen('device-spec-4')
    await waitFor('spectated on', () => d.spectated.at(-1) === true)

    s.room.send('report', REPORT)
    s.room.send('pose', POSE)
    await waitFor('the screen refused twice', () => s.refusals.length >= 2)
    expect(s.refusals.map((r) => r.reason)).toEqual([
      'unknown message type for a spectator',
      'unknown message type for a spectator',
    ])

    d.room.send('watch', { deviceId: 'device-spec-1' })
    d.room.send('pose', { ...POSE, head: [1e9, 0, 0, 0, 0, 0, 1] })
    d.room.send('pose', { ...POSE, inputs: Array.from({ length: 9 }, () => POSE.inputs[0]) })
    d.room.send('view', { subtitle: '', progress: null, kind: { blob: 'x'.repeat(5000) } })
    await waitFor('the device refused four times', () => d.refusals.length >= 4)
    expect(d.refusals.map((r) => r.type)).toEqual(['watch', 'pose', 'pose', 'view'])
    expect(d.refusals[3].reason).toMatch(/too large/)
    // A good pose after them still goes through, and none of the bad ones did.
    d.room.send('pose', { ...POSE, t: 3000 })
    await waitFor('the good pose', () => s.poses.length > 0)
    expect(s.poses.map((p) => p.t)).toEqual([3000])
  })
})

describe('spectator limit', () => {
  // Its own server: the tests above keep their screens in the room until the file ends.
  const limited = venueServerForFile('spectator-limit-it-')
  const join = async () =>
    limited.keep(
      await new Client(limited.url).joinById('venue', {
        role: 'spectator',
        code: TEST_OPERATOR_CODE,
        watch: null,
      }),
    )

  it(`takes ${MAX_SPECTATORS} screens at once, refuses one more, and takes it once a screen has left`, async () => {
    const screens: Room[] = []
    for (let i = 0; i < MAX_SPECTATORS; i++) screens.push(await join())
    await expect(join()).rejects.toThrow(`at most ${MAX_SPECTATORS} spectator screens at once`)
    // Devices are not screens: the venue still takes a device while the screens are full.
    const d = limited.keep(
      await new Client(limited.url).joinById('venue', { deviceId: 'device-limit-1', report: REPORT }),
    )
    d.onMessage('*', () => undefined)
    await screens[0]?.leave(true)
    const ninth = await join()
    expect(ninth.roomId).toBe('venue')
  })
})
