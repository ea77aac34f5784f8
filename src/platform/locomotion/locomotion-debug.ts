// Read-only locomotion state for browser tests (window.__xrShowcase.kinds.locomotion): where the
// teleport arc would land and whether it may. Tests read it; they drive locomotion with real input.
import type { Vec3 } from '../../schema/common'
import { testHooks } from '../debug/test-hooks'

export interface LocomotionDebug {
  aiming: boolean
  valid: boolean
  landing: Vec3 | null
  /** True while smooth locomotion moves the visitor (the comfort vignette is showing). */
  moving: boolean
}

export const locomotionDebug: LocomotionDebug = { aiming: false, valid: false, landing: null, moving: false }
testHooks.kinds.locomotion = locomotionDebug
