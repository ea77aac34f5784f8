// `npx tsx scripts/draw-list.ts <scene> [desktop|vr|ar] [order]`: which objects one frame's draw calls go
// to, counted per object path (both eyes in a session), so a bench row's draw calls can be traced to what
// makes them, and how often the frame switches shader program and material (each switch re-sends
// uniforms). With `order`, every draw in the order three made it, with its program and material ids.
// Opens the scene as the bench does (headset-page.ts). Point TEST_DIST_DIR at a build.
import { type HeadsetMode, runInHeadsetMode } from './headset-page'

const sceneId = process.argv[2] ?? 'red-tourism'
const mode = (process.argv[3] ?? 'vr') as HeadsetMode
const inOrder = process.argv[4] === 'order'

runInHeadsetMode(sceneId, mode, async (app) => {
  const draws = await app.page.evaluate(() => window.__xrShowcase.nextRenderDraws())
  const switches = (key: 'programId' | 'materialId') =>
    draws.filter((d, i) => i === 0 || d[key] !== draws[i - 1][key]).length
  console.log(
    `${sceneId} ${mode}: ${draws.length} draws in one frame, ${switches('programId')} program and ` +
      `${switches('materialId')} material switches`,
  )
  if (inOrder) {
    for (const d of draws) {
      const ids = `${String(d.programId).padStart(3)} ${String(d.materialId).padStart(11)}`
      console.log(`${ids} ${d.transparent ? 'T' : ' '} ${d.material.padEnd(22)} ${d.path}`)
    }
    return
  }
  const count = new Map<string, number>()
  for (const d of draws) {
    const key = `${d.type.padEnd(14)} ${d.material.padEnd(22)} ${d.path}`
    count.set(key, (count.get(key) ?? 0) + 1)
  }
  for (const [key, n] of [...count].sort()) console.log(`${String(n).padStart(3)}  ${key}`)
})
