// How long the visitor has left this device alone, for the venue's presence report: the same inputs the
// kiosk's idle timer counts (pointer, key, wheel, touch), and a worn headset (its session visible)
// counts as use. Always on, kiosk or not: staff want to see an idle device anywhere.
import { useXRSession } from '../xr/xr-session'

const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
let lastInput = 0
let installed = false

/** Starts listening (once per page); returns the remover. */
export function installVisitorIdle(): () => void {
  if (installed) return () => undefined
  installed = true
  lastInput = performance.now()
  const onInput = () => {
    lastInput = performance.now()
  }
  for (const type of INPUTS) window.addEventListener(type, onInput, { passive: true, capture: true })
  return () => {
    installed = false
    for (const type of INPUTS) window.removeEventListener(type, onInput, { capture: true })
  }
}

/** Whole seconds since the last input; 0 while a headset is worn. */
export function visitorIdleSeconds(now = performance.now()): number {
  const { mode, visibility } = useXRSession.getState()
  if (mode && visibility === 'visible') lastInput = now
  return Math.max(0, Math.floor((now - lastInput) / 1000))
}
