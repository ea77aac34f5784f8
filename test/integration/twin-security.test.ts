// The twin's broker and history against hostile or failing conditions, on the real broker and server: who
// may publish or command what, the clock-skew rule, one packet trickled over many WebSocket frames, history
// on a failing disk, and the credentials checked at start.
// Over 300 lines on purpose: the broker's trust rules in one place, beside the fixtures they share.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../../src/server/twin/broker-access'
import { MAX_PENDING_ROWS } from '../../src/server/twin/telemetry-recorder'
import { MAX_AHEAD_MS } from '../../src/shared/twin/reading-clock'
import { emptyDistDir, testServerConfig } from '../support/server-config'
import { runServerUntilExit, type SpawnedServer, spawnServer } from '../support/spawn-server'
import { connect, DEVICE, OPERATOR, type Reading, startTwinServer, until } from './twin-harness'

type Run = Awaited<ReturnType<typeof startTwinServer>>
const clients: MqttClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) await c.endAsync(true).catch(() => undefined)
})

const mqttUrl = (port: number) => `ws://127.0.0.1:${port}/mqtt`

/** Connects and returns the CONNACK outcome instead of throwing: the return code of a refusal. */
async function tryConnect(port: number, options: IClientOptions): Promise<number> {
  try {
    const client = await mqtt.connectAsync(mqttUrl(port), {
      reconnectPeriod: 0,
      connectTimeout: 5000,
      ...options,
    })
    clients.push(client)
    return 0
  } catch (error) {
    return (error as { code?: number }).code ?? -1
  }
}

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.disconnected) resolve()
    else client.once('close', () => resolve())
  })
}

/** The warn lines logged with this message since `from`. */
function warned(run: Run, message: string, from = 0) {
  return run.warn.mock.calls.slice(from).filter((c) => String(c[1]).includes(message))
}

/** The SUBACK codes for these filters (mqtt.js rejects on any 0x80, with the SUBACK attached). */
async function granted(client: MqttClient, topics: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(topics)).map((g) => g.qos)
  } catch (error) {
    const suback = (error as { packet?: { granted?: number[] } }).packet
    if (!suback?.granted) throw error
    return suback.granted
  }
}

async function retainedTopics(run: Run): Promise<string[]> {
  const persistence = (
    run.twin.broker as unknown as {
      persistence: { createRetainedStream(pattern: string): AsyncIterable<{ topic: string }> }
    }
  ).persistence
  const topics: string[] = []
  for await (const packet of persistence.createRetainedStream('#')) topics.push(packet.topic)
  return topics
}

