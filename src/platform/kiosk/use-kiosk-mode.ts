// Kiosk behaviour (`?kiosk=1`, or `?kiosk=<seconds>` for another idle time) for exhibition stands that
// run all day. After a few minutes without input the app resets for the next visitor: narration stops,
// an XR session ends, the visit ends (saved scene progress, large text, the first-time help seen), the
// comfort settings (volume, text and subtitle size, seated mode, turning, speed) return to the venue's
// defaults, and the lobby waits in the kiosk's language (Chinese unless its address says `&lang=en`).
// On a screen (a browser that cannot present VR) the attract loop then plays until any input.
// The browser's context menu is off; fullscreen and a wake lock are asked for (kiosk-screen.ts).
// In a headset, wearing it is activity: the session is visible. Taken off (the system hides or blurs
// the session) or with the session ended and no input since, the reset follows after HEADSET_OFF_MS,
// sooner than a desktop kiosk's idle time (kiosk-watch.ts).
import { useEffect } from 'react'
import { registerDebugView, testHooks } from '../debug'
import { lastVisitorInput, watchVisitorInput } from '../input'
import { useSceneCatalog } from '../scenes/scene-catalog'
import { useRoute } from '../url/route-store'
import { useXRSession } from '../xr/xr-session'
import { detectXRSupport } from '../xr/xr-support'
import { installKioskScreen } from './kiosk-screen'
import {
  dispatchKiosk,
  kioskDebug,
  kioskDebugView,
  nextAttractScene,
  resetKiosk,
  setVenueLang,
  useKiosk,
} from './kiosk-state'
import { createKioskWatch } from './kiosk-watch'

/** How long a kiosk waits without input before resetting, unless the address sets another time. */
export const KIOSK_IDLE_MS = 3 * 60 * 1000
/** How long a headset may lie unworn (its session hidden) before the reset. */
export const HEADSET_OFF_MS = 60 * 1000
/** Checks are cheap; once a second keeps a reset within a second of its time. */
const CHECK_MS = 1000
/** A check this late means the page was blocked, not necessarily the visitor gone (idle-timer.ts). */
const STALL_MS = 3 * CHECK_MS

export function useKioskMode(): void {
  const kiosk = useRoute((s) => s.kiosk)
  const idleSeconds = useRoute((s) => s.kioskIdleSeconds)
  useEffect(() => {
    if (!kiosk) return
    const idleMs = idleSeconds ? idleSeconds * 1000 : KIOSK_IDLE_MS
    const headsetOffMs = Math.min(HEADSET_OFF_MS, idleMs)
    setVenueLang(useRoute.getState().lang)
    Object.assign(kioskDebug, { idleMs, headsetOffMs, checks: 0, wornChecks: 0 })
    let headset = false
    const watch = createKioskWatch({
      idleMs,
      headsetOffMs,
      stallMs: STALL_MS,
      start: performance.now(),
      isHeadset: () => headset,
    })
    // A press, a touch or a key ends the attract loop; a mouse only moving (or a hand brushing the
    // screen's edge) keeps the kiosk awake (the shared last-input time) but does not.
    const stopWatching = watchVisitorInput(() => {
      if (useKiosk.getState().phase === 'attract') dispatchKiosk({ type: 'input' })
    })
    const noMenu = (e: Event) => e.preventDefault()
    window.addEventListener('contextmenu', noMenu)
    const uninstallScreen = installKioskScreen()
    void detectXRSupport().then((support) => {
      headset = support.vr
    })
    const interval = setInterval(() => {
      const now = performance.now()
      kioskDebug.checks++
      const { mode, visibility } = useXRSession.getState()
      const worn = visibility === 'visible'
      if (mode && worn) kioskDebug.wornChecks++
      const event = watch.check(now, { inSession: mode !== null, worn }, lastVisitorInput(now))
      if (event) dispatchKiosk(event)
      if (mode) return
      // Attract began before the scene list arrived: start the fly-through once it has.
      const { phase, attractScene } = useKiosk.getState()
      if (phase === 'attract' && !attractScene && useSceneCatalog.getState().status === 'ready')
        nextAttractScene()
    }, CHECK_MS)
    // A page opened during attract by someone else (an operator's "open scene") ends the loop there.
    const unsubscribeRoute = useRoute.subscribe((route) => {
      const { phase, attractScene } = useKiosk.getState()
      if (phase === 'attract' && attractScene && route.scene !== attractScene)
        dispatchKiosk({ type: 'navigated' })
    })
    const unregister = registerDebugView('kiosk', kioskDebugView)
    // Tests run the reset the timer would, without waiting minutes.
    testHooks.kioskReset = resetKiosk
    return () => {
      stopWatching()
      window.removeEventListener('contextmenu', noMenu)
      uninstallScreen()
      unsubscribeRoute()
      clearInterval(interval)
      if (useKiosk.getState().phase === 'attract') dispatchKiosk({ type: 'stop-attract' })
      unregister()
      testHooks.kioskReset = undefined
    }
  }, [kiosk, idleSeconds])
}
