// The installed, offline app: registers the service worker the build generates (vite-plugin-pwa,
// Workbox) and holds a new version until someone accepts it, so a deploy never reloads a visitor's
// page in the middle of a visit. A kiosk applies it at its next reset.
// The worker precaches the build's own files, every scene's models, textures, images and synthesised
// narration included (vite.config.ts), so a device that loaded the app once opens any scene in an
// outage, not only the ones it visited. What the server makes live (the scene list, each scene's
// narration index with the venue's own recordings) the page fetches once through the worker here.
import { create } from 'zustand'
import { NarrationIndex } from '../../shared/narration-index'
import { useSceneCatalog } from '../scenes/scene-catalog'

interface AppUpdate {
  /** A new version is installed and waiting. */
  ready: boolean
  /** Switches to it (the page reloads once the new service worker controls it). */
  apply(): void
}

export const useAppUpdate = create<AppUpdate>(() => ({ ready: false, apply: () => {} }))

let registered = false

export async function registerOffline(): Promise<void> {
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return
  registered = true
  const { registerSW } = await import('virtual:pwa-register')
  const update = registerSW({
    onNeedRefresh: () => useAppUpdate.setState({ ready: true, apply: () => switchVersion(update) }),
    onRegisterError: (error: unknown) => console.warn('offline cache unavailable:', error),
  })
  await navigator.serviceWorker.ready
  if (navigator.serviceWorker.controller) await keepScenesForOffline()
}

/**
 * Fetches each scene's narration index and the venue recordings it names, one at a time, so the worker's
 * network-first cache holds them (the synthesised audio is precached). Failures only mean a line speaks
 * with the device's voice in an outage: nothing to report to a visitor.
 */
async function keepScenesForOffline(): Promise<void> {
  try {
    for (const id of await sceneIds()) {
      const response = await fetch(`/scenes/${id}/narration.json`)
      if (!response.ok) continue
      const index = NarrationIndex.safeParse(await response.json())
      if (!index.success) continue
      const recordings = Object.values(index.data.lines)
        .flatMap((line) => [line.zh?.file, line.en?.file])
        .filter((file): file is string => file?.startsWith('/scenes/') === true)
      for (const file of recordings) await (await fetch(file)).arrayBuffer()
    }
  } catch {
    // The server went away meanwhile: the next page load tries again.
  }
}

/**
 * Lets the waiting worker take over, then reloads into it. The reload is ours: workbox-window only
 * reloads for an update it found itself, not one the browser found on a navigation.
 */
function switchVersion(update: (reload?: boolean) => Promise<void>): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
  void update(true)
}

/** Applies a waiting version, if there is one: for moments nobody is mid-visit (a kiosk reset). */
export function applyWaitingUpdate(): void {
  const { ready, apply } = useAppUpdate.getState()
  if (ready) apply()
}

/** The scenes the app's catalog lists (the lobby loads it; this waits for it rather than asking again). */
function sceneIds(): Promise<string[]> {
  return new Promise((resolve) => {
    const settle = (state: ReturnType<typeof useSceneCatalog.getState>) => {
      if (state.status !== 'ready') return false
      resolve(state.entries.filter((e) => e.status === 'ok').map((e) => e.id))
      return true
    }
    if (settle(useSceneCatalog.getState())) return
    const stop = useSceneCatalog.subscribe((state) => {
      if (settle(state)) stop()
    })
  })
}
