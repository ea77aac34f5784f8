// From the table into the full VR scene and back (the tour's "Visit this stop in VR"): the placed pose is
// kept while the visitor is in VR and put back when they return to AR. The kind keeps its own state
// (stop, narration) since the scene stays mounted; only the session changes.
import { useXRSession } from '../xr/xr-session'
import { forgetXRSwitch, switchXR, useXRSwitch } from '../xr/xr-switch'
import { forgetKeptPlacement, keepPlacement } from './ar-placement'

/** Leaves AR for VR in the same scene, keeping where the model sat on the table. */
export function visitInVR(): Promise<boolean> {
  keepPlacement()
  return switchXR('immersive-vr', 'immersive-ar')
}

/** Leaves VR for AR; the model comes back where it was left. */
export function backToTable(): Promise<boolean> {
  return switchXR('immersive-ar', null)
}

/** The scene is left: no way back to a table from another scene. */
export function forgetTable(): void {
  forgetKeptPlacement()
  forgetXRSwitch()
}

/** Whether the visitor is in VR on a visit that came from the table. */
export function useCameFromTable(): boolean {
  const vr = useXRSession((s) => s.mode === 'immersive-vr')
  return useXRSwitch((s) => s.backTo === 'immersive-ar') && vr
}
