// Issue 13 item 3: what the booth's big screen mirrors of a visitor's scene besides the tour (venue.test.ts
// has the tour's stop and subtitle): a citizen's queue ticket and wait in the service hall, and the twin's
// inspection route (its stop, the asset it opens, the results marked). Real device and screen pages on
// the real server; the mirrors' rules are unit-tested in test/unit/kinds/*/…-mirror.test.ts.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { keepInUse, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { frames, mouseClickAt, waitForSceneReady } from './xr-input'

const rig = browserAndServer()
type Rect = { left: number; top: number; right: number; bottom: number }
/** Screenshots for a person to look at (`VENUE_SHOTS=dir`); no test reads them. */
const SHOTS = process.env.VENUE_SHOTS
const VIEWPORT = SHOTS ? { width: 1280, height: 720 } : undefined
const SMALL = { width: 320, height: 180 }

/** A desktop visitor in `scene`, online in the venue room; returns the page and its device id. */
async function visitor(
  path: string,
  scene: string,
  viewport = VIEWPORT,
): Promise<{ page: Page; deviceId: string }> {
  const { page } = await openAppPage(rig.browser, rig.server.url, path, {
    venuePresence: true,
    ...(viewport ? { viewport } : {}),
  })
  await waitForSceneReady(page, scene)
  const { deviceId } = await waitFor(page, 'venue', (v) => v.status === 'online', {
    what: 'the visitor online in the venue room',
  })
  return { page, deviceId }
}

/** The big screen watching `deviceId`, signed in with the staff code, in the device's scene. */
async function screenFor(deviceId: string, scene: string): Promise<Page> {
  const { page } = await openAppPage(rig.browser, rig.server.url, `/?spectate=${deviceId}`, {
    ...(VIEWPORT ? { viewport: VIEWPORT } : {}),
  })
  await page.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
  await page.getByRole('button', { name: '进入' }).click()
  await waitFor(page, 'spectator', (v) => v.scene === scene && v.poses > 0, {
    what: `the screen in the visitor's ${scene}`,
  })
  await waitForSceneReady(page, scene)
  return page
}

describe('venue: the big screen mirrors the hall and the twin', () => {
  it('shows the citizen’s queue ticket and wait as their device has them', async () => {
    const device = await visitor('/?scene=gov-hall', 'gov-hall')
    const screen = await screenFor(device.deviceId, 'gov-hall')
    // The visitor plans a restaurant, walks to the ticket machine and takes a number.
    await mouseClickAt(device.page, 'sh:event:open-restaurant')
    await waitFor(device.page, 'service-hall', (v) => v.eventId === 'open-restaurant', {
      what: 'the restaurant event',
    })
    await mouseClickAt(device.page, 'sh:option:0')
    await waitFor(device.page, 'service-hall', (v) => v.answered === 1, { what: 'one question answered' })
    await mouseClickAt(device.page, 'sh:option:0')
    await waitFor(device.page, 'service-hall', (v) => v.answered === 2, { what: 'both answered' })
    await mouseClickAt(device.page, 'sh:go-machine')
    const routed = await waitFor(device.page, 'service-hall', (v) => v.route?.target.kind === 'machine', {
      what: 'a route to the ticket machine',
    })
    if (!routed.route?.following && !routed.route?.arrived) await mouseClickAt(device.page, 'sh:follow')
    await waitFor(device.page, 'service-hall', (v) => v.route?.arrived === true, {
      what: 'arrival at the ticket machine',
      timeout: 90_000,
    })
    await mouseClickAt(device.page, 'sh:ticket:company-setup')
    const { ticket } = await waitFor(device.page, 'service-hall', (v) => v.ticket !== null, {
      what: 'a queue ticket',
    })
    expect(ticket).toMatch(/^B\d{3}$/)
    // The screen shows the same number, and the visitor's wait on their status panel.
    await waitFor(screen, 'service-hall', (v) => v.ticket === ticket, {
      what: `ticket ${ticket} on the screen`,
    })
    await expect
      .poll(() => screen.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('sh:status') ?? []))
      .toEqual(expect.arrayContaining([expect.stringContaining(ticket as string)]))
    if (SHOTS) {
      await frames(screen, 20)
      await screen.screenshot({ path: `${SHOTS}/spectator-hall-zh.png` })
    }
  }, 240_000)

  it('shows the twin’s inspection: its stop, the asset it opens, and the results marked', async () => {
    const device = await visitor('/?scene=twin-park&lang=en', 'twin-park')
    const screen = await screenFor(device.deviceId, 'twin-park')
    await mouseClickAt(device.page, 'twin-inspection:start')
    const started = await waitFor(
      device.page,
      'twin',
      (v) => v.ui.inspection.active && v.ui.selected !== null,
      {
        what: 'the inspection at its first stop',
      },
    )
    await waitFor(
      screen,
      'twin',
      (v) => v.ui.inspection.active && v.ui.inspection.index === 0 && v.ui.selected === started.ui.selected,
      { what: 'the screen at the first stop, its asset open' },
    )
    await mouseClickAt(device.page, 'twin-inspection:fail')
    const next = await waitFor(device.page, 'twin', (v) => v.ui.inspection.index === 1, {
      what: 'the visitor at the second stop',
    })
    const shown = await waitFor(
      screen,
      'twin',
      (v) => v.ui.inspection.index === 1 && v.ui.selected === next.ui.selected,
      { what: 'the screen at the second stop' },
    )
    expect(shown.ui.inspection.items.map((i) => [i.asset, i.result])).toEqual([[started.ui.selected, 'fail']])
    // The card stands where the visitor sees it, and stays there once the screen's camera has settled: the
    // screen's HUD follows the visitor's place, not the screen's own spawn.
    const cardInView = (v: {
      screen: { width: number; height: number; rects: Record<string, Rect> } | null
    }) => {
      const card = v.screen?.rects['twin-inspection']
      return (
        !!card &&
        card.left >= 0 &&
        card.top >= 0 &&
        card.right <= v.screen!.width &&
        card.bottom <= v.screen!.height
      )
    }
    await waitFor(screen, 'twin', cardInView, { what: 'the inspection card inside the screen’s view' })
    await frames(screen, 20)
    const settled = await screen.evaluate(() => window.__xrShowcase.view('twin'))
    expect(settled && cardInView(settled), JSON.stringify(settled?.screen?.rects['twin-inspection'])).toBe(
      true,
    )
    if (SHOTS) {
      await frames(screen, 20)
      await screen.screenshot({ path: `${SHOTS}/spectator-twin-en.png` })
    }
    // The screen's own bar leaves the visitor's HUD in sight: the upper panels (alerts, the open asset) and
    // the card start below the bar's bottom edge, in page pixels (the rects are the canvas's own).
    const clear = await screen.evaluate(() => ({
      bar: document.querySelector('[data-spectator-bar]')?.getBoundingClientRect().bottom ?? Number.NaN,
      canvas: document.querySelector('canvas')?.getBoundingClientRect().top ?? Number.NaN,
      rects: window.__xrShowcase.view('twin')?.screen?.rects ?? {},
    }))
    for (const panel of ['twin-alerts', 'twin-asset-panel', 'twin-inspection']) {
      const top = clear.canvas + (clear.rects[panel]?.top ?? Number.NaN)
      expect(top, `${panel} ${JSON.stringify(clear)}`).toBeGreaterThanOrEqual(clear.bar)
    }
  }, 240_000)
})

