// `npx tsx scripts/draw-list.ts <scene> [desktop|vr|ar]`: which objects one frame's draw calls go to, counted
// per object path (both eyes in a session), so a bench row's draw calls can be traced to what makes them.
// Opens the scene as the bench does (headset-page.ts). Point TEST_DIST_DIR at a build.
import { type HeadsetMode, runInHeadsetMode } from './headset-page'

const sceneId = process.argv[2] ?? 'red-tourism'
const mode = (process.argv[3] ?? 'vr') as HeadsetMode

runInHeadsetMode(sceneId, mode, async (app) => {
  const draws = await app.page.evaluate(() => window.__xrShowcase.nextRenderDraws())
  const count = new Map<string, number>()
  for (const d of draws) {
    const key = `${d.type.padEnd(14)} ${d.material.padEnd(22)} ${d.path}`
    count.set(key, (count.get(key) ?? 0) + 1)
  }
  console.log(`${sceneId} ${mode}: ${draws.length} draws in one frame`)
  for (const [key, n] of [...count].sort()) console.log(`${String(n).padStart(3)}  ${key}`)
})
