// Issue 10 items 7 and 8 on the production build. First-time help: the desktop overlay shows to a
// first-time visitor, not again after dismissal and a reload, and again after a kiosk reset; in an
// emulated Quest 3 the hint shows beside the visitor's controllers and can be skipped. Loading: on a
// throttled network a scene shows its progress (percent and bytes) within a second and reaches 100%.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { debugView, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { controllerSelect, enterVR, frames, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

const help = (page: Page) => page.getByRole('dialog', { name: /欢迎|Welcome/ })

describe('first-time help', () => {
  it('desktop: shows once, not after dismissal and a reload, and again after a kiosk reset', async () => {
    const { page } = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&kiosk=1', {
      firstVisit: true,
    })
    await expect.poll(() => help(page).isVisible()).toBe(true)
    const text = await help(page).innerText()
    expect(text).toContain('点击地面')
    // Legible: body text of at least 18 CSS px.
    const size = await help(page)
      .locator('li')
      .first()
      .evaluate((li) => Number.parseFloat(getComputedStyle(li).fontSize))
    expect(size).toBeGreaterThanOrEqual(18)
    // Any key dismisses it.
    await page.keyboard.press('Space')
    await expect.poll(() => help(page).count()).toBe(0)

    await page.reload()
    await waitForSceneReady(page, 'red-tourism')
    expect(await help(page).count()).toBe(0)

    // The kiosk resets for the next visitor: the help shows again, and a click dismisses it.
    await page.evaluate(() => window.__xrShowcase.kioskReset?.())
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.get('scene'))
    await page.goto(new URL('/?scene=red-tourism&kiosk=1', rig.server.url).href)
    await expect.poll(() => help(page).isVisible()).toBe(true)
    await help(page).click({ position: { x: 5, y: 5 } })
    await expect.poll(() => help(page).count()).toBe(0)
  })

  it('XR: the hint shows beside the controllers after entering VR and can be skipped', async () => {
    const { page } = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism', {
      emulateQuest3: true,
      firstVisit: true,
    })
    await waitForSceneReady(page, 'red-tourism')
    // The screen help comes first, as on a headset's 2D browser; the visitor dismisses it.
    await expect.poll(() => help(page).isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => help(page).count()).toBe(0)
    await enterVR(page)
    await page.waitForFunction(
      () => window.__xrShowcase.isShown('onboarding:xr:controller:right'),
      undefined,
      {
        timeout: 30_000,
      },
    )
    expect(await page.evaluate(() => window.__xrShowcase.isShown('onboarding:xr:controller:left'))).toBe(true)
    // The label rides on the right controller: within a hand's width of its grip.
    const apart = await page.evaluate(() => {
      const label = window.__xrShowcase.worldPositionOf('onboarding:xr:controller:right')
      const inOrigin = label && window.__xrShowcase.toOriginSpace(label)
      const c = window.__xrDevice.controllers.right as unknown as {
        position: { x: number; y: number; z: number }
      }
      return inOrigin
        ? Math.hypot(inOrigin[0] - c.position.x, inOrigin[1] - c.position.y, inOrigin[2] - c.position.z)
        : -1
    })
    expect(apart).toBeGreaterThanOrEqual(0)
    expect(apart).toBeLessThan(0.3)
    await controllerSelect(page, 'onboarding:xr:skip')
    await page.waitForFunction(() => !window.__xrShowcase.isShown('onboarding:xr:panel'), undefined, {
      timeout: 30_000,
    })
    expect(await page.evaluate(() => localStorage.getItem('xr-showcase:onboarding:xr'))).toBe('seen')
    await frames(page, 3)
    expect(await page.evaluate(() => window.__xrShowcase.isShown('onboarding:xr:controller:right'))).toBe(
      false,
    )
  })
})

