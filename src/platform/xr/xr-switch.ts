// Going from one immersive mode to the other (the tour's map → VR at a stop, and back to the table). A page
// cannot change a session's mode: it ends the session and requests the other one. The request needs the
// press's transient user activation (Chromium grants it on an XR `select`, for about 5 s), so it is made
// as soon as the old session has ended; where the browser still refuses, the page offers a one-press button.
import { create } from 'zustand'

export type ImmersiveMode = 'immersive-vr' | 'immersive-ar'

export const useXRSwitch = create<{
  /** The mode the current visit came from and can go back to (offered in the page after leaving). */
  backTo: ImmersiveMode | null
  /** A switch the browser refused (no user activation): the page offers it as one press. */
  refused: ImmersiveMode | null
}>(() => ({ backTo: null, refused: null }))

/**
 * Ends the current session and starts one in `to`. `backTo` is remembered for the way back (null to
 * forget it). Resolves true once the new session runs, false when the browser refused it.
 */
export async function switchXR(to: ImmersiveMode, backTo: ImmersiveMode | null): Promise<boolean> {
  const { xrStore } = await import('./xr-store')
  useXRSwitch.setState({ backTo, refused: null })
  const session = xrStore.getState().session
  // end() resolves once the session has ended (its 'end' event has run three's and the store's cleanup).
  if (session) await session.end()
  try {
    await xrStore.enterXR(to)
    return true
  } catch (error) {
    console.warn(`Switching to ${to} was refused; the page offers it as a button`, error)
    useXRSwitch.setState({ refused: to })
    return false
  }
}

/** Forgets the way back (the scene was left, or the visitor went back). */
export function forgetXRSwitch(): void {
  useXRSwitch.setState({ backTo: null, refused: null })
}
