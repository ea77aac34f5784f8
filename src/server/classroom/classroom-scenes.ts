// A classroom scene's content (seats, slides, lab models, quiz with its answer key), read through the
// server's one SceneStore, so it is validated and cached like every other scene.
import type { ClassroomContent } from '../../schema/kinds/classroom'
import type { SceneStore } from '../scenes/scene-store'

export class ClassroomScenes {
  constructor(private readonly store: SceneStore) {}

  /** The classroom content of scene `id`, or an error message for unknown, invalid or non-classroom scenes. */
  load(id: unknown): { ok: true; content: ClassroomContent } | { ok: false; reason: string } {
    const read = this.store.read(id)
    if (!read.ok) return { ok: false, reason: read.reason }
    if (read.scene.kind !== 'classroom') return { ok: false, reason: `scene "${id}" is not a classroom` }
    return { ok: true, content: read.scene.classroom }
  }
}
