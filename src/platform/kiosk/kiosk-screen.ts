// A kiosk's screen: fullscreen and a screen wake lock where the browser allows them. Both need a user
// gesture, so they are asked for on the first one (and fullscreen again after it was left, e.g. by a
// stray Esc); the wake lock, which the browser drops whenever the page is hidden, is asked for again
// when the page shows. A browser that says no leaves the kiosk working as before.
// A headset's browser is skipped for fullscreen: the request would use up the gesture that "进入 VR"
// needs to start its session.
import { detectXRSupport } from '../xr/xr-support'
import { kioskDebug } from './kiosk-state'

export function installKioskScreen(): () => void {
  let wakeLock: WakeLockSentinel | null = null
  let lockPending = false
  let headset = false
  let alive = true
  void detectXRSupport().then((s) => {
    headset = s.vr
  })

  const requestWakeLock = async () => {
    if (!('wakeLock' in navigator)) {
      kioskDebug.wakeLock = 'unsupported'
      return
    }
    if (lockPending || (wakeLock && !wakeLock.released)) return
    kioskDebug.wakeLockRequests++
    lockPending = true
    try {
      const lock = await navigator.wakeLock.request('screen')
      if (!alive) return void lock.release()
      wakeLock = lock
      kioskDebug.wakeLock = 'held'
      lock.addEventListener('release', () => {
        if (wakeLock === lock) kioskDebug.wakeLock = 'off'
      })
    } catch {
      kioskDebug.wakeLock = 'refused'
    } finally {
      lockPending = false
    }
  }

  let asking = false
  const requestFullscreen = () => {
    if (headset || asking || document.fullscreenElement) return
    const root = document.documentElement
    if (!root.requestFullscreen) {
      kioskDebug.fullscreen = 'unsupported'
      return
    }
    kioskDebug.fullscreenRequests++
    asking = true
    root
      .requestFullscreen({ navigationUI: 'hide' })
      .catch(() => {
        kioskDebug.fullscreen = 'refused'
      })
      .finally(() => {
        asking = false
      })
  }

  const onGesture = () => {
    requestFullscreen()
    void requestWakeLock()
  }
  const onFullscreen = () => {
    kioskDebug.fullscreen = document.fullscreenElement ? 'on' : 'off'
  }
  const onVisibility = () => {
    if (document.visibilityState === 'visible' && kioskDebug.wakeLockRequests > 0) void requestWakeLock()
  }
  // The events that carry a user activation (a mouse's press, a finger's lift, a key), in capture so
  // a control that stops the event still counts.
  const gestures = ['pointerdown', 'pointerup', 'keydown'] as const
  for (const type of gestures) window.addEventListener(type, onGesture, { capture: true })
  document.addEventListener('fullscreenchange', onFullscreen)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    alive = false
    for (const type of gestures) window.removeEventListener(type, onGesture, { capture: true })
    document.removeEventListener('fullscreenchange', onFullscreen)
    document.removeEventListener('visibilitychange', onVisibility)
    void wakeLock?.release()
    wakeLock = null
    kioskDebug.wakeLock = 'off'
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
  }
}
