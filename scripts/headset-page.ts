// How the bench and its diagnostic scripts (draw-list, profile-xr-frame) put a scene in a headset mode: the
// emulated Quest 3's page at the size every bench row was measured at, and VR or AR entered as a visitor
// would (in AR, the kind's presentation placed by hit-test on the synthetic office's table).
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { enterAR, installRoom, placeOnTable } from '../test/browser/ar-room'
import { type AppPage, launchChromium, openAppPage, startTestServer } from '../test/browser/harness'
import { enterVR, frames, waitForSceneReady } from '../test/browser/xr-input'

export const BENCH_VIEWPORT = { width: 1280, height: 720 } as const

export type HeadsetMode = 'desktop' | 'vr' | 'ar'

export async function enterHeadsetMode(page: Page, mode: HeadsetMode): Promise<void> {
  if (mode === 'vr') await enterVR(page, { keepViewport: true })
  if (mode === 'ar') {
    await installRoom(page)
    await enterAR(page, { keepViewport: true })
    await placeOnTable(page)
  }
}

/**
 * A diagnostic script's run: this server and a browser, the scene open in `mode` and settled (models,
 * textures and fonts in, 20 frames in the mode), `use` given the page, then everything closed. A failure
 * is printed and ends the process with 1.
 */
export function runInHeadsetMode(
  sceneId: string,
  mode: HeadsetMode,
  use: (app: AppPage) => Promise<void>,
): void {
  const run = async () => {
    const server = await startTestServer({ config: { scenesDir: resolve('scenes') } })
    const browser = await launchChromium()
    try {
      const app = await openAppPage(browser, server.url, `/?scene=${sceneId}`, {
        emulateQuest3: true,
        viewport: BENCH_VIEWPORT,
      })
      await waitForSceneReady(app.page, sceneId)
      await frames(app.page, 40)
      await enterHeadsetMode(app.page, mode)
      await frames(app.page, 20)
      await use(app)
      await app.context.close()
    } finally {
      await browser.close()
      await server.close()
    }
  }
  run().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
