// Issue 13 item 7: anonymous visitor analytics with real pages on the real server and its SQLite file. A
// visitor's page opens a scene, moves on from the tour's first stop, enters VR and leaves for the lobby; the
// server's summary counts the visit, the VR entry and the scene's time, its CSV the time at the stop, and the operator console shows them in its table and chart and
// exports them as CSV. A page that meets a failure counts it by its kind. What the server accepts and refuses is
// tested in test/integration/analytics.test.ts.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TourContent } from '../../src/schema/kinds/tour'
import { type SummaryResponse, SummaryRoute } from '../../src/shared/analytics/analytics-contracts'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, mouseClickAt, waitForSceneReady } from './xr-input'

const firstStop = (JSON.parse(readFileSync('scenes/red-tourism/scene.json', 'utf8')) as { tour: TourContent })
  .tour.stops[0].id

const rig = browserAndServer()

async function summary(): Promise<SummaryResponse> {
  const response = await fetch(`${rig.server.url}${SummaryRoute.path}`, {
    headers: { 'x-operator-code': TEST_OPERATOR_CODE },
  })
  return SummaryRoute.response.parse(await response.json())
}

describe('visitor analytics', () => {
  it('counts a visit, its tour stop, its VR entry and its time in a scene; the console shows and exports them', async () => {
    const visitor = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism', {
      emulateQuest3: true,
      analytics: true,
    })
    await waitForSceneReady(visitor.page, 'red-tourism')
    // The tour reports the time at a stop when the visitor moves on.
    await mouseClickAt(visitor.page, 'tour:play')
    await waitFor(visitor.page, 'tour', (t) => t.stopIndex === 0, { what: 'the tour at stop 1' })
    await mouseClickAt(visitor.page, 'tour:next')
    await waitFor(visitor.page, 'tour', (t) => t.stopIndex === 1, { what: 'the tour at stop 2' })
    await enterVR(visitor.page)
    // Leaving the page ends the scene's time and sends what is queued by beacon.
    await visitor.page.goto(`${rig.server.url}/`)
    await expect
      .poll(
        async () => {
          const today = (await summary()).days.at(-1)
          return today && { visits: today.visits, vr: today.vrEntries, scenes: today.scenes }
        },
        { timeout: 20_000 },
      )
      .toEqual({
        visits: 1,
        vr: 1,
        scenes: [{ scene: 'red-tourism', entries: 1, meanSeconds: expect.any(Number) }],
      })

    const csv = await (
      await fetch(`${rig.server.url}/api/analytics/events.csv`, {
        headers: { 'x-operator-code': TEST_OPERATOR_CODE },
      })
    ).text()
    expect(csv).toMatch(new RegExp(`,tour-stop,red-tourism,${firstStop},\\d`))

    const operator = await openAppPage(rig.browser, rig.server.url, '/?operator', {
      viewport: { width: 1100, height: 900 },
    })
    const page = operator.page
    await page.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
    await page.getByRole('button', { name: '进入' }).click()
    const day = page.locator('table[data-analytics="days"] tbody tr').last()
    await expect.poll(() => day.locator('[data-col="visits"]').textContent()).toBe('1')
    expect(await day.locator('[data-col="vr"]').textContent()).toBe('1')
    const scene = page.locator('table[data-analytics="scenes"] tr[data-scene="red-tourism"]')
    expect(await scene.locator('[data-col="entries"]').textContent()).toBe('1')
    expect(await scene.locator('[data-col="time"]').textContent()).toMatch(/^\d+ 秒$/)
    // The chart is drawn (uPlot's canvas), from this server's own bundle.
    expect(await page.locator('[data-analytics="chart"] canvas').count()).toBe(1)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出 CSV' }).click()
    expect((await download).suggestedFilename()).toBe('visitor-analytics.csv')
  })
})

describe('failures in visitor analytics', () => {
  // Its own server, so the visit counted above and this one never meet in one summary.
  const failureRig = browserAndServer()

  it('counts a scene that would not load and an unhandled rejection, by their kind only', async () => {
    const visitor = await openAppPage(failureRig.browser, failureRig.server.url, '/?scene=no-such-scene', {
      analytics: true,
      expectConsoleErrors: [/deliberate failure/],
    })
    await expect.poll(() => visitor.page.getByRole('alert').textContent()).toContain('no-such-scene')
    // Leave only once the page has seen the rejection: the browser reports it in a later task, and a
    // navigation started first takes the page (and the event) away. This listener runs after the app's.
    await visitor.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('unhandledrejection', () => resolve(), { once: true })
          void Promise.reject(new Error('deliberate failure'))
        }),
    )
    await visitor.page.goto(`${failureRig.server.url}/`)
    const csv = () =>
      fetch(`${failureRig.server.url}/api/analytics/events.csv`, {
        headers: { 'x-operator-code': TEST_OPERATOR_CODE },
      }).then((r) => r.text())
    await expect.poll(csv, { timeout: 20_000 }).toMatch(/,error,no-such-scene,scene-not-found,/)
    const text = await csv()
    expect(text).toMatch(/,error,no-such-scene,unhandled-rejection,/)
    // The kind only: the error's message, which could carry what a visitor typed, is never stored.
    expect(text).not.toContain('deliberate')
  })
})
