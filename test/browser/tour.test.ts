// Issue 4 end to end: the red-tourism memorial (and the Ruijin scene) in the production build on the real
// server. The same visit twice: in an IWER-emulated Quest 3 with controller and hand input, and on desktop
// with the mouse. The tour's typed debug view (src/kinds/tour/debug.ts) is only read; every action is a
// real pointer input.
// Just over 300 lines on purpose: the headset and desktop visits share their steps and the page's helpers.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { TourDebugView } from '../../src/kinds/tour/debug'
import type { TourContent } from '../../src/schema/kinds/tour'
import { type AppPage, debugView, drawsUnder, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import {
  controllerSelect,
  enterVR,
  frames,
  handPinchAt,
  mouseClickAt,
  type Point,
  screenPointOf,
  settledPositionOf,
  type Target,
  waitForSceneReady,
  worldPositionOf,
} from './xr-input'

const tour = (JSON.parse(readFileSync('scenes/red-tourism/scene.json', 'utf8')) as { tour: TourContent }).tour
const stopIndex = (id: string) => tour.stops.findIndex((s) => s.id === id)

const rig = browserAndServer()

type Press = (page: Page, target: Target) => Promise<void>

/** Names the step that failed and what the tour and the pointers were doing, so a timeout says why. */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const tourView: TourDebugView | null = await debugView(page, 'tour').catch(() => null)
    const state = await page
      .evaluate(() => ({
        pointers: window.__xrShowcase.pointerLog.slice(-8),
        frame: window.__xrShowcase.frame,
        ms: Math.round(performance.now()),
      }))
      .catch(() => null)
    throw new Error(
      `step "${name}" failed: ${(error as Error).message}\n${JSON.stringify({ tour: tourView, ...state })}`,
    )
  }
}

/**
 * The same visit with any input: the console, a hotspot, the minimap, the stations and the quiz.
 * `watchGuide` also checks the guide's body on the way to stop 2: its mixer walks while it moves, then
 * talks with the jaw open to the voice's level (desktop only: XR frames are too slow to see a 2 m walk).
 */
