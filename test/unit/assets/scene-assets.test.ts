// Every asset path a scene file names must exist after `npm run assets`: generated models come
// from a recipe in scripts/models/, files under /scenes/ from the scene folders themselves.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODEL_SOURCES } from '../../../scripts/assets/build-models'
import { stringsInJson } from '../../../scripts/assets/font-characters'

const root = resolve(import.meta.dirname, '../../..')

function sceneFiles(): Array<{ id: string; strings: string[] }> {
  return readdirSync(join(root, 'scenes'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'scenes', d.name, 'scene.json')))
    .map((d) => ({
      id: d.name,
      strings: stringsInJson(JSON.parse(readFileSync(join(root, 'scenes', d.name, 'scene.json'), 'utf8'))),
    }))
}

describe('assets named by scene files', () => {
  const built = new Set(MODEL_SOURCES.flatMap((s) => s.recipes.map((r) => r.file)))

  it('builds every /models/*.glb a scene uses', () => {
    const missing = sceneFiles().flatMap(({ id, strings }) =>
      strings
        .filter((s) => /^\/models\/[^/]+\.glb$/.test(s))
        .filter((s) => !built.has(s.slice('/models/'.length)))
        .map((s) => `${id}: ${s}`),
    )
    expect(missing, 'add a recipe in scripts/models/ or fix the path').toEqual([])
  })

  it('finds every /scenes/... file a scene uses, including its thumbnail', () => {
    const scenes = sceneFiles()
    expect(scenes.length).toBeGreaterThanOrEqual(4)
    const missing = scenes.flatMap(({ id, strings }) =>
      strings
        .filter((s) => /^\/scenes\/.+\.[a-z0-9]+$/i.test(s))
        .filter((s) => !existsSync(join(root, s)))
        .map((s) => `${id}: ${s}`),
    )
    expect(missing).toEqual([])
  })

  it('ships a 640x360 SVG thumbnail for each starter scene', () => {
    for (const id of ['red-tourism', 'gov-hall', 'twin-park', 'classroom']) {
      const svg = readFileSync(join(root, 'scenes', id, 'thumbnail.svg'), 'utf8')
      expect(svg, id).toMatch(/<svg[^>]*width="640"[^>]*height="360"/)
      expect(svg, id).toMatch(/<title>[^<]+<\/title>/)
      // Offline: a thumbnail may not pull anything from another origin.
      expect(svg, id).not.toMatch(/(href|src)="https?:/)
    }
  })
})
