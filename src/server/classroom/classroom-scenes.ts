// Loads a classroom scene's content (seats, slides, lab models, quiz with its answer key) from the live
// scenes folder, validated with the same schema as the app, and caches it by file modification time.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ClassroomContent } from '../../schema/kinds/classroom'
import { validateSceneText } from '../../schema/scene-validation'
import { ID_PATTERN } from '../../shared/scene-id'

export class ClassroomScenes {
  private readonly cache = new Map<string, { mtimeMs: number; content: ClassroomContent }>()

  constructor(private readonly scenesDir: string) {}

  /** The classroom content of scene `id`, or an error message for unknown, invalid or non-classroom scenes. */
  load(id: unknown): { ok: true; content: ClassroomContent } | { ok: false; reason: string } {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return { ok: false, reason: 'invalid scene id' }
    const file = join(this.scenesDir, id, 'scene.json')
    let mtimeMs: number
    try {
      mtimeMs = statSync(file).mtimeMs
    } catch {
      return { ok: false, reason: `unknown scene "${id}"` }
    }
    const cached = this.cache.get(id)
    if (cached && cached.mtimeMs === mtimeMs) return { ok: true, content: cached.content }
    const result = validateSceneText(readFileSync(file, 'utf8'), id)
    if (!result.ok) return { ok: false, reason: `scene "${id}" is invalid` }
    if (result.scene.kind !== 'classroom') return { ok: false, reason: `scene "${id}" is not a classroom` }
    this.cache.set(id, { mtimeMs, content: result.scene.classroom })
    return { ok: true, content: result.scene.classroom }
  }
}