async function visit(app: AppPage, press: Press, pressHotspot: Press, slide: Press, watchGuide = false) {
  const { page } = app
  const at = (name: string) => press(page, name)
  // On a desktop a teleport is a short glide, and the tour may start narrating before the camera arrives.
  const arrivedAt = (index: number) =>
    page.waitForFunction(
      (goal) => {
        const p = window.__xrShowcase.cameraPosition()
        return !!p && Math.hypot(p[0] - goal[0], p[2] - goal[2]) < 0.9
      },
      tour.stops[index].visitorPosition,
      { timeout: 30_000 },
    )
  const goToStop = (id: string) =>
    step(page, `minimap to ${id}`, async () => {
      await at(`minimap:stop:${id}`)
      await arrivedAt(stopIndex(id))
    })

  await step(page, 'play reaches stop 1 with a subtitle', async () => {
    await at('tour:play')
    const s = await waitFor(page, 'tour', (s) => s.stopIndex === 0 && s.phase === 'narrating', {
      what: 'the guide narrates stop 1',
    })
    const goal = tour.stops[0].guidePosition
    expect(Math.hypot(s.guidePosition[0] - goal[0], s.guidePosition[2] - goal[2])).toBeLessThan(0.1)
    expect(await page.evaluate(() => window.__xrShowcase.worldPositionOf('subtitle-bar'))).not.toBeNull()
    await arrivedAt(0)
  })

  await step(page, 'next reaches stop 2', async () => {
    const walked = (await debugView(page, 'tour'))?.guideAnimation?.seconds.walk ?? 0
    await at('tour:next')
    const s = await waitFor(page, 'tour', (s) => s.stopIndex === 1 && s.phase === 'narrating', {
      what: 'the guide narrates stop 2',
      timeout: 60_000,
    })
    expect(s.stopId).toBe(tour.stops[1].id)
    await arrivedAt(1)
    if (watchGuide) {
      expect(
        s.guideAnimation?.seconds.walk,
        'the walk clip led the guide’s mixer on its way',
      ).toBeGreaterThan(walked)
      await waitFor(
        page,
        'tour',
        (t) => !t.guideMoving && t.guideAnimation?.dominant === 'talk' && t.guideAnimation.jaw > 0.01,
        { what: 'the guide talks, its jaw open to the voice' },
      )
    }
  })

  await step(page, 'replay, pause and resume', async () => {
    // The pause must land mid-narration. On slow software GL a narration can run out while the
    // press is under way, and then the same button means "next"; the pointer log says which one
    // the visitor pressed, so go back and try again rather than guess.
    for (let attempt = 1; ; attempt++) {
      // Replay restarts this stop's narration, from the start.
      await at('tour:replay')
      await waitFor(page, 'tour', (s) => s.phase === 'narrating' && s.stopIndex === 1, {
        what: 'stop 2 narrates again after replay',
      })
      await press(page, 'tour:play')
      const s = await waitFor(page, 'tour', (s) => s.phase === 'paused' || s.stopIndex !== 1, {
        what: 'the tour pauses (or has moved on)',
      })
      if (s.phase === 'paused') break
      if (attempt === 3) {
        throw new Error(
          `the narration ended before every pause press (3 tries); last seen: ${JSON.stringify(s)}`,
        )
      }
      await at('tour:prev')
      await waitFor(page, 'tour', (s) => s.stopIndex === 1 && s.phase === 'narrating', {
        what: 'the guide narrates stop 2',
        timeout: 60_000,
      })
    }
    await at('tour:play')
    await waitFor(page, 'tour', (s) => s.phase !== 'paused' && s.stopIndex === 1, {
      what: 'the tour resumes at stop 2',
    })
  })

  await step(page, 'a hotspot opens its info card', async () => {
    await pressHotspot(page, 'hotspot:hs-first-shot')
    await waitFor(page, 'tour', (s) => s.card === 'hs-first-shot', {
      what: 'the first-shot info card is open',
    })
    // The card is read out from the file the build voiced for it (issue 12), pausing the guide's stop.
    const read = await waitFor(
      page,
      'narration',
      (n) =>
        /\/exhibit-hs-first-shot\.(zh|en)\.[0-9a-f]+\.mp3$/.test(n.file ?? '') &&
        (n.audio?.currentTime ?? 0) > 0,
      { what: 'the card plays its shipped file' },
    )
    expect(read.source).toBe('audio')
    // No subtitle repeats the card's own text over it (it measured under the legibility floor beside one).
    expect(read.subtitle).toBe('')
    expect((await debugView(page, 'tour'))?.phase).toBe('paused')
    await worldPositionOf(page, 'info-card:image')
    await at('info-card:close')
    await waitFor(page, 'tour', (s) => s.card === null, { what: 'the info card is closed' })
  })

  await goToStop('then-and-now')
  await step(page, 'then-and-now slider', async () => {
    // 80 % along the track, wherever the view slot placed it once it has stopped gliding after the jump.
    const start = await settledPositionOf(page, 'then-now:slider:start')
    const end = await worldPositionOf(page, 'then-now:slider:end')
    await slide(page, [0, 1, 2].map((k) => start[k] + 0.8 * (end[k] - start[k])) as Point)
    await waitFor(page, 'tour', (s) => s.thenNow > 0.65 && s.thenNow < 0.95, {
      what: 'the then-and-now slider is near 80 %',
    })
    // The card stands where the frame's title does (it covered it on a 1280 × 720 desktop): the title waits.
    expect(await page.evaluate(() => window.__xrShowcase.worldPositionOf('then-now:title'))).not.toBeNull()
    expect(await page.evaluate(() => window.__xrShowcase.isShown('then-now:title'))).toBe(false)
  })

  await goToStop('jinggangshan')
  await step(page, 'the then-and-now card stays at its frame', async () => {
    // The next stop is 5.5 m from the frame, near enough to keep its pictures loaded; the slider card, a control
    // of that frame, leaves the view instead of staying over this stop's exhibit and narration.
    await expect.poll(() => page.evaluate(() => window.__xrShowcase.isShown('then-now:controls'))).toBe(false)
    // From here the frame's title names the exhibit again.
    expect(await page.evaluate(() => window.__xrShowcase.isShown('then-now:title'))).toBe(true)
    expect(
      await page.evaluate(() => window.__xrShowcase.worldPositionOf('then-now:historical')),
    ).not.toBeNull()
  })

  await goToStop('timeline')
  await step(page, 'timeline event', async () => {
    await at('timeline:event:jinggangshan-meeting')
    await waitFor(page, 'tour', (s) => s.timelineSelected === 'jinggangshan-meeting', {
      what: 'the Jinggangshan meeting is selected',
    })
    await worldPositionOf(page, 'timeline:detail')
  })

  await goToStop('panorama')
  await step(page, 'panorama in and out', async () => {
    await at('panorama:enter')
    await waitFor(page, 'tour', (s) => s.panoramaOpen === true, { what: 'the panorama is open' })
    await worldPositionOf(page, 'panorama:sphere')
    // A photo sphere has no floor to walk: its console trades the visitor-mode switch for a wider "leave".
    const shown = (name: string) => page.evaluate((n) => window.__xrShowcase.isShown(n), name)
    expect(await shown('tour:mode')).toBe(false)
    expect(await shown('panorama:leave')).toBe(true)
    await pressHotspot(page, 'hotspot:panorama:pano-huangyangjie')
    await waitFor(page, 'tour', (s) => s.card === 'panorama:pano-huangyangjie', {
      what: 'the panorama hotspot card is open',
    })
    await at('panorama:leave')
    await waitFor(page, 'tour', (s) => s.panoramaOpen === false, { what: 'the panorama is closed' })
    expect(await page.evaluate(() => window.__xrShowcase.worldPositionOf('panorama:sphere'))).toBeNull()
    expect(await shown('tour:mode')).toBe(true)
  })

  await goToStop('quiz')
  await step(page, 'closing quiz', async () => {
    const questions = tour.quiz!.questions
    // Two right answers and one wrong one.
    const choices = [questions[0].answer, (questions[1].answer + 1) % 3, questions[2].answer]
    for (const [i, choice] of choices.entries()) {
      await at(`quiz:option:${choice}`)
      await waitFor(page, 'tour', (s) => s.quiz.answers[i] === choice, {
        what: `answer ${i + 1} is ${choice}`,
      })
      await at('quiz:next')
      await waitFor(page, 'tour', (s) => s.quiz.current === i + 1, { what: `question ${i + 2} shows` })
    }
    const s = await waitFor(page, 'tour', (s) => s.quiz.finished === true, { what: 'the quiz is finished' })
    expect(s.quiz.correct).toBe(2)
    expect(s.quiz.total).toBe(3)
    await worldPositionOf(page, 'quiz:score')
    // Each verdict started from its voiced file (the next question cut it short).
    const played = (await debugView(page, 'narration'))?.played ?? []
    for (const verdict of ['quiz-right', 'quiz-wrong'])
      expect(
        played.some((f) => new RegExp(`/${verdict}\\.(zh|en)\\.[0-9a-f]+\\.mp3$`).test(f)),
        `${verdict} played; played: ${played.join(', ')}`,
      ).toBe(true)
  })

  expect(app.consoleErrors).toEqual([])
  expect(app.offOriginRequests).toEqual([])
}

