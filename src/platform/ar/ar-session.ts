// Whether the visitor is in an immersive-ar session, and what the browser granted for it. The DOM and
// the stage read this; the 3D presentation reads the session itself.
import { useXRSession } from '../xr/xr-session'

/** The WebXR features an AR presentation uses, as a session may grant them. */
export const AR_FEATURES = [
  'hit-test',
  'anchors',
  'plane-detection',
  'mesh-detection',
  'light-estimation',
] as const

export function useInAR(): boolean {
  return useXRSession((s) => s.mode === 'immersive-ar')
}

/** Which AR features this session granted (`enabledFeatures`; a browser without that list grants none we can see). */
export function grantedARFeatures(session: XRSession | null | undefined): string[] {
  const enabled = (session as (XRSession & { enabledFeatures?: readonly string[] }) | null | undefined)
    ?.enabledFeatures
  return enabled ? AR_FEATURES.filter((f) => enabled.includes(f)) : []
}
