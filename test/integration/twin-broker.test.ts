// The twin server end to end in Node: the real server (fastify + aedes over WebSocket + simulator +
// SQLite) on a free port, driven by a real mqtt.js client.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import mqtt, { type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import type { ServerContext } from '../../src/server/module'
import { createTwinModule, type TwinModule } from '../../src/server/twin/twin-module'
import { fieldSensorLayout } from '../../src/shared/twin/field-sensor-layout'

process.env.LOG_LEVEL = 'warn'

interface Reading {
  v: number
  ts: number
}

async function startTwinServer(dataDir: string, simulator = true, fieldSensors = 0) {
  let twin: TwinModule | undefined
  let warn: (((...args: unknown[]) => void) & { mock: { calls: unknown[][] } }) | undefined
  const config = {
    ...readConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenesDir: resolve('scenes'),
    simulator,
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
      twin = await createTwinModule(ctx, { flushMs: 500, fieldSensors })
      return twin
    },
  ])
  return { server, twin: twin!, warn: warn! }
}

/** A connected client that keeps the latest reading of every topic it hears. */
async function connect(server: RunningServer) {
  const client = await mqtt.connectAsync(`ws://127.0.0.1:${server.port}/mqtt`, {
    reconnectPeriod: 0,
    connectTimeout: 5000,
  })
  const latest = new Map<string, Reading>()
  const heard: string[] = []
  client.on('message', (topic, payload) => {
    heard.push(topic)
    try {
      latest.set(topic, JSON.parse(payload.toString()) as Reading)
    } catch {
      latest.set(topic, { v: Number.NaN, ts: 0 })
    }
  })
  await client.subscribeAsync('park/demo/#')
  return { client, latest, heard }
}

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('twin server: broker, simulator, recording', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xr-twin-'))
  let run: Awaited<ReturnType<typeof startTwinServer>>
  const clients: MqttClient[] = []

  beforeAll(async () => {
    run = await startTwinServer(dataDir)
  })
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true)
    await run?.server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('telemetry flows: every asset metric arrives, retained, and keeps updating', async () => {
    const { client, latest } = await connect(run.server)
    clients.push(client)
    const twin = run.twin.parks.get('demo')!
    const expected = twin.assets.flatMap((a) => a.metrics.map((m) => `park/demo/${a.id}/${m}`))
    await waitFor(() => expected.every((t) => latest.has(t)), 5000)
    const first = latest.get('park/demo/factory/power')!
    expect(first.v).toBeGreaterThan(0)
    await waitFor(() => latest.get('park/demo/factory/power')!.ts > first.ts, 3000)
    // A late viewer gets the retained state at once, before the next tick.
    const late = await connect(run.server)
    clients.push(late.client)
    await waitFor(() => expected.every((t) => late.latest.has(t)), 900)
  })

  it('a spike raises the critical alert after its hold time', async () => {
    const { client, latest } = await connect(run.server)
    clients.push(client)
    await waitFor(() => latest.get('park/demo/factory/alarm'))
    expect(latest.get('park/demo/factory/alarm')!.v).toBeLessThan(3)
    const spikeAt = Date.now()
    expect(run.twin.simulators.get('demo')!.injectSpike('factory', 60, 1.2)).toBe(true)
    await waitFor(() => latest.get('park/demo/factory/power')!.v > 1500, 3000)
    const alarm = await waitFor(() => {
      const r = latest.get('park/demo/factory/alarm')!
      return r.v === 3 ? r : undefined
    }, 10_000)
    // Not before the rule's 5 s hold.
    expect(alarm.ts - spikeAt).toBeGreaterThanOrEqual(4500)
  })

  it('a command is acknowledged and changes the data', async () => {
    const { client, latest } = await connect(run.server)
    clients.push(client)
    await waitFor(() => latest.get('park/demo/office-a/hvacOn')?.v === 1)
    const before = latest.get('park/demo/office-a/power')!.v
    await client.publishAsync(
      'park/demo/office-a/cmd',
      JSON.stringify({ id: 'cmd-1', control: 'hvac', value: 0, ts: Date.now() }),
    )
    const ack = await waitFor(
      () => latest.get('park/demo/office-a/ack') as unknown as { id: string; ok: boolean } | undefined,
    )
    expect(ack).toMatchObject({ id: 'cmd-1', ok: true })
    await waitFor(() => latest.get('park/demo/office-a/hvacOn')?.v === 0, 3000)
    expect(latest.get('park/demo/office-a/power')!.v).toBeLessThan(before * 0.85)
    // A command for a control the asset does not have is refused by the broker: no ack, no effect.
    await client.publishAsync(
      'park/demo/energy-station/cmd',
      JSON.stringify({ id: 'cmd-2', control: 'hvac', value: 0, ts: Date.now() }),
    )
    await client.publishAsync(
      'park/demo/office-a/cmd',
      JSON.stringify({ id: 'cmd-3', control: 'hvac', value: 1, ts: Date.now() }),
    )
    await waitFor(() => (latest.get('park/demo/office-a/ack') as unknown as { id: string }).id === 'cmd-3')
    expect(latest.has('park/demo/energy-station/ack')).toBe(false)
  })

  it('drops garbage with one warning per topic, and the broker and the sender survive', async () => {
    const watcher = await connect(run.server)
    const sender = await connect(run.server)
    clients.push(watcher.client, sender.client)
    await waitFor(() => watcher.latest.get('park/demo/office-b/humidity'))
    const garbage: Array<[string, string]> = [
      ['park/demo/office-b/power', '{not json'],
      ['park/demo/office-b/temperature', JSON.stringify({ v: 'warm', ts: Date.now() })],
      ['park/demo/moon-base/power', JSON.stringify({ v: 1, ts: Date.now() })],
      ['park/demo/office-b/humidity', JSON.stringify({ v: 900, ts: Date.now() })],
      ['park/demo/office-b/ack', JSON.stringify({ id: 'fake', ok: true, ts: Date.now() })],
    ]
    const warningsBefore = run.warn.mock.calls.length
    for (let round = 0; round < 3; round++) {
      for (const [topic, body] of garbage)
        await sender.client.publishAsync(topic, body, { qos: 1, retain: true })
    }
    await new Promise((r) => setTimeout(r, 300))
    const dropWarnings = run.warn.mock.calls
      .slice(warningsBefore)
      .filter((c) => String(c[1]).includes('dropped an invalid'))
    expect(dropWarnings.map((c) => (c[0] as { topic: string }).topic).sort()).toEqual(
      garbage.map(([t]) => t).sort(),
    )
    expect(watcher.heard).not.toContain('park/demo/moon-base/power')
    expect(watcher.latest.get('park/demo/office-b/humidity')!.v).toBeLessThanOrEqual(100)
    expect(watcher.latest.get('park/demo/office-b/ack')).toBeUndefined()
    // The sender is still connected and still hears the park; a new viewer can join.
    expect(sender.client.connected).toBe(true)
    const t = sender.latest.get('park/demo/office-b/power')!.ts
    await waitFor(() => sender.latest.get('park/demo/office-b/power')!.ts > t, 3000)
    const fresh = await connect(run.server)
    clients.push(fresh.client)
    // Nothing of the garbage was retained.
    await waitFor(() => fresh.latest.get('park/demo/office-b/humidity'))
    expect(fresh.latest.get('park/demo/office-b/humidity')!.v).toBeLessThanOrEqual(100)
    expect(fresh.latest.has('park/demo/moon-base/power')).toBe(false)
  })

  it('saves an inspection report and exports it as CSV', async () => {
    const base = run.server.url
    const now = Date.now()
    const bad = await fetch(`${base}/api/twin/demo/inspections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"inspector":""}',
    })
    expect(bad.status).toBe(400)
    const res = await fetch(`${base}/api/twin/demo/inspections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        inspector: '张工',
        startedAt: now - 60_000,
        finishedAt: now,
        items: [
          {
            asset: 'factory',
            result: 'fail',
            note: '=cmd|calc',
            readings: { power: 1712 },
            anomalies: ['power-over-contract'],
            checkedAt: now - 30_000,
          },
          { asset: 'datacenter', result: 'pass', readings: { temperature: 23.1 }, checkedAt: now },
        ],
      }),
    })
    expect(res.status).toBe(201)
    const { id, csv } = (await res.json()) as { id: number; csv: string }
    const list = (await (await fetch(`${base}/api/twin/demo/inspections`)).json()) as {
      reports: Array<{ id: number; passCount: number; failCount: number }>
    }
    expect(list.reports[0]).toMatchObject({ id, passCount: 1, failCount: 1 })
    const file = await fetch(`${base}${csv}`)
    expect(file.headers.get('content-type')).toContain('text/csv')
    const text = await file.text()
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('智能制造车间 / Smart factory')
    expect(lines[1]).toContain(',fail,')
    expect(lines[1]).toContain(`"'=cmd|calc"`)
    expect(lines[2]).toContain('temperature=23.1')
  })
})

