// One visitor's visit, kept in sessionStorage so a reload (a tired kiosk, a dropped headset session)
// does not lose it: per scene, how far the visitor got (each kind saves its own small snapshot), and
// per visit, the visitor's own display choices. Every entry is versioned and validated with zod on
// read: a corrupt or older entry is dropped with one console warning, never a crash. The visit ends
// when the kiosk resets for the next visitor; a scene's progress also ends when the visitor goes back
// to the lobby.
import type { z } from 'zod'
import { create } from 'zustand'
import { useRoute } from '../url'

/** Bump when a stored shape changes incompatibly: older entries are then dropped on read. */
export const VISIT_STORAGE_VERSION = 1
export const VISIT_PREFIX = 'xr-showcase:visit:'
const SCENE_PREFIX = `${VISIT_PREFIX}scene:`

interface Envelope {
  v: number
  data: unknown
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    // Storage refused (privacy settings): the visit lives as long as the page.
    return undefined
  }
}

function keysWithPrefix(store: Storage, prefix: string): string[] {
  const keys: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  return keys
}

/**
 * Reads one visit entry, or undefined when there is none. An entry that is not JSON, has another
 * version or does not fit `schema` is removed with a console warning naming the key and the reason.
 */
export function readVisitEntry<T>(key: string, schema: z.ZodType<T>): T | undefined {
  const store = storage()
  const fullKey = VISIT_PREFIX + key
  const raw = store?.getItem(fullKey)
  if (raw === null || raw === undefined) return undefined
  let reason: string
  try {
    const envelope = JSON.parse(raw) as Partial<Envelope> | null
    if (!envelope || typeof envelope !== 'object' || envelope.v !== VISIT_STORAGE_VERSION) {
      reason = `version ${String(envelope?.v)}, expected ${VISIT_STORAGE_VERSION}`
    } else {
      const parsed = schema.safeParse(envelope.data)
      if (parsed.success) return parsed.data
      const issue = parsed.error.issues[0]
      reason = `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`
    }
  } catch (error) {
    reason = `not JSON (${(error as Error).message})`
  }
  console.warn(`visit: dropped the saved "${key}" (${reason}); starting that part afresh`)
  store?.removeItem(fullKey)
  return undefined
}

export function writeVisitEntry(key: string, data: unknown): void {
  const envelope: Envelope = { v: VISIT_STORAGE_VERSION, data }
  try {
    storage()?.setItem(VISIT_PREFIX + key, JSON.stringify(envelope))
  } catch {
    // Quota or privacy mode: the visit still works, a reload just starts that part afresh.
  }
}

export function removeVisitEntry(key: string): void {
  storage()?.removeItem(VISIT_PREFIX + key)
}

const sceneEntryKey = (sceneId: string, name: string) => `scene:${sceneId}:${name}`

/** The scene open now (from the address), which scene state is saved under. */
export function currentSceneId(): string | undefined {
  return useRoute.getState().scene
}

/** Reads the open scene's saved `name` state (see readVisitEntry); undefined in the lobby. */
export function readSceneState<T>(name: string, schema: z.ZodType<T>): T | undefined {
  const scene = currentSceneId()
  return scene ? readVisitEntry(sceneEntryKey(scene, name), schema) : undefined
}

/** Forgets every scene's progress (the visitor went back to the lobby). */
export function clearSceneStates(): void {
  const store = storage()
  if (!store) return
  for (const key of keysWithPrefix(store, SCENE_PREFIX)) store.removeItem(key)
}

/** Read-only access to a kind store, as zustand's `create` returns it. */
export interface SubscribableStore<S> {
  getState(): S
  subscribe(listener: () => void): () => void
}

/**
 * Saves `snapshot(state)` as the open scene's `name` state whenever the store changes (only when the
 * snapshot's JSON changed) and when the page is hidden or reloaded (for values kept outside the
 * store, such as a replay clock). A null snapshot removes the entry. Writes stop once the visitor has
 * left the scene, so a kind tearing down cannot bring back progress the lobby just cleared. Returns
 * the function that stops it (call it from the kind's dispose).
 */
export function keepSceneState<S>(
  store: SubscribableStore<S>,
  name: string,
  snapshot: (state: S) => unknown,
): () => void {
  const scene = currentSceneId()
  if (!scene) return () => {}
  const key = sceneEntryKey(scene, name)
  let last: string | undefined
  const save = () => {
    if (currentSceneId() !== scene) return
    const value = snapshot(store.getState())
    const json = value === null || value === undefined ? '' : JSON.stringify(value)
    if (json === last) return
    last = json
    if (json === '') removeVisitEntry(key)
    else writeVisitEntry(key, value)
  }
  const unsubscribe = store.subscribe(save)
  const onHide = () => save()
  window.addEventListener('pagehide', onHide)
  return () => {
    unsubscribe()
    window.removeEventListener('pagehide', onHide)
  }
}

// ---- what the open scene asks of the display ------------------------------------------------------

/**
 * Display needs of the scene open now (the hall's elderly mode asks for large text). Never stored:
 * they end when the scene closes (the stage clears them) and never reach the device's settings.
 */
export const useSceneDisplay = create<{ largeText: boolean }>(() => ({ largeText: false }))

export function setSceneLargeText(on: boolean): void {
  if (useSceneDisplay.getState().largeText !== on) useSceneDisplay.setState({ largeText: on })
}

// ---- the visit's end -------------------------------------------------------------------------------

const resetListeners = new Set<() => void>()

/** Runs `listener` when the visit ends for the next visitor (kiosk reset); returns the unsubscribe. */
export function onVisitReset(listener: () => void): () => void {
  resetListeners.add(listener)
  return () => resetListeners.delete(listener)
}

/**
 * Ends the visit for the next visitor: every saved scene state and visitor choice goes, including
 * this app's other per-tab keys (a classroom seat to resume), and each service resets what it keeps
 * (display choices, the first-time help).
 */
export function resetVisit(): void {
  const store = storage()
  if (store) for (const key of keysWithPrefix(store, 'xr-showcase')) store.removeItem(key)
  setSceneLargeText(false)
  for (const listener of resetListeners) listener()
}

/**
 * Clears scene progress when the visitor goes back to the lobby (the scene leaves the address: the
 * back button, the lobby button, the browser's back). Installed once by the app; returns the uninstall.
 */
export function installVisitLifecycle(): () => void {
  return useRoute.subscribe((route, previous) => {
    if (previous.scene && !route.scene) clearSceneStates()
  })
}
