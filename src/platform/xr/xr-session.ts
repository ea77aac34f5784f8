// A light mirror of the XR session mode for DOM controls, so the lobby page does not have to load
// three.js and the XR library before it can show buttons. Entering VR loads them on demand.
import { create } from 'zustand'

export const useXRSession = create<{
  mode: XRSessionMode | null
  /** The session's visibility: 'hidden' or 'visible-blurred' when the system has it (a headset taken off). */
  visibility: XRVisibilityState | null
  stageReady: boolean
}>(() => ({
  mode: null,
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
