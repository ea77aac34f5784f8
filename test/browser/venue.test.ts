// Issue 13 items 1–3: venue presence, the operator console and the spectator big screen, with real pages
// on the real server. An emulated Quest 3 in VR in a scene reports itself; the operator signs in at
// /?operator with the staff code, sees the headset listed live, opens another scene on it (the headset
// switches, still in VR, and the console shows the acknowledgement) and shows it a message (on the
// headset's 3D panel). The big screen at /?spectate=<device> follows the headset into its scene, its
// camera follows the visitor's head, and it shows the tour stop the visitor started. The console's other
// buttons (language, lobby, reset, attract) drive a desktop kiosk in the second test. The API's refusals
// and lockout are tested in test/integration/venue-api.test.ts, the relay's in venue-spectator.test.ts.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { debugView, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { controllerSelect, enterVR, frames, waitForSceneReady, XR_TEST_VIEWPORT } from './xr-input'

const rig = browserAndServer()

/** How close the big screen's camera comes to the visitor's head once it holds still. */
const FOLLOW_METRES = 0.05
const FOLLOW_DEGREES = 2

type Quat = [number, number, number, number]
const angleBetween = (a: Quat, b: Quat) => {
  const dot = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3])
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI
}
/** Screenshots for a person to look at (`VENUE_SHOTS=dir`); no test reads them. */
const SHOTS = process.env.VENUE_SHOTS

/** The operator console, signed in with the staff code. */
async function openConsole(): Promise<Page> {
  const { page } = await openAppPage(rig.browser, rig.server.url, '/?operator', {
    viewport: { width: 1100, height: 720 },
    venuePresence: true,
  })
  await page.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
  await page.getByRole('button', { name: '进入' }).click()
  return page
}

