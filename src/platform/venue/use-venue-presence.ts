// Mounts venue presence for a page that runs the lobby or a scene (the app shell decides which pages do).
// A browser whose localStorage holds `xr-showcase:venue:presence` = "off" stays unlisted (a developer's
// laptop; browser tests that are not about the venue).
import { useEffect } from 'react'
import { registerVenueDebugView } from './debug'

const OFF_KEY = 'xr-showcase:venue:presence'

function presenceOff(): boolean {
  try {
    return localStorage.getItem(OFF_KEY) === 'off'
  } catch {
    return false
  }
}

export function useVenuePresence(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || presenceOff()) return
    let stop: (() => void) | undefined
    let cancelled = false
    // Loaded after the lobby: the Colyseus client is not part of the first paint.
    void import('./venue-connection').then((m) => {
      if (!cancelled) stop = m.startVenuePresence()
    })
    const unregister = registerVenueDebugView()
    return () => {
      cancelled = true
      unregister()
      stop?.()
    }
  }, [enabled])
}
