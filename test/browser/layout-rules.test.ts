import { describe, expect, it } from 'vitest'
import { checkLayout, type LayoutProblem } from '../../src/platform/ui/layout-rules'
import { debugView, openAppPage } from './harness'
import { browserAndServer } from './rig'
import { SCENE_WALKS, walkServer } from './scene-walks'
import { enterVR, frames, waitForSceneReady } from './xr-input'

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
      const check = async (where: string) => {
        const layout = await debugView(page, 'layout')
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
          if (i > 0) {
            await page.setViewportSize(size)
            // The slots re-fit on the resize; troika re-lays any text whose size changed in its worker.
            // The canvas follows the window through a resize observer, and the slots re-fit from its size.
            await page.waitForFunction(
              ([w, h]) => {
                const c = document.querySelector('canvas')
                return !!c && c.clientWidth === w && c.clientHeight <= h && c.clientHeight > h / 2
              },
              [size.width, size.height] as const,
            )
            await frames(page, 4)
          }
          await check(`${state.name} @ ${size.width}×${size.height}`)
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