/**
 * Desktop: drags the slider's knob with the mouse from near the track's start to the target. Scrubbing a
 * slider must not also turn the view (drag-to-look leaves presses a 3D control claimed alone).
 */
const mouseDragSlider: Press = async (page, target) => {
  const start = await worldPositionOf(page, 'then-now:slider:start')
  const end = await worldPositionOf(page, 'then-now:slider:end')
  const from = [0, 1, 2].map((k) => start[k] + 0.15 * (end[k] - start[k])) as Point
  const a = await screenPointOf(page, from, 'the then-and-now slider')
  const b = await screenPointOf(page, target as Point, 'the then-and-now slider')
  const yawBefore = (await debugView(page, 'locomotion'))?.yaw
  await page.mouse.move(a[0], a[1])
  await page.mouse.down()
  await page.mouse.move(b[0], b[1], { steps: 10 })
  await page.mouse.up()
  await frames(page, 4)
  expect((await debugView(page, 'locomotion'))?.yaw, 'the view turned while the slider was dragged').toBe(
    yawBefore,
  )
}

describe('red-tourism tour', () => {
  it('runs the whole visit in an emulated Quest 3 with controller and hand', async () => {
    // The slow narration setting (a first-time visitor's choice) leaves time to pause mid-narration
    // even when software GL makes every XR frame slow.
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&lang=zh', {
      emulateQuest3: true,
      localStorage: {
        'xr-showcase:settings': JSON.stringify({ state: { narrationRate: 0.75 }, version: 1 }),
      },
    })
    await waitForSceneReady(app.page, 'red-tourism')
    await enterVR(app.page)
    // The hall's title and the exhibits' captions in view draw as one text batch per eye.
    const texts = await drawsUnder(
      app.page,
      'tour-architecture',
      (d) => d.transparent && !d.path.endsWith(':glow'),
    )
    expect(texts.paths).toEqual(Array(texts.views).fill('tour-architecture/text-batch'))
    // The console and the map, held in the view, are one picture each per eye (ui/flat-layer.ts) once
    // nothing on them changes: none of their backgrounds, keys or texts is drawn in the headset's frame.
    const heldInView = ['tour-console/flat-layer', 'tour-console/tour-minimap-slot/flat-layer']
    await expect
      .poll(async () => {
        const held = await drawsUnder(app.page, 'tour-console')
        return { paths: held.paths.sort(), expected: heldInView.flatMap((p) => Array(held.views).fill(p)) }
      })
      .toSatisfy(({ paths, expected }) => paths.join() === expected.join())
    const consoleRenders = () =>
      app.page.evaluate(
        () =>
          window.__xrShowcase.flatLayers().find((l) => l.path.endsWith('tour-console/flat-layer'))?.renders ??
          0,
      )
    const rendersBefore = await consoleRenders()
    // The slider logs its click like every control, so a pinch made before the freshly switched hand's
    // pointer existed is pressed again instead of leaving the slider where it was.
    await visit(app, controllerSelect, handPinchAt, handPinchAt)
    // The visit pressed the console's keys on their hidden key meshes; each change was drawn into its picture.
    expect(await consoleRenders()).toBeGreaterThan(rendersBefore)
    await app.context.close()
  }, 720_000)

  it('runs the same visit on desktop with the mouse, within the draw-call and triangle budget, and its stop survives a reload', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&lang=en')
    await waitForSceneReady(app.page, 'red-tourism')
    await frames(app.page, 20)
    const info = await app.page.evaluate(() => window.__xrShowcase.renderInfo())
    expect(info?.calls).toBeLessThanOrEqual(100)
    expect(info?.triangles).toBeLessThanOrEqual(300_000)
    await visit(app, mouseClickAt, mouseClickAt, mouseDragSlider, true)
    const inHall = await app.page.evaluate(() => window.__xrShowcase.renderInfo())
    expect(inHall?.calls).toBeLessThanOrEqual(100)
    // Issue 10 item 6 (here, not in visit-state.test.ts, to load the memorial once): the visit's last
    // stop survives a reload, paused there.
    const stop = (await debugView(app.page, 'tour'))?.stopIndex ?? -1
    expect(stop).toBeGreaterThan(0)
    await app.page.reload()
    await waitForSceneReady(app.page, 'red-tourism')
    const s = await waitFor(app.page, 'tour', (v) => v.stopIndex === stop, {
      what: 'the same stop after the reload',
    })
    expect(['paused', 'presented']).toContain(s.phase)
    await app.context.close()
  }, 480_000)
})

describe('ruijin tour (a second memorial from data only)', () => {
  it('loads and its free-walk guide narrates once the visitor is near', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=ruijin')
    await waitForSceneReady(app.page, 'ruijin')
    await mouseClickAt(app.page, 'tour:play')
    const s = await waitFor(app.page, 'tour', (s) => s.stopIndex === 0 && s.phase === 'narrating', {
      what: 'the guide narrates stop 1',
    })
    expect(s.mode).toBe('free-walk')
    await worldPositionOf(app.page, 'exhibit:long-march-map')
    expect(app.consoleErrors).toEqual([])
    expect(app.offOriginRequests).toEqual([])
    await app.context.close()
  })
})