describe('twin broker: who may do what', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twin-sec-'))
  let run: Run

  beforeAll(async () => {
    run = await startTwinServer(
      dataDir,
      true,
      0,
      { twinAllowedOrigins: ['http://kiosk.venue.lan'] },
      { warnings: { perWindow: 20, windowMs: 1500 } },
    )
  })
  afterAll(async () => {
    await run?.server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses an anonymous HVAC command: the connection is closed and the HVAC stays on', async () => {
    const watcher = await connect(run.server)
    clients.push(watcher.client)
    await until(watcher.client, () => watcher.latest.get('park/demo/datacenter/hvacOn')?.v === 1, 'HVAC on')
    const anonymous = await mqtt.connectAsync(mqttUrl(run.server.port), { reconnectPeriod: 0 })
    clients.push(anonymous)
    const gone = closed(anonymous)
    anonymous.publish(
      'park/demo/datacenter/cmd',
      JSON.stringify({ id: 'evil-1', control: 'hvac', value: 0, ts: Date.now() }),
      { qos: 1 },
    )
    await gone
    const refusedAt = Date.now()
    // Two simulator ticks later the data centre's HVAC is still on and nobody heard an ack.
    const later = await until(
      watcher.client,
      () => {
        const r = watcher.latest.get('park/demo/datacenter/hvacOn')
        return r && r.ts > refusedAt + 1000 ? r : undefined
      },
      'an HVAC reading two ticks after the refusal',
    )
    expect(later.v).toBe(1)
    expect(watcher.heard).not.toContain('park/demo/datacenter/ack')
    expect(
      warned(run, 'dropped an invalid').some(
        (c) => (c[0] as { reason: string }).reason === 'viewers may not publish',
      ),
    ).toBe(true)
  })

  it('needs the operator code for an inspection report and refuses a large one with 413', async () => {
    const post = (body: string, code?: string) =>
      fetch(`${run.server.url}/api/twin/demo/inspections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(code ? { 'x-operator-code': code } : {}) },
        body,
      })
    const now = Date.now()
    const report = JSON.stringify({
      inspector: 'x',
      startedAt: now - 1000,
      finishedAt: now,
      items: [{ asset: 'factory', result: 'pass', readings: {}, checkedAt: now }],
    })
    expect((await post(report)).status).toBe(403)
    const huge = JSON.stringify({ inspector: 'x'.repeat(1024 * 1024) })
    expect((await post(huge)).status).toBe(403)
    expect((await post(huge, OPERATOR.password)).status).toBe(413)
    expect((await post(report, OPERATOR.password)).status).toBe(201)
  })
  it('takes a command from the operator, refuses a wrong operator code and locks out a guesser', async () => {
    const operator = await connect(run.server, OPERATOR)
    clients.push(operator.client)
    await operator.client.publishAsync(
      'park/demo/warehouse/cmd',
      JSON.stringify({ id: 'op-1', control: 'lighting', value: 0, ts: Date.now() }),
      { qos: 1 },
    )
    const ack = await until(
      operator.client,
      () =>
        operator.latest.get('park/demo/warehouse/ack') as unknown as { id: string; ok: boolean } | undefined,
      'the ack of op-1',
    )
    expect(ack).toMatchObject({ id: 'op-1', ok: true })
    // 5 wrong codes lock this address out: the 5th and then even the right code are refused as "not authorised".
    const codes: number[] = []
    for (let i = 0; i < 5; i++)
      codes.push(await tryConnect(run.server.port, { username: 'operator', password: `00000${i}` }))
    expect(codes).toEqual([4, 4, 4, 4, 5])
    expect(await tryConnect(run.server.port, OPERATOR)).toBe(5)
    // A made-up user name and a device without its password are refused too.
    expect(await tryConnect(run.server.port, { username: 'admin', password: 'admin' })).toBe(4)
    expect(await tryConnect(run.server.port, { username: DEVICE.username, password: 'wrong-password' })).toBe(
      4,
    )
  })

  it('lets a viewer subscribe to its park only: #, $SYS, other parks and foreign topics are refused', async () => {
    const viewer = await mqtt.connectAsync(mqttUrl(run.server.port), { reconnectPeriod: 0 })
    clients.push(viewer)
    const refused = ['#', '$SYS/#', 'park/#', '+/demo/#', 'park/moon/#', 'other/topic', '$dropped/#']
    expect(await granted(viewer, [...refused, 'park/demo/#'])).toEqual([...refused.map(() => 128), 0])
    // At most MAX_SUBSCRIPTIONS_PER_CLIENT filters per client.
    const many = Array.from(
      { length: MAX_SUBSCRIPTIONS_PER_CLIENT + 2 },
      (_, i) => `park/demo/asset-${i}/power`,
    )
    const answers = await granted(viewer, many)
    expect(answers.filter((qos) => qos === 128)).toHaveLength(3)
  })

  it('refuses the MQTT WebSocket to a page of another origin with 403', async () => {
    const statusFor = (origin: string | undefined) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(mqttUrl(run.server.port), 'mqtt', origin ? { origin } : {})
        ws.once('open', () => {
          ws.close()
          resolve(101)
        })
        ws.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0)
          ws.terminate()
        })
        ws.once('error', () => undefined)
      })
    expect(await statusFor('http://evil.example')).toBe(403)
    expect(await statusFor(`http://localhost.evil.example:${run.server.port}`)).toBe(403)
    expect(await statusFor(`http://127.0.0.1:${run.server.port}`)).toBe(101)
    expect(await statusFor('http://kiosk.venue.lan')).toBe(101)
    // A device or a script outside a browser sends no Origin.
    expect(await statusFor(undefined)).toBe(101)
  })

  it('keeps no offline session: 200 clean=false QoS 1 sessions leave nothing queued on the server', async () => {
    const persistence = (
      run.twin.broker as unknown as {
        persistence: { countOffline(): Promise<{ subsCount: number; clientsCount: number }> }
      }
    ).persistence
    for (let i = 0; i < 200; i++) {
      const c = await mqtt.connectAsync(mqttUrl(run.server.port), {
        reconnectPeriod: 0,
        clean: false,
        clientId: `offline-${i}`,
      })
      await c.subscribeAsync('park/demo/#', { qos: 1 })
      await c.endAsync()
    }
    const offline = await persistence.countOffline()
    expect(offline).toEqual({ subsCount: 0, clientsCount: 0 })
  })

  it('bounds retained messages by the park, and keeps logging new bad topics after a flood of junk topics', async () => {
    const device = await mqtt.connectAsync(mqttUrl(run.server.port), { reconnectPeriod: 0, ...DEVICE })
    clients.push(device)
    const before = run.warn.mock.calls.length
    // 10 500 junk topics, more than the old warning memory of 10 000, all retained.
    for (let i = 0; i < 10_500; i++)
      device.publish(`park/demo/junk-${i}/power`, JSON.stringify({ v: 1, ts: Date.now() }), { retain: true })
    await device.publishAsync('park/demo/junk-last/power', '{}', { qos: 1, retain: true })
    const logged = warned(run, 'dropped an invalid', before)
    expect(logged.length).toBeLessThanOrEqual(20)
    // One summary line per window says how many were not logged one by one.
    await vi.waitFor(() => expect(warned(run, 'more invalid MQTT publishes', before)).toHaveLength(1), {
      timeout: 10_000,
      interval: 100,
    })
    const summary = warned(run, 'more invalid MQTT publishes', before)[0][0] as { suppressed: number }
    expect(summary.suppressed).toBeGreaterThan(10_000)
    // A bad topic after the flood is still logged.
    await device.publishAsync('park/demo/office-a/co2', JSON.stringify({ v: -5, ts: Date.now() }), { qos: 1 })
    expect(warned(run, 'dropped an invalid', before).map((c) => (c[0] as { topic: string }).topic)).toContain(
      'park/demo/office-a/co2',
    )
    // Retained: only the park's own topics (its metrics, the field batch, the server status), nothing of the junk.
    const twin = run.twin.parks.get('demo')!
    const bound = twin.assets.reduce((n, a) => n + a.metrics.length, 0) + 2
    const retained = await retainedTopics(run)
    expect(retained.filter((t) => t.startsWith('park/')).length).toBeLessThanOrEqual(bound)
    expect(retained.some((t) => t.includes('junk'))).toBe(false)
  })
})

