// Issue 13 item 3: the big screen's orbit view stays inside the room. An emulated Quest 3 visitor stands in a
// corner of the government hall; while the orbit's 2.6 m circle would carry the camera through a wall, the
// screen's camera is still inside the hall's walls, over its floor. The reach rule is unit-tested in
// test/unit/platform/spectate/orbit-reach.test.ts. (Kept apart from venue-mirrors.test.ts, which another
// change was editing.)
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FloorArea } from '../../src/schema/common'
import { TEST_OPERATOR_CODE } from '../support/server-config'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, frames, waitForSceneReady, XR_TEST_VIEWPORT } from './xr-input'

const rig = browserAndServer()
/** Screenshots for a person to look at (`VENUE_SHOTS=dir`); no test reads them. */
const SHOTS = process.env.VENUE_SHOTS

const hall = JSON.parse(readFileSync('scenes/gov-hall/scene.json', 'utf8')) as {
  spawn: { position: [number, number, number] }
  floors: FloorArea[]
  serviceHall: { layout: { size: [number, number] } }
}
/** The hall's walls' inner faces (hall-geometry.ts centres the room on the origin). */
const [WIDTH, DEPTH] = hall.serviceHall.layout.size
const WALL_X = WIDTH / 2
const WALL_Z = DEPTH / 2
/** The orbit's radius and rise (SpectatorCamera.tsx): where the camera would go with nothing in the way. */
const ORBIT_RADIUS = 2.6
/** The camera's near plane: closer to a wall than this and the wall is cut open. */
const NEAR = 0.1
/** A corner of the hall's floor: 1.2 m from the right wall and 1.5 m from the back wall. */
const CORNER = { x: WALL_X - 1.2, z: -WALL_Z + 1.5 }

describe('venue: the big screen’s orbit view', () => {
  it('keeps the camera inside the hall while the orbit circle would cross its walls', async () => {
    const device = await openAppPage(rig.browser, rig.server.url, '/?scene=gov-hall', {
      emulateQuest3: true,
      venuePresence: true,
    })
    await waitForSceneReady(device.page, 'gov-hall')
    await enterVR(device.page)
    const { deviceId } = await waitFor(device.page, 'venue', (v) => v.status === 'online', {
      what: 'the headset online in the venue room',
    })
    // The visitor walks to the corner: the headset's pose is in room space, from the spawn.
    const [sx, , sz] = hall.spawn.position
    await device.page.evaluate(
      ({ x, z }) => {
        const headset = window.__xrDevice as unknown as {
          position: { set(x: number, y: number, z: number): void }
        }
        headset.position.set(x, 1.6, z)
      },
      { x: CORNER.x - sx, z: CORNER.z - sz },
    )
    await frames(device.page, 5)
    const head = await device.page.evaluate(() => window.__xrShowcase.cameraPosition())
    if (!head) throw new Error('the headset has no camera')
    expect(Math.hypot(head[0] - CORNER.x, head[2] - CORNER.z)).toBeLessThan(0.05)

    const screen = await openAppPage(rig.browser, rig.server.url, `/?spectate=${deviceId}`, {
      viewport: SHOTS ? { width: 1280, height: 720 } : XR_TEST_VIEWPORT,
    })
    await screen.page.locator('[data-operator-code]').fill(TEST_OPERATOR_CODE)
    await screen.page.getByRole('button', { name: '进入' }).click()
    await waitFor(screen.page, 'spectator', (v) => v.scene === 'gov-hall' && v.poses > 0, {
      what: 'the big screen in the headset’s hall',
    })
    await waitForSceneReady(screen.page, 'gov-hall')
    await screen.page.locator('[data-spectator-orbit]').click()
    // The orbit turns once a minute; wait for a moment when its circle lies beyond a wall, read from the
    // camera's own bearing from the head (the camera stays on the line from the head to the circle).
    const outside = (c: [number, number, number]) => {
      const dx = c[0] - head[0]
      const dz = c[2] - head[2]
      const d = Math.hypot(dx, dz)
      if (d < 0.05) return null
      const circle = [head[0] + (dx / d) * ORBIT_RADIUS, head[2] + (dz / d) * ORBIT_RADIUS] as const
      return Math.abs(circle[0]) > WALL_X || Math.abs(circle[1]) > WALL_Z ? circle : null
    }
    const seen = await waitFor(
      screen.page,
      'spectator',
      (v) => v.view === 'orbit' && !v.stale && v.camera !== null && outside(v.camera) !== null,
      { what: 'the orbit circle beyond a wall of the hall', timeout: 70_000 },
    )
    const camera = seen.camera as [number, number, number]
    // The circle's point is behind a wall; the camera is in the room, clear of the walls by its near plane,
    // and over the floor the visitor stands on.
    expect(camera[0]).toBeLessThan(WALL_X - NEAR)
    expect(camera[0]).toBeGreaterThan(-WALL_X + NEAR)
    expect(camera[2]).toBeLessThan(WALL_Z - NEAR)
    expect(camera[2]).toBeGreaterThan(-WALL_Z + NEAR)
    const floor = hall.floors.find(
      (a) => head[0] >= a.min[0] && head[0] <= a.max[0] && head[2] >= a.min[1] && head[2] <= a.max[1],
    )
    expect(floor, 'the corner is on a floor area').toBeDefined()
    if (floor) {
      expect(camera[0]).toBeLessThanOrEqual(floor.max[0])
      expect(camera[2]).toBeGreaterThanOrEqual(floor.min[1])
    }
    if (SHOTS) {
      await frames(screen.page, 10)
      await screen.page.screenshot({ path: `${SHOTS}/spectator-orbit-corner.png` })
    }
  }, 120_000)
})