describe('venue: the cycling big screen', () => {
  it('moves between two visitors in use, into each one’s scene', async () => {
    // Small visitor pages: the screen loads each one's scene in software GL while both keep drawing theirs.
    const a = await visitor('/?scene=red-tourism', 'red-tourism', VIEWPORT ?? SMALL)
    const b = await visitor('/?scene=ruijin', 'ruijin', VIEWPORT ?? SMALL)
    const sceneOf = { [a.deviceId]: 'red-tourism', [b.deviceId]: 'ruijin' }
    // 3 s per visitor instead of 20 (spectator-cycle.ts: a test-only setting).
    const { page: screen } = await openAppPage(rig.browser, rig.server.url, '/?spectate', {
      localStorage: { 'xr-showcase:spectate:cycle-seconds': '3' },
    })
    /** The scene the screen's page is on, from its address (it may move on before a scene has loaded). */
    const screenScene = () => new URL(screen.url()).searchParams.get('scene')
    await screen.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
    await screen.getByRole('button', { name: '进入' }).click()
    // Both visitors use their pages throughout: a device idle for a minute is no longer worth the screen.
    const stopUsing = keepInUse([a.page, b.page])
    const first = await waitFor(screen, 'spectator', (v) => v.cycling && v.deviceId !== null && v.poses > 0, {
      what: 'the screen cycling, on a visitor',
    })
    const firstId = first.deviceId as string
    const secondId = firstId === a.deviceId ? b.deviceId : a.deviceId
    expect(sceneOf[firstId]).toBeDefined()
    await expect.poll(screenScene).toBe(sceneOf[firstId])
    // Then the other visitor, in their scene, and back.
    // Each move loads the other scene on the screen's page; its cycle timer waits while that blocks the page.
    await waitFor(screen, 'spectator', (v) => v.deviceId === secondId && v.scene === sceneOf[secondId], {
      what: 'the screen moved on to the other visitor',
      timeout: 60_000,
    })
    await expect.poll(screenScene).toBe(sceneOf[secondId])
    await waitFor(screen, 'spectator', (v) => v.deviceId === firstId && v.cycling, {
      what: 'the screen back on the first visitor',
      timeout: 60_000,
    })
    await expect.poll(screenScene).toBe(sceneOf[firstId])
    await stopUsing()
  }, 240_000)
})
