// The emulated headset's room for AR tests and screenshots: IWER's Synthetic Environment Module with Meta's
// captured "office_small" (a table top 0.75 m high about 0.65 m in front). The room file comes from the
// installed @iwer/sem package and is handed to the page directly (the SEM's own loader would fetch it from
// a CDN). Also: aiming the right controller in the room's space, the trigger, entering AR, placing.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { ARDebugView } from '../../src/platform/ar'
import { waitFor } from './harness'
import { frames, type Point, XR_TEST_VIEWPORT } from './xr-input'

const require = createRequire(import.meta.url)
const SEM_BUNDLE = require.resolve('@iwer/sem/build/iwer-sem.min.js')
export const IWER_BUNDLE = require.resolve('iwer/build/iwer.min.js')
const ROOM = JSON.parse(readFileSync(require.resolve('@iwer/sem/captures/office_small.json'), 'utf8'))
/** The office's table top (its TABLE plane), in the room's (the XR origin's) space. */
export const TABLE_TOP_Y = 0.748
export const TABLE_POINT: Point = [0.06, TABLE_TOP_Y, -0.55]

export const arUntil = (page: Page, what: string, predicate: (v: ARDebugView) => boolean, timeout = 20_000) =>
  waitFor(page, 'ar', predicate, { what, timeout })
/** Installs the synthetic room into the page's emulated headset (hit-test then answers against it). */
export async function installRoom(page: Page): Promise<void> {
  // Evaluated over the devtools protocol, as the harness's init scripts are: the app's CSP forbids inline scripts.
  await page.evaluate(readFileSync(SEM_BUNDLE, 'utf8'))
  await page.evaluate((room) => {
    const w = window as unknown as {
      IWER_SEM: { SyntheticEnvironmentModule: new (d: unknown) => unknown }
      __xrDevice: {
        installSEM(c: unknown): void
        sem: { loadEnvironment(j: unknown): void; meshesVisible: boolean }
      }
    }
    w.__xrDevice.installSEM(w.IWER_SEM.SyntheticEnvironmentModule)
    w.__xrDevice.sem.loadEnvironment(room)
    // Hit-test rays still meet the hidden mesh; not drawing it spares software GL a second scene.
    w.__xrDevice.sem.meshesVisible = false
  }, ROOM)
}

/** Points the right controller from beside the head at a point, both in the room's space. */
export async function aimRoom(page: Page, target: Point): Promise<void> {
  await page.evaluate((target) => {
    const device = window.__xrDevice
    device.primaryInputMode = 'controller'
    const from: Point = [device.position.x + 0.15, device.position.y - 0.25, device.position.z - 0.1]
    const d = [target[0] - from[0], target[1] - from[1], target[2] - from[2]]
    const len = Math.hypot(d[0], d[1], d[2])
    const dir = d.map((x) => x / len)
    // Shortest rotation taking -Z onto dir: axis (-Z) × dir, w = 1 + (-Z)·dir.
    const q = [dir[1], -dir[0], 0, 1 - dir[2]]
    const qlen = Math.hypot(q[0], q[1], q[2], q[3])
    const input = device.controllers.right
    input.position.set(from[0], from[1], from[2])
    input.quaternion.set(q[0] / qlen, q[1] / qlen, q[2] / qlen, q[3] / qlen)
  }, target)
  await frames(page, 4)
}

/** Holds or releases the right trigger. */
export const trigger = (page: Page, value: number) =>
  page.evaluate((v) => window.__xrDevice.controllers.right.updateButtonValue?.('trigger', v), value)

/** Presses "进入 AR"; `keepViewport` keeps the page's size (the bench measures at 1280×720). */
export async function enterAR(page: Page, options: { keepViewport?: boolean } = {}): Promise<void> {
  if (!options.keepViewport) await page.setViewportSize(XR_TEST_VIEWPORT)
  await page.getByRole('button', { name: /^(进入 AR|Enter AR)$/ }).click()
  await page.waitForFunction(() => window.__xrShowcase?.xrMode === 'immersive-ar', undefined, {
    timeout: 30_000,
  })
  await frames(page, 6)
}

/** Points at the table top and pulls the trigger: the model is placed there by hit-test. */
export async function placeOnTable(page: Page): Promise<ARDebugView> {
  await aimRoom(page, TABLE_POINT)
  await arUntil(page, 'the reticle on the table', (v) => v.reticle !== null)
  await trigger(page, 1)
  await frames(page, 2)
  await trigger(page, 0)
  return arUntil(page, 'the model placed', (v) => v.placement.phase === 'placed' && v.placedAt !== null)
}
