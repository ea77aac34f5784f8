// AR presentations in an emulated Quest 3 AR session (IWER) in a synthetic office with a table (ar-room.ts):
// nothing opaque drawn around the presentation, hit-test placing the twin's miniature at the table's height,
// grabbing it to slide it, a twin control through its confirmation on the miniature, a memorial stop played
// from the map, the classroom's quiz answered beside its lab station, and the AR button shown only where the
// device and the kind allow.
// Over 300 lines on purpose: one AR session rig (the synthetic room, placement, the two-hand grab) that every
// kind's AR presentation is tried in, each test on its own page.
import { readFileSync } from 'node:fs'
import { Client, type Room } from '@colyseus/sdk'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ServiceHallDebugView } from '../../src/kinds/service-hall/debug'
import { CLERK_DEPTH, placeLocal } from '../../src/kinds/service-hall/logic/hall-placement'
import type { TwinDebugView } from '../../src/kinds/twin/debug'
import type { ARDebugView } from '../../src/platform/ar'
import type { ServiceHallContent } from '../../src/schema/kinds/service-hall'
import { TEST_OPERATOR_CODE, TEST_TEACHER_CODE } from '../support/server-config'
import {
  aimRoom,
  arUntil,
  enterAR,
  IWER_BUNDLE,
  installRoom,
  placeOnTable,
  TABLE_POINT,
  TABLE_TOP_Y,
  trigger,
} from './ar-room'
import { debugView, keepShot, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import {
  controllerSelect,
  exitVR,
  frames,
  handPinchAt,
  mouseClickAt,
  type Point,
  waitForSceneReady,
} from './xr-input'

// The whole server: the twin's broker and the classroom's rooms.
const rig = browserAndServer()

/** The hall's windows as its scene file places them, and a standing clerk's head height (HallClerks.tsx). */
const HALL_WINDOWS = (
  JSON.parse(readFileSync('scenes/gov-hall/scene.json', 'utf8')) as { serviceHall: ServiceHallContent }
).serviceHall.layout.windows
const CLERK_HEAD_Y = 1.55
const hallUntil = (page: Page, what: string, predicate: (v: ServiceHallDebugView) => boolean) =>
  waitFor(page, 'service-hall', predicate, { what })
const twinUntil = (page: Page, what: string, predicate: (v: TwinDebugView) => boolean, timeout = 20_000) =>
  waitFor(page, 'twin', predicate, { what, timeout })

/** The memorial's second stop (scenes/red-tourism), where the visitor stands in VR. */
const NANCHANG: Point = [-8, 0, -1.2]

/** In AR nothing of the full-size scene is drawn: the room shows through. */
const NOTHING_OPAQUE = { sky: false, ground: false, fog: false, background: false, sceneModels: false }

/** A scene in an AR session in the synthetic office, nothing opaque drawn, its model placed on the table. */
async function placedInAR(scene: string, query = '') {
  const { page } = await openAppPage(rig.browser, rig.server.url, `/?scene=${scene}${query}`, {
    emulateQuest3: true,
  })
  await waitForSceneReady(page, scene)
  await installRoom(page)
  await enterAR(page)
  const start = await arUntil(page, 'the AR session', (v) => v.mode === 'immersive-ar')
  expect(start.drawn).toEqual(NOTHING_OPAQUE)
  // The room's light, not the scene's mood: IWER estimates none, so the neutral one.
  expect(start.light).toBe('neutral')
  expect(start.sceneLight).toBe(false)
  const placed = await placeOnTable(page)
  expect(Math.abs(placed.placement.pose.position[1] - TABLE_TOP_Y)).toBeLessThan(0.02)
  // Where the controller pointed on the table, kept and drawn there in the room's space, wherever the
  // scene's visitor stands in its world (the hall's spawn is 8 m from the world's origin).
  const [x, , z] = placed.placement.pose.position
  expect(Math.hypot(x - TABLE_POINT[0], z - TABLE_POINT[2])).toBeLessThan(0.05)
  const drawnAt = await page.evaluate((p) => window.__xrShowcase.toOriginSpace(p), placed.placedAt as Point)
  expect(
    Math.hypot((drawnAt?.[0] ?? 99) - TABLE_POINT[0], (drawnAt?.[2] ?? 99) - TABLE_POINT[2]),
  ).toBeLessThan(0.05)
  return { page, placed }
}

describe('twin park in AR (IWER Quest 3, synthetic office)', () => {
  it('draws nothing opaque, places the miniature on the table by hit-test, slides it by grabbing, and switches HVAC on it', async () => {
    const { page } = await openAppPage(rig.browser, rig.server.url, '/?scene=twin-park', {
      emulateQuest3: true,
    })
    await waitForSceneReady(page, 'twin-park')
    await installRoom(page)
    await twinUntil(
      page,
      'live data',
      (v) => v.source.status === 'online' && v.values['datacenter/hvacOn'] === 1,
      60_000,
    )
    await enterAR(page)

    // The room shows through: no sky, ground, fog, backdrop or scene models, and a transparent clear.
    const start = await arUntil(page, 'the AR session', (v) => v.mode === 'immersive-ar')
    expect(start.drawn).toEqual(NOTHING_OPAQUE)
    expect(start.clearAlpha).toBe(0)
    expect(start.features).toEqual(expect.arrayContaining(['hit-test', 'anchors']))
    expect(start.placement.phase).toBe('placing')

    // The reticle lands on the table top where the controller points; the trigger places the model there.
    await aimRoom(page, TABLE_POINT)
    const aimed = await arUntil(page, 'the reticle on the table', (v) => v.reticle !== null)
    await keepShot(page, 'twin-1-reticle')
    // Where the reticle sits, in the room's space: on the table top.
    const reticleRoom = await page.evaluate(
      (p) => window.__xrShowcase.toOriginSpace(p),
      aimed.reticle as Point,
    )
    expect(reticleRoom?.[1]).toBeCloseTo(TABLE_TOP_Y, 1)
    await trigger(page, 1)
    await frames(page, 2)
    await trigger(page, 0)
    const placed = await arUntil(
      page,
      'the model placed',
      (v) => v.placement.phase === 'placed' && v.placedAt !== null,
    )
    expect(placed.placement.source).toBe('hit-test')
    expect(Math.abs(placed.placement.pose.position[1] - TABLE_TOP_Y)).toBeLessThan(0.02)
    await arUntil(page, 'an anchor holding it', (v) => v.placement.anchored)
    await keepShot(page, 'twin-2-placed')

    // Grab the shadow beside the park and slide 20 cm to the left.
    const [x, y, z] = placed.placement.pose.position
    const yaw = placed.placement.pose.yaw
    const side = (d: number): Point => [x + Math.cos(yaw) * d, y, z - Math.sin(yaw) * d]
    const grabAt = side(0.3)
    await aimRoom(page, grabAt)
    await trigger(page, 1)
    await frames(page, 3)
    for (const step of [0.05, 0.1, 0.15, 0.2]) {
      await aimRoom(page, [grabAt[0] - step, grabAt[1], grabAt[2]])
    }
    await trigger(page, 0)
    const moved = await arUntil(page, 'the model slid left', (v) => v.placement.pose.position[0] < x - 0.15)
    expect(moved.placement.pose.position[0]).toBeGreaterThan(x - 0.25)
    expect(moved.placement.pose.position[1]).toBeCloseTo(y, 3)
    await arUntil(page, 'anchored again where it was left', (v) => v.placement.anchored)

    // A control on the miniature: the data centre's HVAC, through the confirmation and the operator code.
    await controllerSelect(page, 'twin-asset-center:datacenter', 'right')
    await twinUntil(page, 'the data centre panel', (v) => v.ui.selected === 'datacenter')
    await keepShot(page, 'twin-3-asset-panel')
    await controllerSelect(page, 'twin-control:hvac', 'right')
    await twinUntil(page, 'the confirmation', (v) => v.ui.confirm !== null)
    await keepShot(page, 'twin-4-confirm')
    await controllerSelect(page, 'twin-confirm:yes', 'right')
    await page.waitForFunction(() => window.__xrShowcase.view('ui')?.textsUnder('twin-operator') != null)
    await frames(page, 6)
    await keepShot(page, 'twin-5-operator-code')
    for (const key of [...TEST_OPERATOR_CODE, 'enter'])
      await controllerSelect(page, `twin-operator-keyboard:key:${key}`, 'right')
    const off = await twinUntil(
      page,
      'HVAC off in the data',
      (v) => v.values['datacenter/hvacOn'] === 0,
      30_000,
    )
    expect(off.commands['datacenter/hvac']).toBe('acknowledged')
    await keepShot(page, 'twin-6-hvac-off')
  }, 150_000)
})

describe('memorial map in AR (IWER Quest 3, synthetic office)', () => {
  it('places the site map on the table, plays a stop chosen on it, steps into VR at that stop and back to the table', async () => {
    // The memorial's halls and monument are scene models in VR; in AR they are only on the map.
    const { page, placed } = await placedInAR('red-tourism')
    // The console, in the view's bottom strip, stays above the map's far edge (in AR the view's panels
    // look level, not 12° down as in VR, where it covered the far end of the map).
    await expectPanelsAboveModel(page, placed, ['tour-console-panel'])
    // Nobody walks at a table: the console offers no going with the guide or freely (it does in VR below).
    const shown = (name: string) => page.evaluate((n) => window.__xrShowcase.isShown(n), name)
    expect(await shown('tour:mode')).toBe(false)
    expect(await shown('tour:group')).toBe(true)
    // The table is the map: no flat minimap beside it (there is one in VR below).
    expect(await page.evaluate(() => window.__xrShowcase.worldPositionOf('tour-minimap'))).toBeNull()
    await controllerSelect(page, 'tour-ar-stop:nanchang', 'right')
    const told = await waitFor(page, 'tour', (s) => s.stopIndex === 1 && s.phase === 'narrating', {
      what: 'the chosen stop narrating',
      timeout: 30_000,
    })
    expect(told.stopId).toBe('nanchang')
    await keepShot(page, 'tour-1-stop-narrating')
    // The press that ends AR starts VR: no page button in between.
    await controllerSelect(page, 'tour-ar:visit-in-vr', 'right')
    await page.waitForFunction(() => window.__xrShowcase?.xrMode === 'immersive-vr', undefined, {
      timeout: 30_000,
    })
    await frames(page, 6)
    // The visitor stands at the stop in the full scene (the memorial's halls drawn again), its story kept.
    const head = (await page.evaluate(() => window.__xrShowcase.cameraPosition())) as Point
    expect(Math.hypot(head[0] - NANCHANG[0], head[2] - NANCHANG[2])).toBeLessThan(0.5)
    const inVR = await arUntil(
      page,
      'the full scene drawn',
      (v) => v.drawn.sceneModels && v.placedAt === null,
    )
    expect(inVR.mode).toBe('immersive-vr')
    const story = await waitFor(page, 'tour', (s) => s.stopIndex === 1, { what: 'the stop kept' })
    expect(['narrating', 'presented']).toContain(story.phase)
    expect(await shown('tour:mode')).toBe(true)
    expect(await shown('tour-minimap')).toBe(true)
    await keepShot(page, 'tour-2-in-vr-at-stop')

    // The console's way back: AR again, the map where it was left, without placing it again.
    await controllerSelect(page, 'tour:back-to-table', 'right')
    const back = await arUntil(
      page,
      'the map back on the table',
      (v) => v.mode === 'immersive-ar' && v.placement.phase === 'placed' && v.placedAt !== null,
      30_000,
    )
    expect(back.placement.source).toBe('kept')
    expect(back.placement.pose).toEqual(placed.placement.pose)
    expect(back.drawn).toEqual(NOTHING_OPAQUE)
    await arUntil(page, 'anchored again', (v) => v.placement.anchored)
    await keepShot(page, 'tour-3-back-on-table')

    // Into VR again and out through the menu's 退出 VR: the page offers the way back to the table.
    await controllerSelect(page, 'tour-ar:visit-in-vr', 'right')
    await page.waitForFunction(() => window.__xrShowcase?.xrMode === 'immersive-vr', undefined, {
      timeout: 30_000,
    })
    await exitVR(page)
    await page.getByRole('button', { name: '回到桌面 AR' }).click()
    const again = await arUntil(
      page,
      'the map on the table after the page button',
      (v) => v.mode === 'immersive-ar' && v.placement.phase === 'placed',
      30_000,
    )
    expect(again.placement.pose).toEqual(placed.placement.pose)
    expect(await page.getByRole('button', { name: '回到桌面 AR' }).count()).toBe(0)
  }, 150_000)
})

describe('hall floor plan in AR (IWER Quest 3, synthetic office)', () => {
  it('places the hall model on the table, draws the route from the entrance to the window on it, and shows the queue there', async () => {
    // The ticket machine is a scene model in VR; in AR nothing of the full-size hall is drawn.
    const { page, placed } = await placedInAR('gov-hall')
    // The building is inside the placed group, scaled down: its shell sits on the table.
    const shell = await page.evaluate(() => window.__xrShowcase.worldPositionOf('hall-shell'))
    expect(shell?.[1]).toBeCloseTo(placed.placedAt?.[1] ?? Number.NaN, 2)

    // The visitor tells the navigator at its desk what they need, by the controller ray: buying a home,
    // without the provident fund, is one matter (real-estate registration) at window 7.
    await controllerSelect(page, 'sh:event:buy-home', 'right')
    await controllerSelect(page, 'sh:option:1', 'right')
    const routed = await hallUntil(page, 'the route drawn on the model', (v) => v.route?.drawn != null)
    expect(routed.plan).toEqual(['real-estate-registration'])
    const route = routed.route as NonNullable<typeof routed.route>
    expect(route.target).toEqual({ kind: 'window', windowId: 'w7' })
    expect(route.following).toBe(false)
    // From just inside the entrance (0, 11 in the hall) to where one stands at window 7 (3.3, -9).
    const [first, last] = [route.path[0], route.path[route.path.length - 1]]
    expect(Math.hypot(first[0] - 0, first[1] - 10)).toBeLessThan(0.3)
    expect(Math.hypot(last[0] - 3.3, last[1] - (-9 + 1.7))).toBeLessThan(0.01)
    // Drawn on the model on the table: both ends on its floor at 1:50, inside its bounds, the entrance
    // on the visitor's side.
    const drawn = route.drawn as NonNullable<typeof route.drawn>
    const [start, end, base] = (await page.evaluate(
      (points) => points.map((p) => window.__xrShowcase.toOriginSpace(p)),
      [drawn.start, drawn.end, placed.placedAt as Point],
    )) as [Point, Point, Point]
    // On the model's floor: its ribbon's 3 cm above the hall floor, at 1:50.
    for (const p of [start, end]) expect(p[1] - base[1]).toBeCloseTo(0.03 / 50, 3)
    const scaled = Math.hypot(last[0] - first[0], last[1] - first[1]) / 50
    expect(Math.hypot(end[0] - start[0], end[2] - start[2])).toBeCloseTo(scaled, 2)
    const [min, max] = placed.modelBox ?? [start, start]
    for (const p of [drawn.start, drawn.end]) {
      expect(p[0]).toBeGreaterThan(min[0])
      expect(p[0]).toBeLessThan(max[0])
      expect(p[2]).toBeGreaterThan(min[2])
      expect(p[2]).toBeLessThan(max[2])
    }
    const head = (await page.evaluate(() => window.__xrShowcase.cameraPosition())) as Point
    const flat = (p: Point) => Math.hypot(p[0] - head[0], p[2] - head[2])
    expect(flat(drawn.start)).toBeLessThan(flat(drawn.end))
    // The desk's navigator and the status beside the view stay above the model as the visitor sees it.
    await expectPanelsAboveModel(page, placed, ['sh:navigator', 'sh:status-panel'])
    await keepShot(page, 'hall-1-route')

    // A ticket from the desk's 取号 (there is no machine to walk to on a table, so no 去取号机取号): its
    // number and the people ahead show above window 7 on the model, and beside the view.
    expect(await page.evaluate(() => window.__xrShowcase.isShown('sh:go-machine'))).toBe(false)
    await controllerSelect(page, 'sh:ar-ticket-desk', 'right')
    const ticketed = await hallUntil(page, 'a ticket for window 7', (v) => v.ticket !== null)
    expect(ticketed.ticket).toMatch(/^F\d+$/)
    const onModel = await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('sh:ar-window-pin'))
    // Readable where it stands on the table: cap height at least 0.9° from the visitor's eye.
    const pinText = (await debugView(page, 'layout'))?.texts.find((t) => t.path.endsWith('sh:ar-queue'))
    expect(pinText?.capDeg).toBeGreaterThan(0.9)
    const label = (onModel ?? []).join('\n').replace(/\s+/g, '')
    // The wait as the hall words it: people ahead, or next once the simulated queue has reached the ticket;
    // or, where a slow machine let the queue (which runs on the clock) call it already, whose turn it is.
    const t = ticketed.ticket as string
    expect(label).toMatch(new RegExp(`^7号窗口(您的号码${t}(前面还有\\d+人|下一位就是您)|${t}轮到您了)`))
    await keepShot(page, 'hall-2-ticket')
    const status = await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('sh:status-panel'))
    expect(status?.join('\n')).toContain(ticketed.ticket as string)

    // The queue reaches the ticket: the pin says whose turn it is and where, and the route goes to the window
    // that called it (the hall's simulated queue, run ten minutes ahead).
    await page.evaluate(() => window.__xrShowcase.act('service-hall', 'callAll'))
    const called = await hallUntil(page, 'our number called', (v) => v.myCall !== null)
    expect(called.myCall?.ticket).toBe(ticketed.ticket)
    await hallUntil(
      page,
      'the route to the calling window',
      (v) => v.route?.target?.kind === 'window' && v.route.target.windowId === called.myCall?.windowId,
    )
    await frames(page, 6)
    const turn = await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('sh:ar-window-pin'))
    expect((turn ?? []).join('\n').replace(/\s+/g, '')).toContain(
      `${ticketed.ticket}轮到您了！请到${called.myCall?.windowNumber}号窗口`,
    )
    await keepShot(page, 'hall-3-called')

    // The clerks stand in the hall's space (logic/clerk-distance.ts): a head at the room's point that has a
    // clerk's hall coordinates is still some fifty hall metres from every clerk on the 1:50 model, so none
    // turns to it or draws at full detail. Measured against the world, window 7's clerk would have.
    const w7 = HALL_WINDOWS.find((w) => w.id === 'w7') as (typeof HALL_WINDOWS)[number]
    const clerkHead = placeLocal(w7.position, w7.rotationY, [0, CLERK_HEAD_Y, CLERK_DEPTH])
    const inOrigin = (await page.evaluate((p) => window.__xrShowcase.toOriginSpace(p), clerkHead)) as Point
    await page.evaluate((p) => window.__xrDevice.position.set(p[0], p[1], p[2]), inOrigin)
    await frames(page, 6)
    // The view's centre, where the camera reads, is a few centimetres from IWER's device point.
    const moved = (await page.evaluate(() => window.__xrShowcase.cameraPosition())) as Point
    expect(
      Math.hypot(moved[0] - clerkHead[0], moved[1] - clerkHead[1], moved[2] - clerkHead[2]),
    ).toBeLessThan(0.05)
    const clerks = await hallUntil(page, 'the clerks after the head moved', (v) => v.clerks.length === 10)
    expect(clerks.clerks.filter((c) => c.fullDetail).map((c) => c.windowId)).toEqual([])
  }, 120_000)
})

