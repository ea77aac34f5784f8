// Stills of a scene as a visitor arrives (its spawn view), without menus or page chrome: the lobby's
// thumbnails (scripts/thumbnails.ts) and the README's gallery (`npm run shots -- --gallery`).
import type { Browser } from 'playwright-core'
import { openAppPage } from '../test/browser/harness'
import { enterVR, frames, waitForSceneReady } from '../test/browser/xr-input'

export interface StillOptions {
  /** Picture size in pixels; the page renders at twice this and is scaled down (smoother edges). */
  width: number
  height: number
  /** In an emulated Quest 3 session: both eyes, side by side, as the headset's compositor gets them. */
  xr?: boolean
  lang?: 'zh' | 'en'
}

export async function renderStill(
  browser: Browser,
  serverUrl: string,
  sceneId: string,
  path: string,
  options: StillOptions,
): Promise<void> {
  const app = await openAppPage(browser, serverUrl, `/?scene=${sceneId}&lang=${options.lang ?? 'zh'}`, {
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: 2,
    emulateQuest3: options.xr,
  })
  const { page } = app
  try {
    await waitForSceneReady(page, sceneId)
    if (options.xr) await enterVR(page, { keepViewport: true })
    await page.evaluate(() => window.__xrShowcase.setViewUiHidden?.(true))
    // The page's own overlays (title bar, buttons, notices): all but the canvas and what holds it.
    await page.addStyleTag({
      content: '#root *:not(canvas):not(:has(canvas)) { visibility: hidden !important; }',
    })
    // Textures decode and the first frames settle (exposure, the guide's idle pose).
    await frames(page, 60)
    await page.screenshot({ path, type: 'jpeg', quality: 82, scale: 'css' })
  } finally {
    await app.context.close()
  }
}