describe('twin broker: the skew rule', () => {
  it('never retains, stores or restores a reading dated 2100, and an old reading does not rewrite history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'twin-skew-'))
    const topic = 'park/demo/datacenter/temperature'
    const future = Date.UTC(2100, 0, 1)
    try {
      const first = await startTwinServer(dataDir, false)
      const device = await mqtt.connectAsync(mqttUrl(first.server.port), { reconnectPeriod: 0, ...DEVICE })
      const good = Date.now()
      await device.publishAsync(topic, JSON.stringify({ v: 23.5, ts: good }), { qos: 1, retain: true })
      await device.publishAsync(topic, JSON.stringify({ v: 80, ts: future }), { qos: 1, retain: true })
      // Inside the skew window but older than the last reading on the topic, and far in the past.
      await device.publishAsync(topic, JSON.stringify({ v: 61, ts: good - 30_000 }), { qos: 1, retain: true })
      await device.publishAsync(topic, JSON.stringify({ v: 62, ts: good - 3600_000 }), {
        qos: 1,
        retain: true,
      })
      await device.endAsync()
      const viewer = await connect(first.server)
      const seen = await until(viewer.client, () => viewer.latest.get(topic), 'the retained temperature')
      expect(seen).toEqual({ v: 23.5, ts: good })
      await viewer.client.endAsync(true)
      // The history route flushes the recorder first.
      await fetch(`${first.server.url}/api/twin/demo/history`)
      const rows = first.server.ctx.db
        .prepare('SELECT v, ts FROM twin_samples WHERE asset = ? AND metric = ?')
        .all('datacenter', 'temperature') as Reading[]
      expect(rows).toEqual([{ v: 23.5, ts: good }])
      const refusals = warned(first, 'dropped an invalid').map((c) => (c[0] as { reason: string }).reason)
      expect(refusals).toEqual([expect.stringContaining('ahead of the server clock')])
      await first.server.close()

      // A row dated 2100 that is in the database anyway (from before the rule) is not restored either.
      const second = await startTwinServer(dataDir, false)
      try {
        const b = await connect(second.server)
        const restored = await until(b.client, () => b.latest.get(topic), 'the re-seeded temperature')
        expect(restored.ts).toBeLessThanOrEqual(Date.now() + MAX_AHEAD_MS)
        expect(restored.v).toBe(23.5)
        await b.client.endAsync(true)
      } finally {
        await second.server.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('twin broker: one packet trickled in many WebSocket frames', () => {
  let server: SpawnedServer
  beforeAll(async () => {
    server = await spawnServer({
      config: testServerConfig(mkdtempSync(join(tmpdir(), 'twin-frames-')), { distDir: emptyDistDir() }),
    })
  })
  afterAll(async () => {
    await server?.stop()
  })

  const rssMb = () => {
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  }

  /** Opens a WebSocket, sends CONNECT and a PUBLISH announcing 100 MB, then up to `mb` MB of it in 32 KB frames. */
  function trickle(mb: number): Promise<number> {
    return new Promise((resolve) => {
      const ws = new WebSocket(mqttUrl(server.port), 'mqtt')
      let sent = 0
      const chunk = Buffer.alloc(32 * 1024, 0x61)
      const finish = () => resolve(sent)
      ws.once('close', finish)
      ws.once('error', () => undefined)
      ws.once('open', () => {
        // CONNECT, MQTT 3.1.1, clean session, client id "x".
        ws.send(Buffer.from([0x10, 13, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 2, 0, 60, 0, 1, 0x78]))
        // PUBLISH QoS 0 announcing 100 000 000 bytes: remaining length 0x80 0xc2 0xd7 0x2f.
        ws.send(Buffer.from([0x30, 0x80, 0xc2, 0xd7, 0x2f]))
        const next = () => {
          if (ws.readyState !== WebSocket.OPEN || sent >= mb * 1024 * 1024) return ws.close()
          ws.send(chunk, (error) => {
            if (error) return
            sent += chunk.length
            next()
          })
        }
        next()
      })
    })
  }

  it('closes the connection at the header, and four such connections leave the server under +40 MB', async () => {
    const before = rssMb()
    const sent = await Promise.all([trickle(24), trickle(24), trickle(24), trickle(24)])
    const after = rssMb()
    // Each was cut off long before its 24 MB; without the guard the parser buffered all of them.
    for (const bytes of sent) expect(bytes).toBeLessThan(4 * 1024 * 1024)
    expect(after - before).toBeLessThan(40)
    // The broker still serves viewers.
    const viewer = await mqtt.connectAsync(mqttUrl(server.port), { reconnectPeriod: 0 })
    clients.push(viewer)
    expect(viewer.connected).toBe(true)
  })
})

describe('twin history on a failing disk', () => {
  /** The same way classroom-disk-full does it: the file may not grow, and every sample write needs room. */
  function fillDisk(run: Run) {
    const db = run.server.ctx.db
    db.exec('CREATE TABLE IF NOT EXISTS main.filler (x BLOB)')
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    db.exec(`CREATE TEMP TRIGGER fill_twin BEFORE INSERT ON main.twin_samples
             BEGIN INSERT INTO main.filler VALUES (randomblob(200000)); END`)
  }

  async function statusOf(
    run: Run,
    want: (s: { historySaved: boolean; unsaved: number }) => boolean,
    what: string,
  ) {
    const viewer = await connect(run.server)
    clients.push(viewer.client)
    return until(
      viewer.client,
      () => {
        const s = viewer.latest.get('park/demo/_server/status') as unknown as
          | { historySaved: boolean; unsaved: number }
          | undefined
        return s && want(s) ? s : undefined
      },
      what,
    )
  }

  it('keeps serving on a full disk, tells viewers history is not saved, and saves again when there is room', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'twin-full-'))
    const run = await startTwinServer(dataDir)
    try {
      expect((await statusOf(run, (s) => s.historySaved, 'history saved at start')).unsaved).toBe(0)
      fillDisk(run)
      const unsaved = await statusOf(run, (s) => !s.historySaved && s.unsaved > 0, 'history not saved')
      expect(unsaved.unsaved).toBeLessThanOrEqual(MAX_PENDING_ROWS)
      expect((await fetch(`${run.server.url}/api/twin/parks`)).status).toBe(200)
      // The history route flushes too, and answers instead of failing.
      expect((await fetch(`${run.server.url}/api/twin/demo/history`)).status).toBe(200)
      // Telemetry keeps flowing.
      const viewer = await connect(run.server)
      clients.push(viewer.client)
      const t = Date.now()
      await until(
        viewer.client,
        () => (viewer.latest.get('park/demo/factory/power')?.ts ?? 0) > t,
        'a fresh tick',
      )
      // Room again: the buffered minutes are written and the status says so.
      run.server.ctx.db.exec('DROP TRIGGER fill_twin')
      run.server.ctx.db.pragma('max_page_count = 1073741823')
      await statusOf(run, (s) => s.historySaved, 'history saved again')
      const stored = run.server.ctx.db.prepare('SELECT COUNT(*) AS n FROM twin_samples').get() as {
        n: number
      }
      expect(stored.n).toBeGreaterThan(0)
    } finally {
      await run.server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('keeps serving on a read-only database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'twin-ro-'))
    const run = await startTwinServer(dataDir)
    try {
      run.server.ctx.db.pragma('query_only = ON')
      await statusOf(run, (s) => !s.historySaved, 'history not saved on a read-only database')
      expect((await fetch(`${run.server.url}/api/twin/parks`)).status).toBe(200)
      run.server.ctx.db.pragma('query_only = OFF')
      await statusOf(run, (s) => s.historySaved, 'history saved again')
    } finally {
      await run.server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('twin credentials at start', () => {
  it('refuses an empty or short OPERATOR_CODE and a short device password with one line each', async () => {
    const empty = await runServerUntilExit({ OPERATOR_CODE: '' })
    expect(empty).toEqual({
      code: 1,
      stderr:
        'OPERATOR_CODE is set but empty: set a code of at least 6 characters, or unset it to get a random one.\n',
    })
    expect((await runServerUntilExit({ OPERATOR_CODE: '1234' })).stderr.trim()).toBe(
      'OPERATOR_CODE is too short: use at least 6 characters so it cannot be guessed.',
    )
    expect(
      (await runServerUntilExit({ OPERATOR_CODE: '975310', TWIN_DEVICE_PASSWORD: 'short' })).stderr,
    ).toMatch(/^TWIN_DEVICE_PASSWORD is too short/)
  })

  it('prints the operator code at start', async () => {
    const server = await spawnServer({
      config: testServerConfig(mkdtempSync(join(tmpdir(), 'twin-print-')), {
        distDir: emptyDistDir(),
        operatorCode: '864200',
      }),
    })
    try {
      // Printed right after the teacher-code line the start is recognised by.
      await vi.waitFor(() =>
        expect(server.output()).toContain(
          'Operator code (venue console, big screens, kiosk staff exit, twin controls): 864200',
        ),
      )
    } finally {
      await server.stop()
    }
  })
})
