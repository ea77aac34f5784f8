// Issue 10 item 6 on the production build: a reload keeps a visitor's progress in the hall (plan, ticks,
// route, elderly mode); going back to the lobby clears it; the hall's elderly mode and the visitor's large
// text never leak to another scene or the device; a corrupt saved entry is dropped with a warning, not a
// crash. The other kinds' reloads are checked in their own visits, which load the scene already (one
// scene load each instead of two): the tour stop in tour.test.ts, the twin's selection in twin.test.ts,
// the solo classroom in classroom.test.ts.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { mouseClickAt, type Point, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

async function click(page: Page, name: string, offset?: Point): Promise<void> {
  await mouseClickAt(page, offset ? { name, offset } : name)
}

async function reload(page: Page, sceneId: string): Promise<void> {
  await page.reload()
  await waitForSceneReady(page, sceneId)
}

const largeTextOn = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('large-text'))
const savedSceneKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('xr-showcase:visit:scene:')))

describe('a reload keeps the visit', () => {
  // One page: the corrupt entries are seeded before the hall's first load, and the hall's own visit then
  // runs on that fresh hall, as the corrupt entries' fallback leaves it.
  it('drops a corrupt saved entry with a warning, then keeps the hall’s plan, ticks, route and elderly mode over a reload; the lobby clears them, elderly mode stays in the hall', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/')
    const { page } = app
    const warnings: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text())
    })
    await page.evaluate(() => {
      sessionStorage.setItem('xr-showcase:visit:scene:gov-hall:service-hall', '{"v":1,"data":{"plan":7}')
      sessionStorage.setItem('xr-showcase:visit:display', '{"v":99,"data":{}}')
    })
    await page.goto(new URL('/?scene=gov-hall', rig.server.url).href)
    await waitForSceneReady(page, 'gov-hall')
    const dropped = await waitFor(page, 'service-hall', () => true, { what: 'the hall view' })
    expect(dropped.eventId).toBeNull()
    expect(warnings.some((w) => w.includes('dropped the saved "scene:gov-hall:service-hall"'))).toBe(true)
    expect(warnings.some((w) => w.includes('dropped the saved "display"'))).toBe(true)
    expect(
      await page.evaluate(() => sessionStorage.getItem('xr-showcase:visit:scene:gov-hall:service-hall')),
    ).not.toBe('{"v":1,"data":{"plan":7}')

    await click(page, 'sh:event:open-restaurant')
    await waitFor(page, 'service-hall', (v) => v.eventId === 'open-restaurant', { what: 'the event' })
    await click(page, 'sh:option:0')
    await waitFor(page, 'service-hall', (v) => v.answered === 1, { what: 'one answer' })
    await click(page, 'sh:option:0')
    await waitFor(page, 'service-hall', (v) => v.answered === 2, { what: 'two answers' })
    await click(page, 'sh:check:id-card', [0.1, 0, 0])
    await waitFor(page, 'service-hall', (v) => v.ticked.includes('id-card'), { what: 'a tick' })
    await click(page, 'sh:go-machine')
    await waitFor(page, 'service-hall', (v) => v.route?.target.kind === 'machine', { what: 'a route' })
    await click(page, 'sh:elderly')
    await waitFor(page, 'service-hall', (v) => v.elderly, { what: 'elderly mode' })
    await expect.poll(() => largeTextOn(page)).toBe(true)

    await reload(page, 'gov-hall')
    const s = await waitFor(page, 'service-hall', (v) => v.eventId === 'open-restaurant', {
      what: 'the plan back after the reload',
    })
    expect(s.answered).toBe(2)
    expect(s.plan).toEqual(['company-setup', 'food-licence', 'tax-invoice', 'employee-insurance'])
    expect(s.ticked).toEqual(['id-card'])
    expect(s.route?.target).toEqual({ kind: 'machine' })
    expect(s.elderly).toBe(true)
    await expect.poll(() => largeTextOn(page)).toBe(true)

    // Back to the lobby: the hall's progress is gone, and so is its large text.
    await page
      .getByRole('button', { name: /返回大厅/ })
      .first()
      .click()
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.get('scene'))
    expect(await savedSceneKeys(page)).toEqual([])
    await expect.poll(() => largeTextOn(page)).toBe(false)
    // Nothing of it reached the device's settings.
    expect(await page.evaluate(() => localStorage.getItem('xr-showcase:settings') ?? '')).not.toContain(
      'largeText',
    )

    // Another scene starts without large text; the hall starts afresh.
    await page.goto(new URL('/?scene=red-tourism', rig.server.url).href)
    await waitForSceneReady(page, 'red-tourism')
    expect(await largeTextOn(page)).toBe(false)
    await page.goto(new URL('/?scene=gov-hall', rig.server.url).href)
    await waitForSceneReady(page, 'gov-hall')
    const fresh = await waitFor(page, 'service-hall', () => true, { what: 'the hall view' })
    expect(fresh.eventId).toBeNull()
    expect(fresh.elderly).toBe(false)
    expect(await largeTextOn(page)).toBe(false)
  })
})
