// The server's one scene reader: valid scenes are read once and cached, a changed file is re-read,
// and broken entries (a dangling link, a dotfile, an oversized or invalid file) affect only themselves.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listSceneIds } from '../../../../src/server/scenes/scene-folder'
import { SCENE_FILE_MAX_BYTES, SceneStore } from '../../../../src/server/scenes/scene-store'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scene-store-'))
  cpSync(resolve('scenes/red-tourism'), join(dir, 'red-tourism'), { recursive: true })
  cpSync(resolve('scenes/classroom'), join(dir, 'classroom'), { recursive: true })
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('scene folders', () => {
  it('lists valid folders and skips a dangling link, a dotfolder and a folder without scene.json', () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'))
    mkdirSync(join(dir, '.hidden'))
    writeFileSync(join(dir, '.hidden', 'scene.json'), '{}')
    mkdirSync(join(dir, 'unfinished'))
    expect(listSceneIds(dir)).toEqual(['classroom', 'red-tourism'])
  })

  it('returns no scenes for a missing folder instead of throwing', () => {
    expect(listSceneIds(join(dir, 'missing'))).toEqual([])
  })
})

describe('SceneStore', () => {
  it('reads and validates a scene, and serves the same read until the file changes', () => {
    const store = new SceneStore(dir)
    const first = store.read('red-tourism')
    expect(first.ok && first.scene.kind).toBe('tour')
    expect(store.read('red-tourism')).toBe(first)
    const file = join(dir, 'red-tourism', 'scene.json')
    writeFileSync(file, `${JSON.stringify(JSON.parse(first.ok ? first.text : ''))}\n`)
    const second = store.read('red-tourism')
    expect(second).not.toBe(first)
    expect(second.ok).toBe(true)
  })

  it('refuses bad ids, unknown, oversized and invalid scenes with their own status', () => {
    const store = new SceneStore(dir)
    expect(store.read('../etc')).toMatchObject({ ok: false, status: 400 })
    expect(store.read('nope')).toMatchObject({ ok: false, status: 404 })
    mkdirSync(join(dir, 'huge'))
    writeFileSync(join(dir, 'huge', 'scene.json'), ' '.repeat(SCENE_FILE_MAX_BYTES + 1))
    expect(store.read('huge')).toMatchObject({ ok: false, status: 413 })
    mkdirSync(join(dir, 'broken'))
    writeFileSync(join(dir, 'broken', 'scene.json'), '{ "id": "broken",')
    const broken = store.read('broken')
    expect(broken).toMatchObject({ ok: false, status: 422, text: '{ "id": "broken",' })
    // The broken entries do not touch the others.
    expect(store.ofKind('classroom').map((s) => s.id)).toEqual(['classroom'])
    expect(store.ofKind('tour').map((s) => s.id)).toEqual(['red-tourism'])
  })
})
