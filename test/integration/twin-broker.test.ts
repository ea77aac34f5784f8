// The twin server end to end in Node: the real server (fastify + aedes over WebSocket + simulator +
// SQLite) on a free port, driven by a real mqtt.js client. Every wait is on an MQTT message or a resolved
// publish, never on the clock. Over 300 lines: three server setups (live, restart, 1000 sensors) share helpers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mqtt, { type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldSensorLayout } from '../../src/shared/twin/field-sensor-layout'
import {
  HistoryResponse,
  InspectionListResponse,
  InspectionSavedResponse,
  ParksResponse,
  TwinErrorResponse,
} from '../../src/shared/twin/http-contracts'
import { connect, DEVICE, OPERATOR, startTwinServer, until } from './twin-harness'

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
    await until(client, () => expected.every((t) => latest.has(t)), 'every asset metric')
    const first = latest.get('park/demo/factory/power')!
    expect(first.v).toBeGreaterThan(0)
    await until(client, () => latest.get('park/demo/factory/power')!.ts > first.ts, 'a newer factory power')
    // A late viewer gets the retained state on subscribing: every topic arrives as a retained message (a
    // live tick may overtake one of them; the flag, not the order, shows where each came from).
    const late = await connect(run.server)
    clients.push(late.client)
    await until(
      late.client,
      () => expected.every((t) => late.retained.has(t)),
      'every metric as a retained message for a late viewer',
    )
  })

  it('a spike raises the critical alert after its hold time', async () => {
    const { client, latest } = await connect(run.server)
    clients.push(client)
    await until(client, () => latest.get('park/demo/factory/alarm'), 'the factory alarm level')
    expect(latest.get('park/demo/factory/alarm')!.v).toBeLessThan(3)
    const spikeAt = Date.now()
    expect(run.twin.simulators.get('demo')!.injectSpike('factory', 60, 1.2)).toBe(true)
    await until(client, () => latest.get('park/demo/factory/power')!.v > 1500, 'the spike in factory power')
    const alarm = await until(
      client,
      () => {
        const r = latest.get('park/demo/factory/alarm')!
        return r.v === 3 ? r : undefined
      },
      'factory alarm level 3',
    )
    // Not before the rule's 5 s hold.
    expect(alarm.ts - spikeAt).toBeGreaterThanOrEqual(4500)
  })

  it("an operator's command is acknowledged and changes the data", async () => {
    const { client, latest } = await connect(run.server, OPERATOR)
    clients.push(client)
    await until(client, () => latest.get('park/demo/office-a/hvacOn')?.v === 1, 'office-a HVAC on')
    const before = latest.get('park/demo/office-a/power')!.v
    await client.publishAsync(
      'park/demo/office-a/cmd',
      JSON.stringify({ id: 'cmd-1', control: 'hvac', value: 0, ts: Date.now() }),
    )
    const ack = await until(
      client,
      () => latest.get('park/demo/office-a/ack') as unknown as { id: string; ok: boolean } | undefined,
      'the ack of cmd-1',
    )
    expect(ack).toMatchObject({ id: 'cmd-1', ok: true })
    await until(client, () => latest.get('park/demo/office-a/hvacOn')?.v === 0, 'office-a HVAC off')
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
    // The broker handles one connection's publishes in order: once cmd-3 is acked, cmd-2 was dropped.
    await until(
      client,
      () => (latest.get('park/demo/office-a/ack') as unknown as { id: string }).id === 'cmd-3',
      'the ack of cmd-3',
    )
    expect(latest.has('park/demo/energy-station/ack')).toBe(false)
  })

  it('drops garbage with one warning per topic, and the broker and the sender survive', async () => {
    const watcher = await connect(run.server)
    const sender = await connect(run.server, DEVICE)
    clients.push(watcher.client, sender.client)
    await until(watcher.client, () => watcher.latest.get('park/demo/office-b/humidity'), 'office-b humidity')
    const garbage: Array<[string, string]> = [
      ['park/demo/office-b/power', '{not json'],
      ['park/demo/office-b/temperature', JSON.stringify({ v: 'warm', ts: Date.now() })],
      ['park/demo/moon-base/power', JSON.stringify({ v: 1, ts: Date.now() })],
      ['park/demo/office-b/humidity', JSON.stringify({ v: 900, ts: Date.now() })],
      ['park/demo/office-b/cmd', JSON.stringify({ id: 'fake', control: 'hvac', value: 0, ts: Date.now() })],
    ]
    const warningsBefore = run.warn.mock.calls.length
    // QoS 1: each publish resolves on the broker's PUBACK, which aedes sends after authorizePublish (where
    // the drop is logged) has run; so once these resolve, every warning there will be is in the spy.
    for (let round = 0; round < 3; round++) {
      for (const [topic, body] of garbage)
        await sender.client.publishAsync(topic, body, { qos: 1, retain: true })
    }
    const dropWarnings = run.warn.mock.calls
      .slice(warningsBefore)
      .filter((c) => String(c[1]).includes('dropped an invalid'))
    expect(dropWarnings.map((c) => (c[0] as { topic: string }).topic).sort()).toEqual(
      garbage.map(([t]) => t).sort(),
    )
    // A simulator tick published after the garbage reaches the watcher after anything the garbage could
    // have caused; by then nothing of it has arrived.
    const publishedAt = Date.now()
    await until(
      watcher.client,
      () => (watcher.latest.get('park/demo/office-b/power')?.ts ?? 0) > publishedAt,
      'a simulator tick after the garbage (watcher)',
    )
    expect(watcher.heard).not.toContain('park/demo/moon-base/power')
    expect(watcher.latest.get('park/demo/office-b/humidity')!.v).toBeLessThanOrEqual(100)
    expect(watcher.latest.get('park/demo/office-b/cmd')).toBeUndefined()
    // The sender is still connected and still hears the park; a new viewer can join.
    expect(sender.client.connected).toBe(true)
    await until(
      sender.client,
      () => (sender.latest.get('park/demo/office-b/power')?.ts ?? 0) > publishedAt,
      'a simulator tick after the garbage (sender)',
    )
    const fresh = await connect(run.server)
    clients.push(fresh.client)
    // Nothing of the garbage was retained.
    await until(fresh.client, () => fresh.latest.get('park/demo/office-b/humidity'), 'retained humidity')
    expect(fresh.latest.get('park/demo/office-b/humidity')!.v).toBeLessThanOrEqual(100)
    expect(fresh.latest.has('park/demo/moon-base/power')).toBe(false)
  })

  it('answers a malformed request with 400 naming what is wrong, an unknown park with 404', async () => {
    const base = run.server.url
    const cases: Array<[string, RequestInit | undefined, string]> = [
      ['/api/twin/demo/history?step=0', undefined, 'query.step'],
      ['/api/twin/demo/history?step=abc', undefined, 'query.step'],
      ['/api/twin/demo/history?from=2000&to=1000', undefined, 'query.from: from must not be after to'],
      ['/api/twin/demo/history?asset=..%2Fetc', undefined, 'query.asset'],
      ['/api/twin/demo/history?colour=red', undefined, 'query'],
      ['/api/twin/Bad_Park!/history', undefined, 'params.park'],
      ['/api/twin/demo/inspections/7.xlsx', undefined, 'params.file'],
      [
        '/api/twin/demo/inspections',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-operator-code': OPERATOR.password },
          body: '{"inspector":""}',
        },
        'body.inspector',
      ],
      [
        '/api/twin/demo/inspections',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-operator-code': OPERATOR.password },
          body: JSON.stringify({ inspector: 'x', startedAt: 1, finishedAt: 2, items: [], extra: 1 }),
        },
        'body',
      ],
    ]
    for (const [path, init, expected] of cases) {
      const res = await fetch(`${base}${path}`, init)
      const body = TwinErrorResponse.parse(await res.json())
      expect({ path, status: res.status, error: body.error }).toMatchObject({ path, status: 400 })
      expect(body.error, path).toContain(expected)
    }
    const unknown = await fetch(`${base}/api/twin/moon/history`)
    expect(unknown.status).toBe(404)
    expect(TwinErrorResponse.parse(await unknown.json()).error).toContain('moon')
    // A well-formed request gets an answer that satisfies the contract the viewer parses it with.
    const history = HistoryResponse.parse(
      await (await fetch(`${base}/api/twin/demo/history?asset=factory&step=2`)).json(),
    )
    expect(history.points.every(([asset]) => asset === 'factory')).toBe(true)
    expect(ParksResponse.parse(await (await fetch(`${base}/api/twin/parks`)).json()).parks).toContain('demo')
  })

  it('saves an inspection report and exports it as CSV', async () => {
    const base = run.server.url
    const now = Date.now()
    const bad = await fetch(`${base}/api/twin/demo/inspections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-operator-code': OPERATOR.password },
      body: '{"inspector":""}',
    })
    expect(bad.status).toBe(400)
    const res = await fetch(`${base}/api/twin/demo/inspections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-operator-code': OPERATOR.password },
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
    const { id, csv } = InspectionSavedResponse.parse(await res.json())
    const list = InspectionListResponse.parse(await (await fetch(`${base}/api/twin/demo/inspections`)).json())
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
      // What the recorder took in is what the database holds after the close (it flushes there), so the
      // last recorded factory power is what the second life must re-seed, whatever the viewer last heard.
      let lastRecordedPower = 0
      const record = first.twin.recorder.record.bind(first.twin.recorder)
      first.twin.recorder.record = (park, asset, metric, ts, v) => {
        if (asset === 'factory' && metric === 'power') lastRecordedPower = Math.max(lastRecordedPower, ts)
        record(park, asset, metric, ts, v)
      }
      const a = await connect(first.server)
      await until(a.client, () => a.latest.get('park/demo/factory/energyToday'), 'factory energy')
      // Two more ticks recorded, so there is history to serve.
      const firstTs = a.latest.get('park/demo/factory/power')!.ts
      await until(a.client, () => a.latest.get('park/demo/factory/power')!.ts > firstTs, 'a second tick')
      const secondTs = a.latest.get('park/demo/factory/power')!.ts
      await until(a.client, () => a.latest.get('park/demo/factory/power')!.ts > secondTs, 'a third tick')
      await a.client.endAsync(true)
      await first.server.close()
      const stoppedAt = Date.now()
      expect(lastRecordedPower).toBeGreaterThan(secondTs)

      // Second life without the simulator: everything a viewer sees must come from the database.
      const second = await startTwinServer(dataDir, false)
      try {
        const res = await fetch(`${second.server.url}/api/twin/demo/history?from=${stoppedAt - 3600_000}`)
        const body = HistoryResponse.parse(await res.json())
        const factoryPower = body.points.filter(
          ([asset, metric]) => asset === 'factory' && metric === 'power',
        )
        expect(factoryPower.length).toBeGreaterThan(0)
        expect(factoryPower.every(([, , ts]) => ts <= stoppedAt)).toBe(true)
        expect(
          body.points.some(([asset, metric]) => asset === 'ev-chargers' && metric === 'chargersInUse'),
        ).toBe(true)
        const b = await connect(second.server)
        const seeded = await until(b.client, () => b.latest.get('park/demo/factory/power'), 're-seeded power')
        expect(seeded.ts).toBe(lastRecordedPower)
        expect(b.retained.has('park/demo/factory/power')).toBe(true)
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
    const batches: Array<{ ts: number; v: number[]; retained: boolean }> = []
    const sim = run.twin.simulators.get('demo')!
    // Every simulator tick, by its payload time: the batches must match them one to one.
    const ticks: number[] = []
    const tick = sim.tick.bind(sim)
    sim.tick = () => {
      tick()
      ticks.push(sim.lastTickAt)
    }
    const client = await mqtt.connectAsync(`ws://127.0.0.1:${run.server.port}/mqtt`, { reconnectPeriod: 0 })
    clients.push(client)
    client.on('message', (t, payload, packet) => {
      if (t === topic)
        batches.push({
          ...(JSON.parse(payload.toString()) as { ts: number; v: number[] }),
          retained: packet.retain,
        })
    })
    await client.subscribeAsync(topic)
    // The retained batch comes on subscribing (not by a tick; a live one may overtake it), then one per tick.
    await until(client, () => batches.filter((b) => !b.retained).length >= 5, 'five live batches', 30_000)
    expect(batches.filter((b) => b.retained)).toHaveLength(1)
    for (const b of batches) {
      expect(b.v).toHaveLength(1000)
      expect(b.v.every((v) => Number.isFinite(v) && v > -50 && v < 100)).toBe(true)
    }
    // One batch per tick: every live batch carries the time of a tick, none twice, in order.
    const fresh = batches.filter((b) => !b.retained)
    expect(fresh.map((b) => b.ts)).toEqual(
      ticks.slice(ticks.indexOf(fresh[0].ts), ticks.indexOf(fresh[0].ts) + fresh.length),
    )
    // And ticks run at 1 Hz: never two within a second (a busy machine can only make them later).
    for (let i = 1; i < fresh.length; i++) expect(fresh[i].ts - fresh[i - 1].ts).toBeGreaterThanOrEqual(950)
    // Readings move between batches.
    expect(fresh.at(-1)!.v).not.toEqual(fresh[0].v)
    // The simulator and the viewer share one layout: same count, same first point.
    const layout = run.twin.simulators.get('demo')!.fieldLayout
    expect(layout).toEqual(fieldSensorLayout(run.twin.parks.get('demo')!, 1000))
  })

  it('drops a bad batch from a client with one warning per topic and keeps the park batch flowing', async () => {
    const topic = 'park/demo/_field/sensors'
    const watcher = await connect(run.server)
    const sender = await connect(run.server, DEVICE)
    clients.push(watcher.client, sender.client)
    const warningsBefore = run.warn.mock.calls.length
    const bad = [
      '{not json',
      JSON.stringify({ ts: Date.now(), v: ['hot'] }),
      JSON.stringify({ ts: Date.now(), v: [999] }),
      JSON.stringify({ ts: Date.now(), v: [20], extra: true }),
    ]
    await until(watcher.client, () => watcher.latest.get(topic), 'the retained batch')
    // QoS 1 resolves after authorizePublish has run (and logged), so the warnings are all in by now.
    for (const body of bad) await sender.client.publishAsync(topic, body, { qos: 1, retain: true })
    const drops = run.warn.mock.calls
      .slice(warningsBefore)
      .filter((c) => String(c[1]).includes('dropped an invalid'))
    expect(drops.map((c) => (c[0] as { topic: string }).topic)).toEqual([topic])
    const t = watcher.latest.get(topic)!.ts
    await until(watcher.client, () => watcher.latest.get(topic)!.ts > t, 'the next park batch')
    expect((watcher.latest.get(topic) as unknown as { v: number[] }).v).toHaveLength(1000)
    expect(sender.client.connected).toBe(true)
  })
})
