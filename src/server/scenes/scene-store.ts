// The server's one way to read scenes: validated with the app's own schema and cached by file
// modification time and size, so a request re-reads a scene only after an author changed it.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Scene, SceneOfKind } from '../../schema/scene-schema'
import { type SceneProblem, validateSceneText } from '../../schema/scene-validation'
import { isSceneId, type SceneId } from '../../shared/scene-id'
import { listSceneIds } from './scene-folder'

/** Scene files past this size are refused: no venue scene comes near it, and reading one blocks the server. */
export const SCENE_FILE_MAX_BYTES = 5 * 1024 * 1024

export type SceneRead =
  | { ok: true; scene: Scene; text: string }
  | {
      ok: false
      status: 400 | 404 | 413 | 422
      reason: string
      /** The file's text when it was read but is invalid: the app shows the author its problems. */
      text?: string
      problems?: SceneProblem[]
    }

interface CacheEntry {
  mtimeMs: number
  size: number
  read: SceneRead
}

export class SceneStore {
  private readonly cache = new Map<SceneId, CacheEntry>()

  constructor(readonly scenesDir: string) {}

  ids(): SceneId[] {
    return listSceneIds(this.scenesDir)
  }

  /** Scene `id`, validated; or why not, with an HTTP-like status. Never throws for a broken entry. */
  read(id: unknown): SceneRead {
    if (!isSceneId(id)) return { ok: false, status: 400, reason: 'invalid scene id' }
    const file = join(this.scenesDir, id, 'scene.json')
    let stat: { mtimeMs: number; size: number; isFile(): boolean }
    try {
      stat = statSync(file)
    } catch {
      this.cache.delete(id)
      return { ok: false, status: 404, reason: `unknown scene "${id}"` }
    }
    const cached = this.cache.get(id)
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.read
    const read = this.readFresh(id, file, stat)
    this.cache.set(id, { mtimeMs: stat.mtimeMs, size: stat.size, read })
    return read
  }

  /** Every valid scene of one kind, in id order. */
  ofKind<K extends Scene['kind']>(kind: K): SceneOfKind<K>[] {
    const scenes: SceneOfKind<K>[] = []
    for (const id of this.ids()) {
      const read = this.read(id)
      if (read.ok && read.scene.kind === kind) scenes.push(read.scene as SceneOfKind<K>)
    }
    return scenes
  }

  private readFresh(id: SceneId, file: string, stat: { size: number; isFile(): boolean }): SceneRead {
    if (!stat.isFile()) return { ok: false, status: 404, reason: `unknown scene "${id}"` }
    if (stat.size > SCENE_FILE_MAX_BYTES)
      return { ok: false, status: 413, reason: `scene "${id}" is larger than ${SCENE_FILE_MAX_BYTES} bytes` }
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return { ok: false, status: 404, reason: `scene "${id}" cannot be read` }
    }
    const result = validateSceneText(text, id)
    if (!result.ok)
      return { ok: false, status: 422, reason: `scene "${id}" is invalid`, text, problems: result.problems }
    return { ok: true, scene: result.scene, text }
  }
}
