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

  it('ships a 640×360 JPEG thumbnail rendered from each starter scene (npm run thumbnails)', () => {
    for (const id of ['red-tourism', 'ruijin', 'gov-hall', 'twin-park', 'classroom']) {
      const jpeg = readFileSync(join(root, 'scenes', id, 'thumbnail.jpg'))
      expect(jpegSize(jpeg), id).toEqual({ width: 640, height: 360 })
      // A still of a lit scene, not a placeholder: a flat picture compresses to a few KB.
      expect(jpeg.length, id).toBeGreaterThan(15_000)
    }
  })
})

/** A baseline or progressive JPEG's size, from its start-of-frame segment. */
function jpegSize(data: Buffer): { width: number; height: number } | null {
  let at = 2
  while (at + 9 < data.length && data[at] === 0xff) {
    const marker = data[at + 1]
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
    at += 2 + data.readUInt16BE(at + 2)
  }
  return null
}
