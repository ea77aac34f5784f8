// A light mirror of the XR session mode for DOM controls, so the lobby page does not have to load
// three.js and the XR library before it can show buttons. Entering VR loads them on demand.
import { create } from 'zustand'

export const useXRSession = create<{
  mode: XRSessionMode | null
  /** The session's visibility: 'hidden' or 'visible-blurred' when the system has it (a headset taken off). */
  visibility: XRVisibilityState | null
  stageReady: boolean
  /** Counts the sessions this page has started: one entry into VR is one session, however often the
   * mode mirror above is set while it runs. */
  sessionNumber: number
}>(() => ({
  mode: null,
  sessionNumber: 0,
  visibility: null,
  // The XR store can only start a session once the 3D stage (its <XR> element) is mounted.
  stageReady: false,
}))

export async function enterXR(mode: 'immersive-vr' | 'immersive-ar'): Promise<void> {
  const { xrStore } = await import('./xr-store')
  await (mode === 'immersive-vr' ? xrStore.enterVR() : xrStore.enterAR())
}

export async function exitXR(): Promise<void> {
  const { xrStore } = await import('./xr-store')
  await xrStore.getState().session?.end()
}

/** Calls `entered` once for each VR session that starts from now on, however often the mode mirror is
 * set while one runs (a CI run once counted one entry twice). Returns the unsubscribe. */
export function onVRSessionStarted(entered: () => void): () => void {
  let counted = useXRSession.getState().sessionNumber
  return useXRSession.subscribe((s) => {
    if (s.mode !== 'immersive-vr' || s.sessionNumber === counted) return
    counted = s.sessionNumber
    entered()
  })
}