describe('venue: operator console and a headset', () => {
  it('lists the headset live, opens a scene on it with an acknowledgement, and shows it a message in VR', async () => {
    const device = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism', {
      emulateQuest3: true,
      venuePresence: true,
      // Pictures for a person are taken larger, so the headset's 3D text can be read in them.
      ...(SHOTS ? { viewport: { width: 1600, height: 900 } } : {}),
      localStorage: { 'xr-showcase:venue:device-name': '展台 A-3' },
    })
    await waitForSceneReady(device.page, 'red-tourism')
    await enterVR(device.page)
    const { deviceId } = await waitFor(device.page, 'venue', (v) => v.status === 'online', {
      what: 'the headset online in the venue room',
    })

    const console_ = await openConsole()
    const row = console_.locator(`tr[data-device-id="${deviceId}"]`)
    const cell = (col: string) => row.locator(`[data-col="${col}"]`).textContent()
    await expect.poll(() => cell('name')).toBe('展台 A-3')
    await expect.poll(() => cell('mode')).toBe('VR')
    expect(await cell('scene')).toBe('red-tourism')
    expect(await cell('lang')).toBe('zh')
    expect(await cell('status')).toBe('在线')
    // The console is the staff's page, never a device: the headset is the only one listed.
    expect(await console_.locator('tr[data-device-id]').count()).toBe(1)
    if (SHOTS) await console_.screenshot({ path: `${SHOTS}/console-zh.png` })

    // A name belongs to one device: sent to all, the rename field is off and says why.
    const renameField = console_.locator('[data-operator-input="rename"]')
    expect(await renameField.isDisabled()).toBe(true)
    expect(await renameField.getAttribute('placeholder')).toBe('改名请先在“发送给”中选一台设备')

    // The booth's big screen watches the headset: signed in with the same staff code.
    const screen = await openAppPage(rig.browser, rig.server.url, `/?spectate=${deviceId}`, {
      viewport: SHOTS ? { width: 1280, height: 720 } : XR_TEST_VIEWPORT,
    })
    await screen.page.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
    await screen.page.getByRole('button', { name: '进入' }).click()
    await waitFor(screen.page, 'spectator', (v) => v.scene === 'red-tourism' && v.poses > 0, {
      what: 'the big screen in the headset’s first scene, with its poses',
    })

    // Open another scene on the headset; the screen follows it there.
    await console_.locator('[data-operator-target]').selectOption(deviceId)
    expect(await renameField.isEnabled()).toBe(true)
    await console_.locator('[data-operator-scene]').selectOption('ruijin')
    await console_.locator('[data-command="open-scene"]').click()
    await expect
      .poll(() => console_.locator('[data-command-result]').getAttribute('data-command-result'))
      .toBe('done')
    expect(await console_.locator(`[data-ack-device="${deviceId}"]`).getAttribute('data-ack-status')).toBe(
      'acknowledged',
    )
    await waitForSceneReady(device.page, 'ruijin')
    expect(await device.page.evaluate(() => window.__xrShowcase.xrMode)).toBe('immersive-vr')
    await expect.poll(() => cell('scene')).toBe('ruijin')
    expect(await cell('ack')).toBe('open-scene · 已确认')

    await waitFor(screen.page, 'spectator', (v) => v.scene === 'ruijin' && v.poses > 0 && v.camera !== null, {
      what: 'the big screen follows the headset into the scene the console opened, with its poses',
    })
    await waitForSceneReady(screen.page, 'ruijin')
    // The visitor's view fills the window under the screen's bar (the screen's page wraps the stage; the
    // canvas once drew a strip, and the bar once lay over the view's top).
    const fit = await screen.page.evaluate(() => {
      const c = document.querySelector('canvas')?.getBoundingClientRect()
      const bar = document.querySelector('[data-spectator-bar]')?.getBoundingClientRect()
      return c && bar ? [c.left, c.top - bar.bottom, c.right, c.bottom] : null
    })
    expect(fit).toEqual([0, 0, screen.page.viewportSize()?.width, screen.page.viewportSize()?.height])
    await waitFor(device.page, 'venue', (v) => v.watched && v.posesSent > 0, {
      what: 'the headset streaming while watched',
    })
    // The visitor steps aside and turns their head 40° left; the screen's camera follows.
    await device.page.evaluate(() => {
      const headset = window.__xrDevice as unknown as {
        position: { set(x: number, y: number, z: number): void }
        quaternion: { set(x: number, y: number, z: number, w: number): void }
      }
      headset.position.set(0.5, 1.7, -0.3)
      headset.quaternion.set(0, Math.sin((20 * Math.PI) / 180), 0, Math.cos((20 * Math.PI) / 180))
    })
    await frames(device.page, 5)
    const head = await device.page.evaluate(() => ({
      p: window.__xrShowcase.cameraPosition(),
      q: window.__xrShowcase.cameraQuaternion(),
    }))
    if (!head.p || !head.q) throw new Error('the headset has no camera')
    const headAt = head.p
    const headFacing = head.q
    // Within the stated tolerance once the easing has settled (a quarter of a second after the pose).
    const followed = await waitFor(
      screen.page,
      'spectator',
      (v) =>
        !!v.camera &&
        !!v.cameraQuaternion &&
        Math.hypot(v.camera[0] - headAt[0], v.camera[1] - headAt[1], v.camera[2] - headAt[2]) <
          FOLLOW_METRES &&
        angleBetween(v.cameraQuaternion, headFacing) < FOLLOW_DEGREES &&
        // and live: poses still arriving (a software-GL headset page can stall its frames for a moment)
        !v.stale,
      { what: `the screen's camera within ${FOLLOW_METRES} m and ${FOLLOW_DEGREES}° of the visitor's head` },
    )
    // Controllers are the headset's inputs: the screen draws their rays.
    expect(followed.rays).toBe(2)
    expect(followed.hands).toBe(0)
    // The visitor puts the controllers down and uses their hands: the screen draws both hands instead.
    await device.page.evaluate(() => {
      window.__xrDevice.primaryInputMode = 'hand'
    })
    await waitFor(screen.page, 'spectator', (v) => v.hands === 2 && v.rays === 0, {
      what: "the visitor's tracked hands on the screen, no controller rays",
    })
    await device.page.evaluate(() => {
      window.__xrDevice.primaryInputMode = 'controller'
    })
    await waitFor(screen.page, 'spectator', (v) => v.rays === 2, {
      what: 'the controllers back on the screen',
    })

    // The visitor starts the tour with the trigger; the screen shows the same stop and its subtitle.
    await controllerSelect(device.page, 'tour:play')
    await waitFor(device.page, 'tour', (t) => t.stopIndex === 0, { what: 'the visitor at stop 1' })
    await waitFor(screen.page, 'tour', (t) => t.stopIndex === 0, { what: 'the screen at stop 1' })
    await waitFor(screen.page, 'narration', (n) => n.subtitle.length > 0, {
      what: 'the visitor’s subtitle on the screen',
    })
    if (SHOTS) {
      await frames(screen.page, 20)
      await screen.page.screenshot({ path: `${SHOTS}/spectator-zh.png` })
    }
    // The screen speaks no narration of its own (its tour asked for one): the subtitle is the visitor's.
    expect((await debugView(screen.page, 'narration'))?.source).toBeNull()

    // A message from staff, drawn in the headset's view.
    const text = '请到出口处归还头显'
    await console_.locator('[data-operator-input="message"]').fill(text)
    await console_.locator('[data-command="message"]').click()
    await expect
      .poll(() => console_.locator(`[data-ack-device="${deviceId}"]`).getAttribute('data-ack-status'))
      .toBe('acknowledged')
    await waitFor(device.page, 'venue', (v) => v.notice === text && v.noticeInXR, {
      what: 'the message on the headset, in its 3D panel',
    })
    // The page's own banner carries it too (what a desktop or touch kiosk shows).
    await expect.poll(() => device.page.locator('[data-venue-notice] p').textContent()).toBe(text)

    // Staff rename the headset; it keeps the name and reports it.
    await console_.getByPlaceholder('新名称').fill('展台 B-1')
    await console_.locator('[data-command="rename"]').click()
    await expect.poll(() => cell('name')).toBe('展台 B-1')
    expect(await device.page.evaluate(() => localStorage.getItem('xr-showcase:venue:device-name'))).toBe(
      '展台 B-1',
    )
    if (SHOTS) {
      // The 3D text is laid out off the main thread: give it a few frames before the picture.
      await frames(device.page, 20)
      await device.page.screenshot({ path: `${SHOTS}/device-xr-message.png` })
      await console_.getByRole('button', { name: 'English' }).click()
      await console_.getByRole('heading', { name: 'Venue console' }).waitFor()
      await console_.screenshot({ path: `${SHOTS}/console-en.png` })
    }
  }, 240_000)
})

