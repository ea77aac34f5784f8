// `npm run shots`: screenshots of every scene's main states (test/browser/scene-walks.ts) at the four
// desktop sizes and in an emulated Quest 3, in Chinese and English, into shots/ (gitignored), so the
// next person can look at what a visitor sees. Each shot gets a .txt next to it listing the layout
// rules it breaks, from the same debug view the rule test reads. Needs a build (`npm run build`).
//   npm run shots                       all scenes, all views, both languages
//   npm run shots -- red-tourism 1024   only scenes/views whose names contain these words
//   npm run shots -- --gallery          the README's gallery instead: each scene as a visitor arrives, on a
//                                       desktop and in an emulated Quest 3, into docs/gallery/ (committed)
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkLayout } from '../src/platform/ui/layout-rules'
import { listSceneIds } from '../src/server/scenes/scene-folder'
import { debugView, launchChromium, openAppPage, startTestServer } from '../test/browser/harness'
import { SCENE_WALKS, walkServer } from '../test/browser/scene-walks'
import { enterVR, waitForSceneReady } from '../test/browser/xr-input'
import { renderStill } from './stills'

const VIEWS = [
  { id: '1024x640', viewport: { width: 1024, height: 640 } },
  { id: '1280x720', viewport: { width: 1280, height: 720 } },
  { id: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { id: '1080x1920-touch', viewport: { width: 1080, height: 1920 }, hasTouch: true },
  { id: 'quest3', viewport: { width: 1000, height: 500 }, xr: true },
]
const gallery = process.argv.includes('--gallery')
const filters = process.argv.slice(2).filter((a) => a !== '--gallery')
const wanted = (...names: string[]) => filters.every((f) => names.some((n) => n.includes(f)))

const out = 'shots'
const GALLERY_DIR = 'docs/gallery'
mkdirSync(out, { recursive: true })
const walks = walkServer()
const server = await startTestServer({ modules: walks.modules })
const browser = await launchChromium()
let failures = 0
try {
  if (gallery) {
    mkdirSync(GALLERY_DIR, { recursive: true })
    for (const scene of listSceneIds('scenes')) {
      for (const xr of [false, true]) {
        if (!wanted(scene, xr ? 'xr' : 'desktop')) continue
        const path = join(GALLERY_DIR, `${scene}-${xr ? 'xr' : 'desktop'}.jpg`)
        await renderStill(browser, server.url, scene, path, { width: 640, height: 360, xr })
        console.log(path)
      }
    }
  }
  for (const walk of gallery ? [] : SCENE_WALKS) {
    for (const view of VIEWS) {
      for (const lang of ['zh', 'en']) {
        if (!wanted(walk.id, view.id, lang) && !wanted(`${walk.id}/${view.id}/${lang}`)) continue
        const app = await openAppPage(browser, server.url, `/?scene=${walk.scene}&lang=${lang}`, {
          viewport: view.viewport,
          hasTouch: view.hasTouch,
          emulateQuest3: view.xr,
          localStorage: {
            'xr-showcase:settings': JSON.stringify({ state: { narrationRate: 0.75 }, version: 1 }),
          },
        })
        const { page } = app
        try {
          await waitForSceneReady(page, walk.scene)
          if (view.xr) await enterVR(page, { keepViewport: true })
          for (const [i, state] of walk.states.entries()) {
            await state.enter(page, walks.server)
            const base = join(
              out,
              `${walk.id}-${view.id}-${lang}-${i}-${state.name.replace(/[^\w-]+/g, '_')}`,
            )
            await page.screenshot({ path: `${base}.png` })
            const layout = await debugView(page, 'layout')
            const problems = layout ? checkLayout(layout) : []
            failures += problems.length
            writeFileSync(`${base}.txt`, problems.map((p) => `${p.rule}: ${p.what}`).join('\n'))
            console.log(`${base}.png  ${problems.length} layout problem(s)`)
          }
        } catch (error) {
          console.error(`${walk.id} ${view.id} ${lang}: ${(error as Error).message.slice(0, 500)}`)
          failures++
        } finally {
          await app.context.close()
          await walk.done?.()
        }
      }
    }
  }
} finally {
  await browser.close()
  await server.close()
}
console.log(`${failures} layout problem(s) in all; details in ${out}/*.txt`)
