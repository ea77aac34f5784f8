// The one-process server's HTTP side against the real built app: health, scene list, caching,
// compression, HTTPS with a kept self-signed certificate, refusal of unclaimed WebSockets, and the
// `npm start` entry as its own process (the shared spawn helper the other tests and load runs use).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, startServer } from '../../src/server/app'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import { emptyDistDir, testServerConfig } from '../support/server-config'
import { spawnServer } from '../support/spawn-server'

const hasDist = existsSync(resolve('dist/index.html'))
const dataDir = mkdtempSync(join(tmpdir(), 'xr-http-'))
const config = (https = false) => testServerConfig(dataDir, { https })

let server: RunningServer
beforeAll(async () => {
  if (!hasDist) return
  server = await startServer(config(), [createStaticFilesModule])
})
afterAll(async () => {
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe.runIf(hasDist)('server over HTTP', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true })
  })

  it('lists the scene folders live and serves them uncached', async () => {
    const res = await fetch(`${server.url}/scenes/index.json`)
    const { scenes } = (await res.json()) as { scenes: string[] }
    expect(scenes).toEqual(expect.arrayContaining(['red-tourism', 'gov-hall', 'twin-park', 'classroom']))
    const scene = await fetch(`${server.url}/scenes/gov-hall/scene.json`)
    expect(scene.headers.get('cache-control')).toBe('no-cache')
    expect(((await scene.json()) as { id: string }).id).toBe('gov-hall')
  })

  it('caches hashed assets forever and the HTML shell never, and compresses', async () => {
    const html = await fetch(`${server.url}/`)
    expect(html.headers.get('cache-control')).toBe('no-cache')
    expect(await html.text()).toContain('<div id="root">')
    const asset = readdirSync('dist/assets').find((f) => f.endsWith('.js'))!
    const res = await fetch(`${server.url}/assets/${asset}`, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('content-encoding')).toMatch(/gzip|br/)
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  it('refuses a WebSocket upgrade on a path no module claims', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/nowhere`)
    const outcome = await new Promise<string>((done) => {
      ws.on('open', () => done('open'))
      ws.on('error', () => done('refused'))
      ws.on('unexpected-response', () => done('refused'))
    })
    expect(outcome).toBe('refused')
  })
})

describe.runIf(hasDist)('server over HTTPS', () => {
  it('makes a self-signed certificate on first start and keeps it for the next', async () => {
    const first = await startServer({ ...config(true) }, [createStaticFilesModule])
    const cert = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8')
    const status = await new Promise<number>((done, fail) => {
      request(`${first.url}/healthz`, { rejectUnauthorized: false }, (res) => done(res.statusCode ?? 0))
        .on('error', fail)
        .end()
    })
    expect(status).toBe(200)
    await first.close()
    const second = await startServer({ ...config(true) }, [createStaticFilesModule])
    expect(readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8')).toBe(cert)
    await second.close()
  })
})

describe('server as its own process (src/server/main.ts)', () => {
  it('listens on a free port it picks itself, answers /healthz, and exits on SIGTERM', async () => {
    const childData = mkdtempSync(join(tmpdir(), 'xr-spawn-'))
    const distDir = emptyDistDir()
    const child = await spawnServer({
      config: testServerConfig(childData, { distDir, simulator: false, teacherCode: '112233' }),
    })
    try {
      expect(child.port).toBeGreaterThan(0)
      expect(child.output()).toContain('Teacher code (classroom): 112233')
      const res = await fetch(`${child.url}/healthz`)
      expect(res.status).toBe(200)
    } finally {
      await child.stop()
      rmSync(childData, { recursive: true, force: true })
      rmSync(distDir, { recursive: true, force: true })
    }
    expect(child.child.exitCode ?? child.child.signalCode).not.toBeNull()
  })
})
