// Issue 2 end to end: the production build on the real server, in Chromium with an emulated Quest 3.
// Each test opens its own page; the harness fails any of them on a console error or an off-origin
// request, so only the tests that cause an error on purpose mention errors.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppPage } from './harness'
import { browserAndServer } from './rig'
import { controllerSelect, enterVR, exitVR, handPinchAt, waitForSceneReady } from './xr-input'

const SHIPPED_SCENES = ['red-tourism', 'gov-hall', 'twin-park', 'classroom']
/** No pixel is judged here: a small page keeps software GL cheap, in XR too (IWER draws into a window-sized canvas). */
const SMALL = { width: 640, height: 360 }

let scenesDir: string

// The shipped scenes plus one broken folder, served live, as an author's working copy would be.
const rig = browserAndServer(() => {
  scenesDir = mkdtempSync(join(tmpdir(), 'xr-scenes-'))
  cpSync(resolve('scenes'), scenesDir, { recursive: true })
  mkdirSync(join(scenesDir, 'broken-demo'))
  writeFileSync(
    join(scenesDir, 'broken-demo', 'scene.json'),
    JSON.stringify({ id: 'broken-demo', kind: 'tour', title: { zh: '坏场景' }, floors: [] }),
  )
  return { config: { scenesDir } }
})

afterAll(() => rmSync(scenesDir, { recursive: true, force: true }))

describe('lobby', () => {
  it('lists every shipped scene as a card and shows a broken scene as an error card', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/', { emulateQuest3: true, viewport: SMALL })
    const { page } = app
    for (const id of SHIPPED_SCENES) {
      await expect.poll(() => page.locator(`article.card[data-scene="${id}"]`).count()).toBe(1)
    }
    const broken = page.locator('article.card-broken[data-scene="broken-demo"]')
    await expect.poll(() => broken.count()).toBe(1)
    const text = await broken.textContent()
    expect(text).toContain('scenes/broken-demo/scene.json')
    expect(text).toMatch(/floors/)
    await app.context.close()
  })

  it('opens a broken scene by URL as an error page with a way back', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=broken-demo', { viewport: SMALL })
    await expect
      .poll(() => app.page.getByRole('alert').textContent())
      .toContain('scenes/broken-demo/scene.json')
    await app.page.getByRole('button', { name: /返回大厅/ }).click()
    await expect.poll(() => app.page.locator('article.card').count()).toBeGreaterThan(3)
    await app.context.close()
  })

  it('without a headset, says plainly that VR is unavailable and keeps desktop mode usable', async () => {
    // A slow kiosk PC's reduced drawing scale (?renderScale) holds through opening a scene from the lobby.
    const app = await openAppPage(rig.browser, rig.server.url, '/', { viewport: SMALL, renderScale: 0.5 })
    const notice = app.page.getByRole('status').filter({ hasText: /VR|WebXR/ })
    await expect.poll(() => notice.count()).toBe(1)
    expect(await app.page.getByRole('button', { name: /^进入 VR$/ }).count()).toBe(0)
    // The card's own button: once the 3D lobby mounts, its cards are listed as buttons for assistive
    // technology too (A11yObjectList), under the bare title.
    await app.page.getByRole('button', { name: '进入场景: VR 互动课堂', exact: true }).click()
    await waitForSceneReady(app.page, 'classroom')
    const canvas = await app.page.evaluate(() => {
      const c = document.querySelector('canvas') as HTMLCanvasElement
      return { drawn: c.width, shown: c.clientWidth, address: window.location.search }
    })
    expect(canvas.address).toContain('renderScale=0.5')
    expect(canvas.drawn).toBe(Math.round(canvas.shown * 0.5))
    await app.context.close()
  })

  it('shows a clear not-found page for an unknown scene id', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=no-such-scene&lang=en', {
      viewport: SMALL,
    })
    await expect.poll(() => app.page.getByRole('alert').textContent()).toContain('Scene not found')
    expect(await app.page.getByRole('alert').textContent()).toContain('no-such-scene')
    await app.context.close()
  })
})

// Each shipped scene loading clean (no console error, no off-origin request, frames drawn) is checked
// by look.test.ts, which opens every scene anyway.
describe('scenes', () => {
  it('keeps the language and the back button working across navigation', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?lang=en', { viewport: SMALL })
    await app.page.getByRole('button', { name: /Open: Government Service Hall/ }).click()
    await waitForSceneReady(app.page, 'gov-hall')
    expect(new URL(app.page.url()).searchParams.get('lang')).toBe('en')
    await app.page.goBack()
    await expect.poll(() => app.page.locator('article.card').count()).toBeGreaterThan(3)
    await app.context.close()
  })
})

describe('XR session (emulated Meta Quest 3)', () => {
  // One flow on purpose: the hands take over from the controllers inside the same session.
  it('enters VR, opens a scene from a 3D lobby card with controller ray + trigger, switches to hands, and exits', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/', { emulateQuest3: true, viewport: SMALL })
    const { page } = app
    await page.getByRole('button', { name: '进入 VR' }).waitFor()
    await enterVR(page)
    const before = await page.evaluate(() => window.__xrShowcase.renderInfo()?.calls ?? 0)
    expect(before).toBeGreaterThan(0)

    await controllerSelect(page, 'lobby-card:twin-park')
    await waitForSceneReady(page, 'twin-park')
    expect(await page.evaluate(() => window.__xrShowcase.xrMode)).toBe('immersive-vr')
    expect(new URL(page.url()).searchParams.get('scene')).toBe('twin-park')

    // Hand tracking: the hands replace the controllers and can select with a pinch.
    await handPinchAt(page, 'xr-menu:lobby')
    await expect.poll(() => page.evaluate(() => window.__xrShowcase.sceneId ?? null)).toBe(null)
    expect(new URL(page.url()).searchParams.get('scene')).toBeNull()

    await exitVR(page)
    expect(await page.evaluate(() => window.__xrShowcase.xrMode)).toBeNull()
    await app.context.close()
  })

  it('returns to the same scene in desktop mode after leaving VR', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=classroom', {
      emulateQuest3: true,
      viewport: SMALL,
    })
    await waitForSceneReady(app.page, 'classroom')
    await enterVR(app.page)
    await exitVR(app.page)
    await waitForSceneReady(app.page, 'classroom')
    expect(await app.page.getByRole('toolbar').count()).toBe(1)
    await app.context.close()
  })
})