describe('venue: the console’s commands on a kiosk', () => {
  it('sets the language, goes back to the lobby, resets for the next visitor and starts the attract loop, each acknowledged', async () => {
    // A kiosk in a scene, its last visitor's settings still there (slower narration, seated).
    const { page: device } = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&kiosk=600', {
      venuePresence: true,
      localStorage: {
        'xr-showcase:settings': JSON.stringify({ state: { narrationRate: 0.75, seated: true }, version: 1 }),
      },
    })
    await waitForSceneReady(device, 'red-tourism')
    const { deviceId } = await waitFor(device, 'venue', (v) => v.status === 'online', {
      what: 'the kiosk online in the venue room',
    })
    const console_ = await openConsole()
    await console_.locator(`tr[data-device-id="${deviceId}"]`).waitFor()
    await console_.locator('[data-operator-target]').selectOption(deviceId)
    const settings = async () =>
      (
        JSON.parse((await device.evaluate(() => localStorage.getItem('xr-showcase:settings'))) ?? '{}') as {
          state?: { narrationRate?: number; seated?: boolean }
        }
      ).state
    const lang = () => device.evaluate(() => document.documentElement.lang)
    let handled = (await debugView(device, 'venue'))?.handled ?? 0
    /** Clicks the command's button; the device carries it out and the console shows its acknowledgement. */
    const send = async (type: string) => {
      await console_.locator(`[data-command="${type}"]`).click()
      handled++
      await waitFor(device, 'venue', (v) => v.handled === handled && v.lastCommand === type, {
        what: `the kiosk carried out ${type}`,
      })
      await expect
        .poll(() => console_.locator(`[data-ack-device="${deviceId}"]`).getAttribute('data-ack-status'))
        .toBe('acknowledged')
      expect(await console_.locator('.operator-result strong').textContent()).toContain(
        await console_.locator(`[data-command="${type}"]`).textContent(),
      )
    }

    await console_.locator('[data-operator-lang]').selectOption('en')
    await send('set-lang')
    expect(await lang()).toBe('en')
    expect(new URL(device.url()).searchParams.get('lang')).toBe('en')
    expect(await device.evaluate(() => window.__xrShowcase.sceneId)).toBe('red-tourism')

    await send('lobby')
    await device.locator('article.card').first().waitFor()
    // The stage unmounts the scene once the lobby has painted.
    await device.waitForFunction(() => window.__xrShowcase?.sceneId === undefined)
    // The lobby keeps the visitor's language and settings: only a reset drops them.
    expect(await lang()).toBe('en')
    expect(await settings()).toMatchObject({ narrationRate: 0.75, seated: true })

    await send('reset')
    expect(await settings()).toMatchObject({ narrationRate: 1, seated: false })
    // The venue's language (the address opened with none: Chinese), on the page too (its <html lang> once
    // stayed English after a reset), and one reset counted.
    expect(new URL(device.url()).searchParams.get('lang')).toBeNull()
    await expect.poll(lang).toBe('zh-CN')
    expect((await debugView(device, 'kiosk'))?.resets).toBe(1)

    await send('start-attract')
    const attract = await waitFor(device, 'kiosk', (k) => k.phase === 'attract' && k.shot === 'showing', {
      what: 'the attract loop showing its first scene',
    })
    expect(new URL(device.url()).searchParams.get('scene')).toBe(attract.attractScene)
    // The device list shows it too (it polls once a second).
    await expect
      .poll(() => console_.locator(`tr[data-device-id="${deviceId}"] [data-col="ack"]`).textContent())
      .toBe('start-attract · 已确认')
  }, 180_000)
})