describe('two hands on a placed model (IWER Quest 3, synthetic office)', () => {
  // Controllers pull their triggers; tracked hands pinch (IWER's hand input, its pinch value), each on its ray.
  it.each(['controller', 'hand'] as const)(
    'turns and resizes the model with two %ss on its base, within limits, and resets it',
    async (input) => {
      const { page, placed } = await placedInAR('twin-park')
      const { position, yaw } = placed.placement.pose
      // Two grips on the shadow either side of the half-metre park, then pulled apart and twisted about its centre.
      const centre = position
      const grip = (side: -1 | 1, spread: number, turn: number): Point => {
        const d = side * 0.3 * spread
        const a = yaw + turn
        return [centre[0] + Math.cos(a) * d, centre[1], centre[2] - Math.sin(a) * d]
      }
      const hold = async (spread: number, turn: number) => {
        await aimInput(page, input, 'left', grip(-1, spread, turn))
        await aimInput(page, input, 'right', grip(1, spread, turn))
      }
      await hold(1, 0)
      await press(page, input, 1)
      await frames(page, 3)
      for (const spread of [1.15, 1.3, 1.45, 1.6]) await hold(spread, 0)
      const larger = await arUntil(page, 'the model larger', (v) => v.placement.pose.zoom > 1.5)
      expect(larger.placement.pose.zoom).toBeLessThan(1.7)
      expect(larger.placement.pose.yaw).toBeCloseTo(yaw, 1)
      for (const turn of [0.1, 0.2, 0.3, 0.4]) await hold(1.6, turn)
      const turned = await arUntil(page, 'the model turned', (v) => v.placement.pose.yaw > yaw + 0.35)
      expect(turned.placement.pose.yaw).toBeLessThan(yaw + 0.45)
      expect(turned.placement.pose.position).toEqual(position)
      // Pulled far apart, the size stops at three times the kind's own.
      for (const spread of [2.5, 4, 5.5]) await hold(spread, 0.4)
      await arUntil(page, 'the size at its limit', (v) => v.placement.pose.zoom === 3)
      await keepShot(page, `two-${input}s-at-size-limit`)
      await press(page, input, 0)
      await arUntil(page, 'anchored where it was left', (v) => v.placement.anchored)

      await (input === 'hand' ? handPinchAt : controllerSelect)(page, 'ar:reset', 'right')
      const reset = await arUntil(page, 'back to its own size and turn', (v) => v.placement.pose.zoom === 1)
      expect(reset.placement.pose).toEqual({ position, yaw, zoom: 1 })
    },
    90_000,
  )
})

