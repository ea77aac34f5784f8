import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkLayout, type LayoutProblem, type LayoutView } from '../../src/platform/ui/layout-rules'
import { debugView, openAppPage } from './harness'
import { browserAndServer } from './rig'
import { SCENE_WALKS, walkServer } from './scene-walks'
import { enterVR, waitForSceneReady } from './xr-input'

/** The supported desktop sizes (the portrait one a touch kiosk). */
const DESKTOP_SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const

/**
 * One walk per scene and view: desktop in each language (the English walk on a touch page), checking
 * every state at all four sizes by resizing the page, and an emulated Quest 3. Resizing instead of a
 * walk per size keeps the test affordable on two cores; the slots re-fit on every resize.
 */
const LAYOUT_VIEWS = [
  { id: 'desktop zh', lang: 'zh', hasTouch: false, xr: false },
  { id: 'desktop en, touch', lang: 'en', hasTouch: true, xr: false },
  { id: 'quest3', lang: 'zh', hasTouch: false, xr: true },
] as const

/**
 * Frames drawn after a resize before its layout is read: R3F takes the new size in the first, and effects
 * that follow it (a panel's portrait slot) land in the second.
 */
const SETTLE_MIN_FRAMES = 2
/** Frames a resized page may take to settle before the walk fails with what still moved. */
const SETTLE_MAX_FRAMES = 30

/**
 * The layout once a resize has settled: the panels the view's slots place (and their texts) no longer move,
 * and troika lays out no text. The slots re-fit in the frame after the canvas takes its size, a portrait
 * window moves panels to their portrait slots in the frame after that, and troika re-lays a text whose
 * width changed in its worker, so no fixed number of frames fits every case. What stands in the world moves
 * in the view only with the camera, which a resize does not move. One round trip to the page.
 */
async function settledLayout(page: Page): Promise<LayoutView> {
  const settled = await page.evaluate(
    async ({ minFrames, maxFrames }) => {
      const read = () => window.__xrShowcase.view('layout') as LayoutView
      const afterNextFrame = (frame: number) =>
        new Promise<void>((resolve) => {
          const poll = setInterval(() => {
            if ((window.__xrShowcase.frame ?? 0) <= frame) return
            clearInterval(poll)
            resolve()
          }, 5)
        })
      // Where each slot-placed panel and each text on one stands, and the text's words, by path. Half a px
      // is still: a panel easing into place creeps by ever smaller steps.
      const places = (view: LayoutView) => {
        const slotted = new Set(view.boxes.filter((b) => b.slot).map((b) => b.path))
        const items = [
          ...view.boxes.filter((b) => slotted.has(b.path)),
          ...view.texts.filter((t) => t.box !== null && slotted.has(t.box)),
        ]
        return new Map(
          items.map((item) => [
            item.path,
            {
              edges: [item.rect.x0, item.rect.y0, item.rect.x1, item.rect.y1],
              words: 'text' in item ? `${item.text}|${item.lines}` : '',
            },
          ]),
        )
      }
      type Place = ReturnType<typeof places> extends Map<string, infer P> ? P : never
      const same = (a?: Place, b?: Place) =>
        !!a && !!b && a.words === b.words && a.edges.every((e, i) => Math.abs(e - b.edges[i]!) < 0.5)
      let view = read()
      let moved: string[] = []
      for (let frame = 1; frame <= maxFrames; frame++) {
        await afterNextFrame(window.__xrShowcase.frame ?? 0)
        const before = places(view)
        view = read()
        const now = places(view)
        moved = [...new Set([...before.keys(), ...now.keys()])].filter(
          (p) => !same(before.get(p), now.get(p)),
        )
        if (frame >= minFrames && moved.length === 0 && view.pendingTexts === 0)
          return { view, frames: frame, moved }
      }
      return { view, frames: -1, moved }
    },
    { minFrames: SETTLE_MIN_FRAMES, maxFrames: SETTLE_MAX_FRAMES },
  )
  if (settled.frames < 0)
    throw new Error(
      `the layout did not settle in ${SETTLE_MAX_FRAMES} frames after a resize: troika still laid out ${settled.view.pendingTexts} texts, and these moved in the last frame: ${settled.moved.join(', ') || 'none'}`,
    )
  return settled.view
}

