// Issue 13 item 5: a kiosk resets for the next visitor by itself. On desktop after its idle
// time without input; in a headset only once the headset is taken off (its session hidden), never
// while someone wears it. The reset ends the XR session, returns to the lobby and restores the
// comfort settings the last visitor changed to the venue's defaults. On a screen the attract loop then
// flies through the scenes with the cursor hidden until a press; staff leave kiosk mode with a long
// press on the top-left corner and the operator code. Real timers, a short idle time from the address
// (`?kiosk=10`); the waits are on the kiosk's own checks and state, not on the clock.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../src/platform/settings/settings-store'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { debugView, keepInUse, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

/** The last visitor's choices: slower narration, quieter, bigger subtitles, seated. */
const LAST_VISITOR = {
  'xr-showcase:settings': JSON.stringify({
    state: { narrationRate: 0.75, volume: 0.3, subtitleScale: 1.3, seated: true },
    version: 1,
  }),
}

async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  const raw = await page.evaluate(() => localStorage.getItem('xr-showcase:settings'))
  return (JSON.parse(raw ?? '{}') as { state?: Record<string, unknown> }).state ?? {}
}

const sceneInAddress = (page: Page) => new URL(page.url()).searchParams.get('scene')

describe('kiosk reset', () => {
  it('desktop: after the idle time, the defaults and the attract loop flying through a scene with the cursor hidden; a click lands the next visitor in the lobby', async () => {
    const { page } = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&kiosk=10&lang=en', {
      localStorage: LAST_VISITOR,
    })
    await waitForSceneReady(page, 'red-tourism')
    expect(await storedSettings(page)).toMatchObject({ narrationRate: 0.75, volume: 0.3 })
    const attract = await waitFor(page, 'kiosk', (k) => k.phase === 'attract' && k.shot === 'showing', {
      what: 'after 10 s without input: the reset, then the attract loop shows its first scene',
      timeout: 60_000,
    })
    expect(attract.idleMs).toBe(10_000)
    expect(attract.resets).toBe(1)
    expect(attract.cursor).toBe('none')
    // The reset restored the venue's defaults before the loop began.
    const defaults = { narrationRate: 1, volume: defaultSettings.volume, subtitleScale: 1, seated: false }
    expect(await storedSettings(page)).toMatchObject(defaults)
    // A scene the loop opened as a visitor's navigation would, through the address.
    expect(attract.attractScene).toBeTruthy()
    expect(sceneInAddress(page)).toBe(attract.attractScene)
    // The call in the kiosk's language, the other language under it.
    await expect.poll(() => page.locator('.attract-call-main').textContent()).toBe('Touch to start')
    expect(await page.locator('.attract-call-other').textContent()).toBe('触摸屏幕，开始体验')
    // A fly-through: the camera moves on its own.
    const camera = () => page.evaluate(() => window.__xrShowcase.cameraPosition())
    const first = await camera()
    await expect.poll(camera, { timeout: 10_000 }).not.toEqual(first)

    await page.mouse.click(400, 225)
    const after = await waitFor(page, 'kiosk', (k) => k.phase === 'visitor', {
      what: 'the click ends attract',
    })
    expect(after.attractScene).toBeNull()
    await expect.poll(() => sceneInAddress(page)).toBeNull()
    await expect.poll(() => page.locator('[data-testid=attract]').count()).toBe(0)
    // The lobby in the kiosk's language with the defaults; the click that woke it opened nothing.
    await expect.poll(() => page.locator('#lobby-title').textContent()).toBe('XR Showcase')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en')
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('10')
    expect(await storedSettings(page)).toMatchObject(defaults)
    const lobby = await debugView(page, 'kiosk')
    expect(lobby?.cursor).not.toBe('none')
    // The press asked for fullscreen and a screen wake lock.
    expect(lobby?.fullscreenRequests).toBeGreaterThanOrEqual(1)
    expect(lobby?.wakeLockRequests).toBeGreaterThanOrEqual(1)
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
  })

  it('headset: never while worn; once taken off, the session ends and the kiosk resets', async () => {
    const { page } = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&kiosk=10', {
      emulateQuest3: true,
      viewport: { width: 800, height: 450 },
      localStorage: LAST_VISITOR,
    })
    // Someone at the page while the scene loads (it can take longer than the idle time on a busy machine).
    const stopUsing = keepInUse([page])
    await waitForSceneReady(page, 'red-tourism')
    await stopUsing()
    expect((await debugView(page, 'kiosk'))?.resets).toBe(0)
    await enterVR(page)
    // The press on "进入 VR" was not spent on fullscreen: a headset's browser is never asked.
    expect((await debugView(page, 'kiosk'))?.fullscreenRequests).toBe(0)
    // Worn, and still for longer than the idle time: checks keep finding it worn, no reset.
    const worn = await waitFor(page, 'kiosk', (k) => k.wornChecks >= 12, {
      what: 'twelve checks with the headset worn',
      timeout: 60_000,
    })
    expect(worn.resets).toBe(0)
    expect(await page.evaluate(() => window.__xrShowcase.xrMode)).toBe('immersive-vr')
    expect(sceneInAddress(page)).toBe('red-tourism')

    // Taken off: the system hides the session.
    await page.evaluate(() =>
      (
        window as unknown as { __xrDevice: { updateVisibilityState(s: string): void } }
      ).__xrDevice.updateVisibilityState('hidden'),
    )
    await waitFor(page, 'kiosk', (k) => k.resets >= 1, {
      what: 'the kiosk resets once the headset has been off for its time',
      timeout: 60_000,
    })
    await page.waitForFunction(() => window.__xrShowcase.xrMode === null, undefined, { timeout: 30_000 })
    await expect.poll(() => sceneInAddress(page)).toBeNull()
    expect(await storedSettings(page)).toMatchObject({
      narrationRate: 1,
      volume: defaultSettings.volume,
      seated: false,
    })
    expect((await debugView(page, 'kiosk'))?.headsetOffMs).toBe(10_000)
  })
})

describe('kiosk staff exit', () => {
  it('staff exit: a long press on the top-left corner asks for the operator code; a wrong one is refused, the right one leaves kiosk mode', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?kiosk=60')
    const { page } = app
    // The wrong try's 403 is the point.
    app.expectConsoleErrors(/status of 403/)
    await waitFor(page, 'kiosk', (k) => k.checks >= 1, { what: 'kiosk mode running' })
    await page.mouse.move(12, 12)
    await page.mouse.down()
    await waitFor(page, 'kiosk', (k) => k.staffPrompt === 'open', {
      what: 'the prompt opens after a 3 s press on the corner',
      timeout: 10_000,
    })
    await page.mouse.up()
    // The press was the kiosk's first gesture: the page went fullscreen.
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
    const code = page.locator('#staff-exit-code')
    await code.fill('000000')
    await code.press('Enter')
    await waitFor(page, 'kiosk', (k) => k.staffPrompt === 'wrong', { what: 'the wrong code is refused' })
    expect(await page.locator('.staff-exit-message').textContent()).toBe('代码错误，请重试。')
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('60')

    await code.fill(TEST_OPERATOR_CODE)
    await page.getByRole('button', { name: '退出展台模式' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.has('kiosk')).toBe(false)
    await expect.poll(() => page.locator('[data-testid=staff-exit]').count()).toBe(0)
    // Kiosk mode is off for this page: its checks and its view are gone, fullscreen ended.
    expect(await debugView(page, 'kiosk')).toBeNull()
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull()
    expect(page.url()).not.toContain(TEST_OPERATOR_CODE)
  })
})