describe('classroom lab in AR (IWER Quest 3, synthetic office)', () => {
  it("stands the lab station and the slide on the table, no room around, and follows the teacher's class there", async () => {
    // The teacher, a bare SDK client, opens the scene's class before the student arrives.
    const teacher: Room = await new Client(rig.server.url).joinOrCreate('classroom', {
      scene: 'classroom',
      name: 'Ms Li',
      role: 'teacher',
      teacherCode: TEST_TEACHER_CODE,
    })
    // The class's voice set-up and quiz results are for a teacher's page; this one needs none of them.
    teacher.onMessage('*', () => undefined)
    let student: Page | undefined
    try {
      const { page, placed } = await placedInAR('classroom', '&name=Lin')
      student = page
      const table = placed.placedAt?.[1] ?? Number.NaN
      const heightOf = async (name: string) =>
        ((await page.evaluate((n) => window.__xrShowcase.worldPositionOf(n), name))?.[1] ?? Number.NaN) -
        table
      // Walls, desks and platform are the VR room: not drawn. The miniature slide stands on the table.
      expect(await page.evaluate(() => window.__xrShowcase.worldPositionOf('classroom-room'))).toBeNull()
      expect(await heightOf('slide-surface')).toBeGreaterThan(0.1)
      expect(await heightOf('slide-surface')).toBeLessThan(0.4)
      await keepShot(page, 'classroom-1-placed')

      // The student joins the class from the AR view by the controller ray.
      await controllerSelect(page, 'join-submit', 'right')
      await waitFor(
        page,
        'classroom',
        (v) => v.mode === 'online' && v.role === 'student' && v.members.some((m) => m.role === 'teacher'),
        { what: "the student in the teacher's class" },
      )
      // The teacher's slide and lab model reach the student's table: the model stands on the station, a
      // hand above the table.
      teacher.send('slide:set', { index: 2 })
      teacher.send('model:place', { modelId: 'solar-system' })
      await waitFor(page, 'classroom', (v) => v.slide === 2 && v.modelId === 'solar-system', {
        what: "the teacher's slide and model",
      })
      await frames(page, 6)
      expect(await heightOf('lab-model')).toBeGreaterThan(0.1)
      expect(await heightOf('lab-model')).toBeLessThan(0.25)

      // The teacher's quiz opens beside the station; the student answers it there, graded by the server.
      teacher.send('quiz:start', {})
      await waitFor(page, 'classroom', (v) => v.quizPhase === 'open', { what: 'the quiz open' })
      await controllerSelect(page, 'quiz-choice-largest-planet-jupiter', 'right')
      // The answer is listed as soon as it is sent; its grade comes back from the server after.
      const answered = await waitFor(
        page,
        'classroom',
        (v) => v.answered.includes('largest-planet') && v.myScore !== null,
        { what: 'the answer graded' },
      )
      expect(answered.myScore?.score).toBeGreaterThan(0)
      await keepShot(page, 'classroom-2-online-quiz')
    } finally {
      // The class ends with the test: the student's page first, then the room, so the teacher test below
      // starts a class of its own rather than one with a student waiting to reconnect.
      await student?.context().close()
      const ended = new Promise((resolve) => teacher.onLeave(resolve))
      teacher.send('class:end', {})
      await ended
    }
  }, 90_000)
})

