// Read-only locomotion state for browser tests (`view('locomotion')`): where the teleport arc would
// land and whether it may, where a floor pointer would take the visitor, and where the visitor
// stands. Tests read it; they drive locomotion with real input.
import type { Vec3 } from '../../schema/common'
import { registerDebugView } from '../debug/test-hooks'
import { usePlayer } from './player'

export interface LocomotionDebugView {
  aiming: boolean
  valid: boolean
  landing: Vec3 | null
  /** True while smooth locomotion moves the visitor (the comfort vignette is showing). */
  moving: boolean
  /** Where the floor hover marker stands (the pointer's landing), or null while it is hidden. */
  hover: Vec3 | null
  /**
   * The last press on a floor surface: the pointer type, the point hit, where it took the visitor
   * (null: refused) and, when a solid object stood in the way, that object's name.
   */
  lastFloorPress: { pointerType: string; point: Vec3; landing: Vec3 | null; blockedBy: string | null } | null
  /** The visitor's feet (the player store), copied when a test asks. */
  player: Vec3
  /** The visitor's facing in degrees (0 looks down -Z). */
  yaw: number
}

declare global {
  interface XrShowcaseDebugViews {
    locomotion: LocomotionDebugView
  }
}

/** Written by the locomotion components as they run; copied only when a test asks. */
export const locomotionDebug: Omit<LocomotionDebugView, 'player' | 'yaw'> = {
  aiming: false,
  valid: false,
  landing: null,
  moving: false,
  hover: null,
  lastFloorPress: null,
}
registerDebugView('locomotion', () => ({
  ...locomotionDebug,
  player: [...usePlayer.getState().position] as Vec3,
  yaw: usePlayer.getState().yaw,
}))