describe('loading', () => {
  it('on a slow network a scene shows percent and bytes within a second and reaches 100%', async () => {
    const { page, context } = await openAppPage(rig.browser, rig.server.url, '/')
    const card = page.locator('article[data-scene="red-tourism"] button')
    await card.waitFor()
    // The visitor has the lobby in front of them: its 3D stage has drawn a few frames.
    await page.waitForFunction(() => (window.__xrShowcase?.frame ?? 0) > 5, undefined, { timeout: 90_000 })
    // Timed inside the page, from the click event to the loader entering the page, without waiting on
    // any download. Not to its first painted frame: software GL holds every paint until the GPU process
    // has drawn the 3D canvas's last frame, up to seconds here and a few milliseconds on a headset's GPU
    // (frame timings here are meaningless; the stage switches only after the loader has painted).
    await page.evaluate(() => {
      const w = window as unknown as { __loaderTiming: { click?: number; shown?: number } }
      const timing: { click?: number; shown?: number } = {}
      w.__loaderTiming = timing
      document.addEventListener('click', () => (timing.click ??= performance.now()), true)
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="scene-loader"]')) return
        observer.disconnect()
        timing.shown ??= performance.now()
      })
      observer.observe(document.body, { childList: true, subtree: true })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    // About 3 Mbit/s with 150 ms round trips: a venue's busy Wi-Fi.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (3 * 1024 * 1024) / 8,
      uploadThroughput: (1024 * 1024) / 8,
    })
    await card.click()
    const loader = page.getByTestId('scene-loader')
    await loader.waitFor({ state: 'visible' })
    const timing = await page.waitForFunction(() => {
      const t = (window as unknown as { __loaderTiming: { click?: number; shown?: number } }).__loaderTiming
      return t.click !== undefined && t.shown !== undefined ? t : null
    })
    const { click, shown } = (await timing.jsonValue()) as { click: number; shown: number }
    expect(shown - click, 'ms from the click to the loader in the page').toBeLessThan(1000)
    await expect.poll(() => loader.innerText({ timeout: 1000 }).catch(() => '')).toMatch(/\d+%.*\d+ (KB|MB)/s)
    const done = await waitFor(page, 'loading', (v) => !v.active && v.finishedMs !== null, {
      what: 'the loading run to end',
      timeout: 120_000,
    })
    expect(done.percent).toBe(100)
    expect(done.shown.at(-1)).toBe(100)
    expect(done.loadedBytes).toBeGreaterThan(0)
    expect(done.items).toBeGreaterThan(1)
    // Percent never went back.
    expect(done.shown).toEqual([...done.shown].sort((a, b) => a - b))
    await expect.poll(() => loader.count()).toBe(0)
    await waitForSceneReady(page)
    expect((await debugView(page, 'loading'))?.active).toBe(false)
  })

  it('entering a scene inside VR shows the loading panel in front of the visitor', async () => {
    const { page, context } = await openAppPage(rig.browser, rig.server.url, '/', { emulateQuest3: true })
    // The 3D lobby has drawn (the VR button waits for the stage, which takes a while on software GL).
    await page.waitForFunction(() => (window.__xrShowcase?.frame ?? 0) > 2, undefined, { timeout: 90_000 })
    await enterVR(page)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (3 * 1024 * 1024) / 8,
      uploadThroughput: (1024 * 1024) / 8,
    })
    await controllerSelect(page, 'lobby-card:red-tourism')
    // In front of the eyes, at reading distance: measured in the same frame the panel is seen, since a
    // fast load may take it away again before a second look.
    const distance = (await (
      await page.waitForFunction(
        () => {
          const hooks = window.__xrShowcase
          if (!hooks.isShown('scene-loading-3d:panel')) return null
          const p = hooks.worldPositionOf('scene-loading-3d:panel')
          const c = hooks.cameraPosition()
          return p && c ? Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) : null
        },
        undefined,
        { timeout: 30_000 },
      )
    ).jsonValue()) as number
    expect(distance).toBeGreaterThan(0.5)
    expect(distance).toBeLessThan(2)
    const done = await waitFor(page, 'loading', (v) => !v.active && v.finishedMs !== null, {
      what: 'the loading run to end',
      timeout: 120_000,
    })
    expect(done.percent).toBe(100)
    await frames(page, 3)
    expect(await page.evaluate(() => window.__xrShowcase.isShown('scene-loading-3d:panel'))).toBe(false)
  })
})