describe("the teacher's console in AR (IWER Quest 3, synthetic office)", () => {
  it('joins as the teacher by ray, keeps the console in view, starts a quiz a desktop student gets, and pages the class by ray', async () => {
    // The student on desktop, in the class first (the teacher opens no room of its own: the scene has one).
    const student = await openAppPage(rig.browser, rig.server.url, '/?scene=classroom&name=Student', {
      viewport: { width: 480, height: 270 },
    })
    await waitForSceneReady(student.page, 'classroom')
    await mouseClickAt(student.page, 'join-submit')
    await waitFor(student.page, 'classroom', (v) => v.mode === 'online' && v.role === 'student', {
      what: 'the student online',
    })
    // Both pages share software GL: the desktop student's window is kept tiny while the headset works.
    await student.page.setViewportSize({ width: 160, height: 90 })

    const { page } = await placedInAR('classroom')
    await controllerSelect(page, 'join-role-teacher', 'right')
    for (const digit of TEST_TEACHER_CODE) await controllerSelect(page, `join-key-${digit}`, 'right')
    await controllerSelect(page, 'join-submit', 'right')
    await waitFor(
      page,
      'classroom',
      (v) => v.mode === 'online' && v.role === 'teacher' && v.members.length === 2,
      {
        what: 'the teacher online with the student',
      },
    )
    await page.waitForFunction(() => window.__xrShowcase.isShown('teacher-panel'))
    await frames(page, 10)
    // The console is in front of the teacher, inside the 64° comfort field.
    const layout = await debugView(page, 'layout')
    const consoleBox = layout?.boxes.find((b) => b.path.endsWith('teacher-panel'))
    expect(consoleBox?.inFront).toBe(true)
    const rect = consoleBox?.rect ?? { x0: 99, x1: 99, y0: 99, y1: 99 }
    for (const edge of [rect.x0, rect.x1, rect.y0, rect.y1]) expect(Math.abs(edge)).toBeLessThan(32)
    await keepShot(page, 'classroom-3-teacher-console')

    // Start the quiz on the console by the controller ray: it opens on the student's desktop.
    await controllerSelect(page, 'teacher-quiz-start', 'right')
    await waitFor(student.page, 'classroom', (v) => v.quizPhase === 'open', {
      what: 'the quiz open for the student',
    })
    // The headset's own copy follows a frame or two later (its emulated frames are slow).
    await waitFor(page, 'classroom', (v) => v.quizPhase === 'open', {
      what: "the quiz open on the teacher's console",
    })

    // Two more students join from their own devices: the member list pages, and the ray turns the page.
    const { code } = await waitFor(page, 'classroom', () => true)
    const more: Room[] = []
    for (const name of ['Li Hua', 'Zhou Jie'])
      more.push(
        await new Client(rig.server.url).joinById(code, { scene: 'classroom', name, role: 'student' }),
      )
    for (const room of more) room.onMessage('*', () => undefined)
    await page.waitForFunction(() => window.__xrShowcase.isShown('teacher-members-next'))
    await controllerSelect(page, 'teacher-members-next', 'right')
    await waitFor(page, 'classroom', (v) => v.memberPage === 1, { what: 'the second page of the class' })
    await page.waitForFunction(() => window.__xrShowcase.isShown('teacher-floor-Zhou Jie'))
    await Promise.all(more.map((room) => room.leave(true)))
    await student.context.close()
  }, 150_000)
})

