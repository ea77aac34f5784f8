// `npm run thumbnails`: renders each scene's lobby thumbnail from the scene itself (scripts/stills.ts):
// the view a visitor has on arriving, 640×360 JPEG, into scenes/<id>/thumbnail.jpg. Needs a build
// (`npm run build`); run it after a change to how a scene looks. A scene whose scene.json names another
// thumbnail (an author's own picture) is left alone.
//   npm run thumbnails                 every scene
//   npm run thumbnails -- gov-hall     only these scenes
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listSceneIds } from '../src/server/scenes/scene-folder'
import { launchChromium, startTestServer } from '../test/browser/harness'
import { renderStill } from './stills'

const SCENES_DIR = 'scenes'

const wanted = process.argv.slice(2)
const ids = listSceneIds(SCENES_DIR).filter((id) => wanted.length === 0 || wanted.includes(id))
const server = await startTestServer()
const browser = await launchChromium()
try {
  for (const id of ids) {
    const scene = JSON.parse(readFileSync(join(SCENES_DIR, id, 'scene.json'), 'utf8')) as {
      thumbnail: string
    }
    if (scene.thumbnail !== `/scenes/${id}/thumbnail.jpg`) {
      console.log(`${id}: scene.json names ${scene.thumbnail}; not rendered`)
      continue
    }
    const path = join(SCENES_DIR, id, 'thumbnail.jpg')
    await renderStill(browser, server.url, id, path, { width: 640, height: 360 })
    console.log(`${path}  ${Math.round(statSync(path).size / 1024)} KB`)
  }
} finally {
  await browser.close()
  await server.close()
}
