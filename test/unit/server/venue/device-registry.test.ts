// The venue's device registry without a network: presence, stale sessions, command acknowledgements,
// silence and disconnects while a command waits, and the bounds on memory.
import { describe, expect, it } from 'vitest'
import { DeviceRegistry } from '../../../../src/server/venue/device-registry'
import type { DeviceReport, VenueCommand } from '../../../../src/shared/venue/venue-messages'

const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  name: 'A-1',
  scene: null,
  mode: 'desktop',
  lang: 'zh',
  idleSeconds: 0,
  fps: 60,
  version: '0.1.0',
  ...over,
})

/** A registry on a fake clock whose timers run when the test says. */
function rig() {
  let now = 1000
  const timers: { at: number; fn: () => void; cleared: boolean }[] = []
  const registry = new DeviceRegistry({
    ackWaitMs: 5000,
    maxDevices: 3,
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { at: now + ms, fn, cleared: false }
      timers.push(timer)
      return { clear: () => (timer.cleared = true) }
    },
  })
  const sent: { device: string; id: string; command: VenueCommand }[] = []
  const sink = (device: string) => (id: string, command: VenueCommand) => sent.push({ device, id, command })
  const advance = (ms: number) => {
    now += ms
    for (const t of timers)
      if (!t.cleared && t.at <= now) {
        t.cleared = true
        t.fn()
      }
  }
  return { registry, sent, sink, advance }
}

describe('device registry', () => {
  it('lists devices with their latest report, online first, and marks a disconnect offline', () => {
    const { registry, sink } = rig()
    registry.connect('dev-b', 's1', report({ name: 'B' }), sink('dev-b'))
    registry.connect('dev-a', 's2', report({ name: 'A' }), sink('dev-a'))
    expect(registry.report('s1', report({ name: 'B', scene: 'gov-hall', fps: 72 }))).toBe(true)
    registry.disconnect('s2')
    expect(registry.list().map((d) => [d.id, d.online, d.scene])).toEqual([
      ['dev-b', true, 'gov-hall'],
      ['dev-a', false, null],
    ])
  })

  it('ignores a stale session once another connection speaks for the device', () => {
    const { registry, sink } = rig()
    registry.connect('dev-a', 'old', report(), sink('dev-a'))
    registry.connect('dev-a', 'new', report({ scene: 'ruijin' }), sink('dev-a'))
    expect(registry.report('old', report({ scene: 'gov-hall' }))).toBe(false)
    registry.disconnect('old')
    expect(registry.list()).toEqual([expect.objectContaining({ id: 'dev-a', online: true, scene: 'ruijin' })])
  })

  it('keeps the last report when a device reconnects without one', () => {
    const { registry, sink } = rig()
    registry.connect('dev-a', 's1', report({ scene: 'ruijin' }), sink('dev-a'))
    registry.disconnect('s1')
    expect(registry.connect('dev-a', 's2', undefined, sink('dev-a'))).toBe(true)
    expect(registry.list()[0]).toMatchObject({ online: true, scene: 'ruijin' })
    expect(registry.connect('dev-new', 's3', undefined, sink('dev-new'))).toBe(false)
  })

  it('answers a command once its device acknowledged, and remembers the answer on the device', async () => {
    const { registry, sink, sent } = rig()
    registry.connect('dev-a', 's1', report(), sink('dev-a'))
    const result = registry.send({ deviceId: 'dev-a' }, { type: 'lobby' })
    if (!result.ok) throw new Error(result.reason)
    expect(sent).toEqual([{ device: 'dev-a', id: 'c1', command: { type: 'lobby' } }])
    expect(registry.acknowledge('s1', { id: 'c1', ok: true })).toBe(true)
    const response = await result.response
    expect(response).toEqual({
      commandId: 'c1',
      results: [{ deviceId: 'dev-a', commandId: 'c1', type: 'lobby', status: 'acknowledged', at: 1000 }],
    })
    expect(registry.list()[0]?.lastAck?.status).toBe('acknowledged')
    // A second answer to the same command is not waited for.
    expect(registry.acknowledge('s1', { id: 'c1', ok: true })).toBe(false)
  })

  it('a broadcast reports a refusal, silence and a device that went offline, each in its words', async () => {
    const { registry, sink, advance } = rig()
    registry.connect('dev-a', 'sa', report(), sink('dev-a'))
    registry.connect('dev-b', 'sb', report(), sink('dev-b'))
    registry.connect('dev-c', 'sc', report(), sink('dev-c'))
    const result = registry.send('all', { type: 'reset' })
    if (!result.ok) throw new Error(result.reason)
    registry.acknowledge('sa', { id: 'c1', ok: false, detail: 'busy' })
    registry.disconnect('sb')
    advance(5000)
    const byDevice = Object.fromEntries((await result.response).results.map((r) => [r.deviceId, r]))
    expect(byDevice['dev-a']).toMatchObject({ status: 'refused', detail: 'busy' })
    expect(byDevice['dev-b']).toMatchObject({ status: 'offline' })
    expect(byDevice['dev-c']).toMatchObject({ status: 'no-answer' })
  })

  it('keeps a late answer as the device’s last acknowledgement, once, after the command answered "no answer"', async () => {
    const { registry, sink, advance } = rig()
    registry.connect('dev-a', 'sa', report(), sink('dev-a'))
    const result = registry.send({ deviceId: 'dev-a' }, { type: 'start-attract' })
    if (!result.ok) throw new Error(result.reason)
    advance(5000)
    expect((await result.response).results[0]).toMatchObject({ status: 'no-answer' })
    expect(registry.list()[0]?.lastAck).toMatchObject({ status: 'no-answer' })
    // The device was busy loading a scene; its answer arrives after the wait.
    expect(registry.acknowledge('sa', { id: 'c1', ok: true })).toBe(true)
    expect(registry.list()[0]?.lastAck).toMatchObject({
      commandId: 'c1',
      type: 'start-attract',
      status: 'acknowledged',
      late: true,
    })
    // Only once, and never for a command it was not sent.
    expect(registry.acknowledge('sa', { id: 'c1', ok: true })).toBe(false)
    expect(registry.acknowledge('sa', { id: 'c9', ok: true })).toBe(false)
  })

  it('refuses a command to an unknown or offline device, and answers a broadcast to nobody at once', async () => {
    const { registry, sink } = rig()
    registry.connect('dev-a', 's1', report({ name: '展台 A-3' }), sink('dev-a'))
    registry.disconnect('s1')
    expect(registry.send({ deviceId: 'nobody' }, { type: 'lobby' })).toMatchObject({ ok: false, status: 404 })
    expect(registry.send({ deviceId: 'dev-a' }, { type: 'lobby' })).toMatchObject({
      ok: false,
      status: 409,
      reason: 'device "展台 A-3" is offline',
    })
    const none = registry.send('all', { type: 'lobby' })
    expect(none.ok && (await none.response).results).toEqual([])
  })

  it('forgets the longest-offline devices beyond its bound, never an online one', () => {
    const { registry, sink, advance } = rig()
    for (const [i, id] of ['d1', 'd2', 'd3'].entries()) {
      registry.connect(id, `s${i}`, report(), sink(id))
      advance(10)
    }
    registry.disconnect('s1') // d2 goes offline first
    advance(10)
    registry.disconnect('s0') // then d1
    registry.connect('d4', 's4', report(), sink('d4'))
    expect(
      registry
        .list()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['d1', 'd3', 'd4'])
  })
})