describe('the AR button', () => {
  it('shows only on a kind with an AR presentation, and nowhere on a headset without immersive-ar', async () => {
    const quest = await openAppPage(rig.browser, rig.server.url, '/?scene=twin-park', { emulateQuest3: true })
    await quest.page.getByRole('button', { name: '进入 AR' }).waitFor()
    // The classroom has its AR presentation too; the lobby has none (it is no scene to place).
    await quest.page.goto(`${rig.server.url}/?scene=classroom`)
    await quest.page.getByRole('button', { name: '进入 AR' }).waitFor()
    await quest.page.goto(`${rig.server.url}/`)
    await quest.page.getByRole('button', { name: '进入 VR' }).first().waitFor()
    expect(await quest.page.getByRole('button', { name: '进入 AR' }).count(), 'the lobby').toBe(0)
    await quest.context.close()

    // The same runtime, installed for a headset that has no immersive-ar.
    const vrOnly = await openAppPage(rig.browser, rig.server.url, '/?scene=twin-park')
    await vrOnly.context.addInitScript({ path: IWER_BUNDLE })
    await vrOnly.context.addInitScript(() => {
      const iwer = (window as unknown as { IWER: typeof import('iwer') }).IWER
      const config = { ...iwer.metaQuest3, supportedSessionModes: ['inline', 'immersive-vr'] }
      const device = new iwer.XRDevice(config as typeof iwer.metaQuest3)
      device.installRuntime({ forceInstall: true })
    })
    await vrOnly.page.reload()
    await vrOnly.page.getByRole('button', { name: '进入 VR' }).waitFor()
    expect(await vrOnly.page.getByRole('button', { name: '进入 AR' }).count()).toBe(0)
  }, 60_000)
})