describe('twin server: history across a restart', () => {
  it('keeps recorded telemetry and re-seeds retained values after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xr-twin-restart-'))
    try {
      const first = await startTwinServer(dataDir)
      const a = await connect(first.server)
      await waitFor(() => a.latest.get('park/demo/factory/energyToday'))
      await new Promise((r) => setTimeout(r, 1500))
      const lastPower = a.latest.get('park/demo/factory/power')!
      await a.client.endAsync(true)
      await first.server.close()
      const stoppedAt = Date.now()

      // Second life without the simulator: everything a viewer sees must come from the database.
      const second = await startTwinServer(dataDir, false)
      try {
        const res = await fetch(`${second.server.url}/api/twin/demo/history?from=${stoppedAt - 3600_000}`)
        const body = (await res.json()) as { points: Array<[string, string, number, number]> }
        const factoryPower = body.points.filter(
          ([asset, metric]) => asset === 'factory' && metric === 'power',
        )
        expect(factoryPower.length).toBeGreaterThan(0)
        expect(factoryPower.every(([, , ts]) => ts <= stoppedAt)).toBe(true)
        expect(
          body.points.some(([asset, metric]) => asset === 'ev-chargers' && metric === 'chargersInUse'),
        ).toBe(true)
        const b = await connect(second.server)
        const seeded = await waitFor(() => b.latest.get('park/demo/factory/power'), 3000)
        expect(seeded.ts).toBe(lastPower.ts)
        await b.client.endAsync(true)
      } finally {
        await second.server.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('twin server: 1000 field sensors', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xr-twin-sensors-'))
  let run: Awaited<ReturnType<typeof startTwinServer>>
  const clients: MqttClient[] = []

  beforeAll(async () => {
    run = await startTwinServer(dataDir, true, 1000)
  })
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true)
    await run?.server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('publishes one retained batch of 1000 readings per second, laid out as every viewer draws them', async () => {
    const topic = 'park/demo/_field/sensors'
    const batches: Array<{ ts: number; v: number[]; at: number }> = []
    const client = await mqtt.connectAsync(`ws://127.0.0.1:${run.server.port}/mqtt`, { reconnectPeriod: 0 })
    clients.push(client)
    client.on('message', (t, payload) => {
      if (t === topic)
        batches.push({ ...(JSON.parse(payload.toString()) as { ts: number; v: number[] }), at: Date.now() })
    })
    await client.subscribeAsync(topic)
    // The retained batch arrives at once, then one per tick.
    await waitFor(() => batches.length >= 1, 900)
    await waitFor(() => batches.length >= 6, 8000)
    for (const b of batches) {
      expect(b.v).toHaveLength(1000)
      expect(b.v.every((v) => Number.isFinite(v) && v > -50 && v < 100)).toBe(true)
    }
    // 1 Hz on the payload clock: consecutive fresh batches are a second apart (±0.25 s).
    const fresh = batches.slice(1)
    const gaps = fresh.slice(1).map((b, i) => b.ts - fresh[i].ts)
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(750)
      expect(gap).toBeLessThanOrEqual(1250)
    }
    // Readings move between batches.
    expect(fresh.at(-1)!.v).not.toEqual(fresh[0].v)
    // The simulator and the viewer share one layout: same count, same first point.
    const layout = run.twin.simulators.get('demo')!.fieldLayout
    expect(layout).toEqual(fieldSensorLayout(run.twin.parks.get('demo')!, 1000))
  })

  it('drops a bad batch from a client with one warning per topic and keeps the park batch flowing', async () => {
    const topic = 'park/demo/_field/sensors'
    const watcher = await connect(run.server)
    const sender = await connect(run.server)
    clients.push(watcher.client, sender.client)
    const warningsBefore = run.warn.mock.calls.length
    const bad = [
      '{not json',
      JSON.stringify({ ts: Date.now(), v: ['hot'] }),
      JSON.stringify({ ts: Date.now(), v: [999] }),
      JSON.stringify({ ts: Date.now(), v: [20], extra: true }),
    ]
    for (const body of bad) await sender.client.publishAsync(topic, body, { qos: 1, retain: true })
    await new Promise((r) => setTimeout(r, 300))
    const drops = run.warn.mock.calls
      .slice(warningsBefore)
      .filter((c) => String(c[1]).includes('dropped an invalid'))
    expect(drops.map((c) => (c[0] as { topic: string }).topic)).toEqual([topic])
    const t = watcher.latest.get(topic)!.ts
    await waitFor(() => watcher.latest.get(topic)!.ts > t, 3000)
    expect((watcher.latest.get(topic) as unknown as { v: number[] }).v).toHaveLength(1000)
    expect(sender.client.connected).toBe(true)
  })
})
