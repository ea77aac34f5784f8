// The installed, offline app: registers the service worker the build generates (vite-plugin-pwa,
// Workbox) and holds a new version until someone accepts it, so a deploy never reloads a visitor's
// page in the middle of a visit. A kiosk applies it at its next reset.
import { create } from 'zustand'

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