/**
 * The named panels' lower edges stay at least 2° above the placed model's far top edge, as the visitor sees
 * them (degrees below the horizon, the layout view's XR rects): a panel over the model hides it.
 */
async function expectPanelsAboveModel(page: Page, placed: ARDebugView, panels: string[]): Promise<void> {
  const layout = await debugView(page, 'layout')
  const eye = (await page.evaluate(() => window.__xrShowcase.cameraPosition())) as Point
  const [min, max] = placed.modelBox ?? [eye, eye]
  const belowHorizon = (p: Point) =>
    (Math.atan2(eye[1] - p[1], Math.hypot(p[0] - eye[0], p[2] - eye[2])) * 180) / Math.PI
  const modelTop = Math.min(
    ...[min[0], max[0]].flatMap((x) => [min[2], max[2]].map((z) => belowHorizon([x, max[1], z]))),
  )
  for (const panel of panels) {
    const bottom = layout?.boxes.find((b) => b.path.endsWith(panel))?.rect.y1
    expect(bottom, `${panel}'s lower edge`).toBeDefined()
    expect(
      bottom as number,
      `${panel}'s lower edge vs the model's top at ${modelTop.toFixed(1)}°`,
    ).toBeLessThan(modelTop - 2)
  }
}

/** Points one controller or tracked hand from beside the head at a point in the room's space. */
async function aimInput(page: Page, input: 'controller' | 'hand', hand: 'left' | 'right', target: Point) {
  await page.evaluate(
    ({ input, hand, target }) => {
      const device = window.__xrDevice
      device.primaryInputMode = input
      const head = device.position
      const from: Point = [head.x + (hand === 'right' ? 0.15 : -0.15), head.y - 0.25, head.z - 0.1]
      const d = [target[0] - from[0], target[1] - from[1], target[2] - from[2]]
      const len = Math.hypot(d[0], d[1], d[2])
      const dir = d.map((x) => x / len)
      // Shortest rotation taking -Z onto dir: axis (-Z) × dir, w = 1 + (-Z)·dir.
      const q = [dir[1], -dir[0], 0, 1 - dir[2]]
      const qlen = Math.hypot(q[0], q[1], q[2], q[3])
      const source = input === 'controller' ? device.controllers[hand] : device.hands[hand]
      source.position.set(...from)
      source.quaternion.set(q[0] / qlen, q[1] / qlen, q[2] / qlen, q[3] / qlen)
    },
    { input, hand, target },
  )
  await frames(page, 3)
}

/** Holds or releases both triggers, or both hands' pinches. */
const press = (page: Page, input: 'controller' | 'hand', value: number) =>
  page.evaluate(
    ({ input, value }) => {
      for (const hand of ['left', 'right'] as const) {
        if (input === 'controller') window.__xrDevice.controllers[hand].updateButtonValue?.('trigger', value)
        else window.__xrDevice.hands[hand].updatePinchValue?.(value)
      }
    },
    { input, value },
  )
