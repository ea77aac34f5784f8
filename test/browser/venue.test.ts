// Issue 13 items 1–2: venue presence and the operator console, with real pages on the real server. An
// emulated Quest 3 in VR in a scene reports itself; the operator signs in at /?operator with the staff
// code, sees the headset listed live, opens another scene on it (the headset switches, still in VR, and
// the console shows the acknowledgement) and shows it a message (on the headset's 3D panel). The API's
// refusals and lockout are tested in test/integration/venue-api.test.ts.
import { describe, expect, it } from 'vitest'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, frames, waitForSceneReady } from './xr-input'

const rig = browserAndServer()
/** Screenshots for a person to look at (`VENUE_SHOTS=dir`); no test reads them. */
const SHOTS = process.env.VENUE_SHOTS

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

    const operator = await openAppPage(rig.browser, rig.server.url, '/?operator', {
      viewport: { width: 1100, height: 720 },
      venuePresence: true,
    })
    const console_ = operator.page
    await console_.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
    await console_.getByRole('button', { name: '进入' }).click()
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

    // Open another scene on the headset.
    await console_.locator('[data-operator-target]').selectOption(deviceId)
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

    // A message from staff, drawn in the headset's view.
    const text = '请到出口处归还头显'
    await console_.locator('[data-operator-message]').fill(text)
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
  })
})
