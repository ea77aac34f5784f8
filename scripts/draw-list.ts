// `npx tsx scripts/draw-list.ts <scene> [desktop|vr|ar]`: which objects one frame's draw calls go to, counted
// per object path (both eyes in a session), so a bench row's draw calls can be traced to what makes them.
// Opens the scene in an emulated Quest 3 at the bench's page size; `ar` places the kind's AR presentation on
// the synthetic office's table, as the bench does. Point TEST_DIST_DIR at a build.
import { resolve } from 'node:path'
import { enterAR, installRoom, placeOnTable } from '../test/browser/ar-room'
import { launchChromium, openAppPage, startTestServer } from '../test/browser/harness'
import { enterVR, frames, waitForSceneReady } from '../test/browser/xr-input'

async function main() {
  const sceneId = process.argv[2] ?? 'red-tourism'
  const mode = process.argv[3] ?? 'vr'
  const server = await startTestServer({ config: { scenesDir: resolve('scenes') } })
  const browser = await launchChromium()
  try {
    const app = await openAppPage(browser, server.url, `/?scene=${sceneId}`, {
      emulateQuest3: true,
      viewport: { width: 1280, height: 720 },
    })
    await waitForSceneReady(app.page, sceneId)
    await frames(app.page, 40)
    if (mode === 'vr') await enterVR(app.page, { keepViewport: true })
    if (mode === 'ar') {
      await installRoom(app.page)
      await enterAR(app.page, { keepViewport: true })
      await placeOnTable(app.page)
    }
    await frames(app.page, 30)
    const draws = await app.page.evaluate(() => window.__xrShowcase.nextRenderDraws())
    const count = new Map<string, number>()
    for (const d of draws) {
      const key = `${d.type.padEnd(14)} ${d.material.padEnd(22)} ${d.path}`
      count.set(key, (count.get(key) ?? 0) + 1)
    }
    console.log(`${sceneId} ${mode}: ${draws.length} draws in one frame`)
    for (const [key, n] of [...count].sort()) console.log(`${String(n).padStart(3)}  ${key}`)
    await app.context.close()
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