const walks = walkServer()
const rig = browserAndServer({ modules: walks.modules })

// Narration slowed with the visitor's own setting, so a "narrating" state is still narrating when read.
const slowNarration = {
  'xr-showcase:settings': JSON.stringify({ state: { narrationRate: 0.75 }, version: 1 }),
}

describe.each(SCENE_WALKS)('layout rules: $id', (walk) => {
  it.each(LAYOUT_VIEWS)(
    '$id: no overlap, nothing past its panel or out of view, text ≥ 0.9°',
    async (view) => {
      // The rules read the scene graph and CSS pixels, not the picture, so the harness's quarter drawing
      // scale holds for them (the walks took 15 minutes at full resolution, 5 at a quarter).
      const app = await openAppPage(rig.browser, rig.server.url, `/?scene=${walk.scene}&lang=${view.lang}`, {
        viewport: view.xr ? { width: 800, height: 450 } : DESKTOP_SIZES[0],
        hasTouch: view.hasTouch,
        emulateQuest3: view.xr,
        localStorage: slowNarration,
      })
      // A twin without its broker or a classroom without a room may log a connection error; the rule
      // test is about layout, and those scenes' own tests hold them to no errors.
      app.expectConsoleErrors(/WebSocket|mqtt|colyseus|ECONNREFUSED/i)
      const { page } = app
      await waitForSceneReady(page, walk.scene)
      if (view.xr) await enterVR(page, { keepViewport: true })
      const problems: string[] = []
      let checked = 0
      let wrapped = 0
      const check = async (where: string, settled?: LayoutView) => {
        const layout = settled ?? (await debugView(page, 'layout'))
        expect(layout, 'the layout debug view').not.toBeNull()
        if (!layout) return
        expect(layout.mode).toBe(view.xr ? 'xr' : 'desktop')
        checked += layout.boxes.length
        // Texts laid on more than one line, read from troika's carets: what the word-broken rule reads.
        wrapped += layout.texts.filter((t) => (t.lines ?? 0) > 1).length
        for (const p of checkLayout(layout) as LayoutProblem[])
          problems.push(`[${where}] ${p.rule}: ${p.what}`)
      }
      for (const [index, state] of walk.states.entries()) {
        await state.enter(page, walks.server)
        if (view.xr) {
          await check(state.name)
          continue
        }
        // There and back: each state is checked at all four sizes starting from the size the last one
        // ended at, so a walk makes no resize that is not checked (the next state enters at that size).
        const sizes = index % 2 === 0 ? DESKTOP_SIZES : [...DESKTOP_SIZES].reverse()
        for (const [i, size] of sizes.entries()) {
          // At the first size the state has just settled (its enter waits for frames drawn at this size).
          let settled: LayoutView | undefined
          if (i > 0) {
            await page.setViewportSize(size)
            // The canvas follows the window through a resize observer, and the slots re-fit from its size.
            await page.waitForFunction(
              ([w, h]) => {
                const c = document.querySelector('canvas')
                return !!c && c.clientWidth === w && c.clientHeight <= h && c.clientHeight > h / 2
              },
              [size.width, size.height] as const,
            )
            settled = await settledLayout(page)
          }
          await check(`${state.name} @ ${size.width}×${size.height}`, settled)
        }
      }
      await walk.done?.()
      // The view saw the UI at all (an empty view would pass every rule).
      expect(checked, 'panels and controls measured over all states').toBeGreaterThan(0)
      expect(wrapped, "texts of two lines or more, as troika's carets place them").toBeGreaterThan(0)
      expect(problems, `${walk.id} ${view.id}`).toEqual([])
      await app.context.close()
    },
    // Software GL: a walk of nine states in XR takes minutes on two cores.
    360_000,
  )
})
