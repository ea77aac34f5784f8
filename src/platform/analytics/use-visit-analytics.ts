// What every page reports without a kind's help: a scene entered and left (with its time), VR entered,
// and uncaught errors and rejections (other failures are counted where they are caught: track-error.ts).
// Off while the kiosk's attract loop shows scenes nobody chose; when it ends, the next visitor starts a
// new visit.
import { useEffect } from 'react'
import { useRoute } from '../url/route-store'
import { onVRSessionStarted } from '../xr'
import { flushAnalytics, startNewVisit, track } from './analytics-queue'
import { trackError } from './track-error'

export function useVisitAnalytics(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    if (wasPaused) startNewVisit()
    let scene = useRoute.getState().scene ?? null
    let enteredAt = performance.now()
    if (scene) track({ type: 'scene-entered', scene })
    const leave = () => {
      if (scene) track({ type: 'scene-left', scene, seconds: (performance.now() - enteredAt) / 1000 })
    }
    const stopRoute = useRoute.subscribe((route) => {
      const next = route.scene ?? null
      if (next === scene) return
      leave()
      scene = next
      enteredAt = performance.now()
      if (scene) track({ type: 'scene-entered', scene })
    })
    const stopXR = onVRSessionStarted(() => track({ type: 'vr-entered', scene }))
    const onError = () => trackError('script-error')
    const onRejection = () => trackError('unhandled-rejection')
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushAnalytics(true)
    }
    // Closing the tab or navigating away ends the scene's time; a page restored from the back-forward
    // cache enters it again.
    const onPageHide = () => {
      leave()
      flushAnalytics(true)
    }
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted || !scene) return
      enteredAt = performance.now()
      track({ type: 'scene-entered', scene })
    }
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('pageshow', onPageShow)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      leave()
      flushAnalytics()
      wasPaused = true
      stopRoute()
      stopXR()
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
      document.removeEventListener('visibilitychange', onHidden)
    }
  }, [enabled])
}

/** Set once reporting paused (attract), so the next start is a new visitor. */
let wasPaused = false
