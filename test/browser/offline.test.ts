// Issue 13 item 6: installable and offline. A page the service worker has seen keeps working with the
// server stopped (the lobby, the scene it visited and a scene it never opened, from the cache), and a new deploy waits behind an update prompt
// instead of reloading a visitor's page. The server serves a private copy of the build, so the test
// can deploy a "new version" of it.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openAppPage, startTestServer, type TestServer } from './harness'
import { waitForSceneReady } from './xr-input'

let browser: Browser
const dists: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  for (const dir of dists) rmSync(dir, { recursive: true, force: true })
})

/** A server over its own copy of dist/. */
async function serverWithOwnBuild(): Promise<{ server: TestServer; dist: string }> {
  const dist = mkdtempSync(join(tmpdir(), 'xr-offline-dist-'))
  dists.push(dist)
  cpSync(resolve(process.env.TEST_DIST_DIR ?? 'dist'), dist, { recursive: true })
  return { server: await startTestServer({ config: { distDir: dist } }), dist }
}

const controlled = 'navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)'

describe('offline', () => {
  it('serves the lobby, a visited scene and a scene never opened with the server stopped', async () => {
    const { server } = await serverWithOwnBuild()
    const app = await openAppPage(browser, server.url, '/?scene=red-tourism', { serviceWorker: true })
    const { page } = app
    await waitForSceneReady(page, 'red-tourism')
    await expect.poll(() => page.evaluate(controlled), { timeout: 30_000 }).toBe(true)
    const manifest = await page.evaluate(() =>
      document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
    )
    expect(manifest, 'the page names its web app manifest').toBeTruthy()
    // The visit as a visitor makes it, now through the worker, which keeps what it fetches.
    await page.reload()
    await waitForSceneReady(page, 'red-tourism')
    // The scene is ready before its narration index arrives (narration falls back to the device's voice
    // meanwhile), so the visit is only whole once the worker has kept both scene files, and the surface
    // textures of its ground and floors (kept like models) with the transcoder that decodes them.
    const kept = [
      '/scenes/red-tourism/scene.json',
      '/scenes/red-tourism/narration.json',
      '/textures/stone.ktx2',
      '/textures/terrazzo.ktx2',
      '/decoders/basis/basis_transcoder.wasm',
    ]
    // A scene never opened on this device: the worker precached its models and narration audio, and the
    // page fetched its live narration index once through the worker.
    const neverOpened = [
      '/scenes/gov-hall/scene.json',
      '/scenes/gov-hall/narration.json',
      '/models/clerk-humanoid.glb',
      '/models/hall-service-window.glb',
    ]
    for (const file of [...kept, ...neverOpened])
      await expect
        .poll(
          () =>
            page.evaluate(
              (url) => caches.match(url, { ignoreSearch: true }).then((r) => r?.ok === true),
              file,
            ),
          {
            timeout: 30_000,
            message: `the worker keeps ${file}`,
          },
        )
        .toBe(true)

    // Of the controller profiles (19 MB) the worker keeps only what a session loads: none for this desktop page.
    const cachedProfiles = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
      return { all: urls.length, profiles: urls.filter((url) => url.includes('/input-profiles/')) }
    })
    // (The precache is in: some 600 files at this writing.)
    expect(cachedProfiles.all).toBeGreaterThan(300)
    expect(cachedProfiles.profiles).toEqual([])

    await server.close()
    expect(
      await fetch(`${server.url}/healthz`).then(
        () => 'up',
        () => 'down',
      ),
    ).toBe('down')
    await page.reload()
    await waitForSceneReady(page, 'red-tourism')
    await page.goto(`${server.url}/?scene=gov-hall`)
    await waitForSceneReady(page, 'gov-hall')
    await page.goto(`${server.url}/`)
    await page
      .getByRole('button', { name: /红色记忆/ })
      .first()
      .waitFor({ timeout: 30_000 })
    expect(app.offOriginRequests).toEqual([])
    await app.context.close()
  })

  it('holds a new deploy until someone accepts the update prompt', async () => {
    const { server, dist } = await serverWithOwnBuild()
    const app = await openAppPage(browser, server.url, '/', { serviceWorker: true })
    const { page } = app
    await expect.poll(() => page.evaluate(controlled), { timeout: 30_000 }).toBe(true)
    // Staff deploy a new version; the page notices it (browsers check on navigation and periodically).
    appendFileSync(join(dist, 'sw.js'), '\n// a new deploy\n')
    await page.evaluate('window.__beforeUpdate = true')
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))
    const prompt = page.getByRole('status').filter({ hasText: '新版本已就绪' })
    await prompt.waitFor({ timeout: 30_000 })
    // Nothing reloaded by itself.
    expect(await page.evaluate('window.__beforeUpdate')).toBe(true)
    await prompt.getByRole('button', { name: '更新' }).click()
    await expect
      .poll(() => page.evaluate('window.__beforeUpdate === undefined'), { timeout: 30_000 })
      .toBe(true)
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !r?.waiting)),
    ).toBe(true)
    await app.context.close()
    await server.close()
  })
})
