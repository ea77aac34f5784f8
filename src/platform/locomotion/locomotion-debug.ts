// Read-only locomotion state for browser tests (`view('locomotion')`): where the teleport arc would
// land and whether it may. Tests read it; they drive locomotion with real input.
import type { Vec3 } from '../../schema/common'
import { registerDebugView } from '../debug/test-hooks'

export interface LocomotionDebugView {
  aiming: boolean
  valid: boolean
  landing: Vec3 | null
  /** True while smooth locomotion moves the visitor (the comfort vignette is showing). */
  moving: boolean
}

declare global {
  interface XrShowcaseDebugViews {
    locomotion: LocomotionDebugView
  }
}

/** Written by the locomotion components as they run; copied only when a test asks. */
export const locomotionDebug: LocomotionDebugView = {
  aiming: false,
  valid: false,
  landing: null,
  moving: false,
}
registerDebugView('locomotion', () => ({ ...locomotionDebug }))
