// Loads the list of scenes and each scene file, validating them with the shared schema. A broken
// scene becomes an entry with its problems, so the lobby shows it as an error card while the other
// scenes keep working. Scene folders are served at /scenes/ (live from the server, or copied by the build).
import { create } from 'zustand'
import type { Scene } from '../../schema/scene-schema'
import { type SceneProblem, validateSceneText } from '../../schema/scene-validation'

export type SceneEntry =
  | { id: string; status: 'ok'; scene: Scene; warnings: SceneProblem[] }
  | { id: string; status: 'invalid'; problems: SceneProblem[] }
  | { id: string; status: 'unreachable'; message: string }

interface CatalogState {
  status: 'idle' | 'loading' | 'ready' | 'failed'
  entries: SceneEntry[]
  error?: string
  load(): Promise<void>
}

const base = import.meta.env.BASE_URL

export async function fetchSceneEntry(id: string): Promise<SceneEntry> {
  try {
    const response = await fetch(`${base}scenes/${encodeURIComponent(id)}/scene.json`, { cache: 'no-cache' })
    if (!response.ok) return { id, status: 'unreachable', message: `HTTP ${response.status}` }
    const result = validateSceneText(await response.text(), id)
    return result.ok
      ? { id, status: 'ok', scene: result.scene, warnings: result.warnings }
      : { id, status: 'invalid', problems: result.problems }
  } catch (error) {
    return { id, status: 'unreachable', message: (error as Error).message }
  }
}

export const useSceneCatalog = create<CatalogState>((set, get) => ({
  status: 'idle',
  entries: [],
  async load() {
    if (get().status === 'loading') return
    set({ status: 'loading', error: undefined })
    try {
      const response = await fetch(`${base}scenes/index.json`, { cache: 'no-cache' })
      if (!response.ok) throw new Error(`scene list: HTTP ${response.status}`)
      const { scenes } = (await response.json()) as { scenes: string[] }
      const entries = await Promise.all(scenes.map(fetchSceneEntry))
      set({ status: 'ready', entries })
    } catch (error) {
      set({ status: 'failed', error: (error as Error).message })
    }
  },
}))

export function findEntry(entries: SceneEntry[], id: string): SceneEntry | undefined {
  return entries.find((entry) => entry.id === id)
}
