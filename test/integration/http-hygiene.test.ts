// HTTP hygiene against the real server: security headers on every answer, 500 bodies that give nothing
// away, no dotfiles and no links out of scenes/, and a certificate that lasts as documented and renews.
import { X509Certificate } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { CERT_DAYS, daysLeft, loadOrCreateCertificate } from '../../src/server/http/certificate'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import { emptyDistDir } from '../support/server-config'

const DAY = 24 * 60 * 60 * 1000
let server: RunningServer
let scenesDir: string

beforeAll(async () => {
  process.env.LOG_LEVEL = 'fatal'
  scenesDir = mkdtempSync(join(tmpdir(), 'hygiene-scenes-'))
  cpSync(resolve('scenes/gov-hall'), join(scenesDir, 'gov-hall'), { recursive: true })
  writeFileSync(join(scenesDir, 'gov-hall', '.env'), 'SECRET=1')
  mkdirSync(join(scenesDir, 'gov-hall', '.git'))
  writeFileSync(join(scenesDir, 'gov-hall', '.git', 'config'), '[core]')
  const outside = mkdtempSync(join(tmpdir(), 'hygiene-outside-'))
  writeFileSync(join(outside, 'secret.txt'), 'outside')
  symlinkSync(join(outside, 'secret.txt'), join(scenesDir, 'gov-hall', 'link-out.txt'))
  symlinkSync(outside, join(scenesDir, 'gov-hall', 'dir-out'))
  writeFileSync(join(scenesDir, 'gov-hall', 'inside.txt'), 'inside')
  symlinkSync(join(scenesDir, 'gov-hall', 'inside.txt'), join(scenesDir, 'gov-hall', 'link-in.txt'))
  const failing = () => ({
    name: 'failing',
    register(app: FastifyInstance) {
      app.get('/api/test/fail', async () => {
        throw new Error('ENOENT: open /srv/xr-showcase/data/secret.sqlite')
      })
    },
  })
  server = await startServer(
    {
      ...readConfig([], {}),
      port: 0,
      host: '127.0.0.1',
      dataDir: mkdtempSync(join(tmpdir(), 'hygiene-data-')),
      distDir: emptyDistDir(),
      scenesDir,
      cspConnectSrc: ['wss://broker.venue.lan:8084'],
    },
    [createStaticFilesModule, failing],
  )
})
afterAll(async () => {
  await server?.close()
})

describe('security headers', () => {
  it('are on the app shell, scene files, API errors and 404s', async () => {
    for (const path of ['/', '/scenes/gov-hall/scene.json', '/api/test/fail', '/nope.js']) {
      const res = await fetch(`${server.url}${path}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval' blob:")
      expect(csp, path).toContain("connect-src 'self' data: blob: wss://broker.venue.lan:8084")
      expect(csp, path).not.toContain("'unsafe-eval'")
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
    }
  })
})

describe('errors', () => {
  it('answer 500 with a generic body, never the internal message or path', async () => {
    const res = await fetch(`${server.url}/api/test/fail`)
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(JSON.parse(body)).toEqual({ error: 'internal error' })
    expect(body).not.toMatch(/srv|sqlite|ENOENT|stack/)
  })

  it('still say what is wrong with a client mistake', async () => {
    const res = await fetch(`${server.url}/api/test/fail`, { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await res.text()).toMatch(/not found/i)
  })
})

describe('scene files', () => {
  it('serve ordinary files and links that stay inside scenes/', async () => {
    expect(await (await fetch(`${server.url}/scenes/gov-hall/inside.txt`)).text()).toBe('inside')
    expect(await (await fetch(`${server.url}/scenes/gov-hall/link-in.txt`)).text()).toBe('inside')
  })

  it('never serve dotfiles', async () => {
    for (const path of ['gov-hall/.env', 'gov-hall/.git/config', 'gov-hall/%2Eenv']) {
      const res = await fetch(`${server.url}/scenes/${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).not.toContain('SECRET')
    }
  })

  it('never follow a link out of scenes/', async () => {
    for (const path of [
      'gov-hall/link-out.txt',
      'gov-hall/dir-out/secret.txt',
      'gov-hall/dir%2Dout/secret.txt',
    ]) {
      const res = await fetch(`${server.url}/scenes/${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).not.toContain('outside')
    }
  })
})

describe('self-signed certificate', () => {
  it(`lasts ${CERT_DAYS} days`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-'))
    const { cert } = await loadOrCreateCertificate(dir, ['localhost', '127.0.0.1'])
    const validTo = Date.parse(new X509Certificate(cert).validTo)
    expect(Math.round((validTo - Date.now()) / DAY)).toBeGreaterThanOrEqual(CERT_DAYS - 1)
    expect(daysLeft(cert)).toBeGreaterThanOrEqual(CERT_DAYS - 1)
  })

  it('is kept while it has time left and made anew shortly before it expires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-renew-'))
    const first = await loadOrCreateCertificate(dir, ['localhost'])
    expect((await loadOrCreateCertificate(dir, ['localhost'])).cert).toBe(first.cert)
    // A certificate with ten days left, as selfsigned's old one-year default would be after 355 days.
    const soon = await generate([{ name: 'commonName', value: 'XR Showcase' }], {
      keySize: 2048,
      notAfterDate: new Date(Date.now() + 10 * DAY),
    })
    writeFileSync(join(dir, 'tls', 'cert.pem'), soon.cert)
    writeFileSync(join(dir, 'tls', 'key.pem'), soon.private)
    const renewed = await loadOrCreateCertificate(dir, ['localhost'])
    expect(renewed.cert).not.toBe(soon.cert)
    expect(readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8')).toBe(renewed.cert)
    expect(daysLeft(renewed.cert)).toBeGreaterThanOrEqual(CERT_DAYS - 1)
  })
})
