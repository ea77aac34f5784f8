// When the visitor last used this device: one set of window listeners (pointer, key, wheel, touch) and
// one last-input time, read by the kiosk's idle timer and by the venue's presence report alike. A worn
// headset (its XR session visible) counts as use. Presses are also told to whoever asks: the kiosk ends
// its attract loop on one, where a mouse only moving keeps the page awake but does not.
import { useXRSession } from '../xr/xr-session'

/** Inputs that are a press; `pointermove` is input but not a press. */
const PRESSES = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

let lastInput = 0
let watchers = 0
const pressListeners = new Set<() => void>()

function onMove(): void {
  lastInput = performance.now()
}

function onPress(): void {
  lastInput = performance.now()
  for (const listener of pressListeners) listener()
}

/**
 * Listens for the visitor's input while anyone watches (the listeners are added once, whoever comes
 * first, and removed when the last one stops); `onVisitorPress` hears each press. Returns the stop
 * function.
 */
export function watchVisitorInput(onVisitorPress?: () => void): () => void {
  if (watchers++ === 0) {
    // Nobody watched before: the page has been left alone since now, as far as anyone can tell.
    lastInput = performance.now()
    for (const type of PRESSES) window.addEventListener(type, onPress, { passive: true, capture: true })
    window.addEventListener('pointermove', onMove, { passive: true, capture: true })
  }
  if (onVisitorPress) pressListeners.add(onVisitorPress)
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    if (onVisitorPress) pressListeners.delete(onVisitorPress)
    if (--watchers > 0) return
    for (const type of PRESSES) window.removeEventListener(type, onPress, { capture: true })
    window.removeEventListener('pointermove', onMove, { capture: true })
  }
}

/** When the visitor last used the device (a `performance.now()` time); now while a headset is worn. */
export function lastVisitorInput(now = performance.now()): number {
  const { mode, visibility } = useXRSession.getState()
  if (mode && visibility === 'visible') lastInput = Math.max(lastInput, now)
  return lastInput
}

/** Whole seconds since the visitor's last input; 0 while a headset is worn. */
export function visitorIdleSeconds(now = performance.now()): number {
  return Math.max(0, Math.floor((now - lastVisitorInput(now)) / 1000))
}
