// The one written order of per-frame work. R3F runs useFrame callbacks by ascending priority and then
// renders, as long as no callback has a positive priority; so every stage here is negative and the render
// stays R3F's own. @react-three/xr reads XR input at -1000 and moves screen pointers at -50, before all of these.
import { type RenderCallback, useFrame } from '@react-three/fiber'

/** (frameStart) → input → locomotion → player pose → kind logic → UI follow → probes, then R3F renders. */
export const FRAME_STAGES = {
  /**
   * Where the bench marks a desktop frame's start, before the library's pointer update (an XR frame
   * is marked around the session's frame callback instead).
   */
  frameStart: -10_000,
  /** Our own reading of controllers, hands and gamepads, after the library's pointer update. */
  input: -45,
  /** Teleport, smooth walking and turning: where the visitor should be this frame. */
  locomotion: -40,
  /** The rig follows the player store; the head pose is final after this stage. */
  playerPose: -30,
  /** Each kind's simulation, rules, animation and the things it draws, reading the final head pose. */
  kindLogic: -20,
  /** Panels, menus and subtitles that follow the head or the kind's state. */
  uiFollow: -10,
  /** Read-only test and bench probes: they see the frame as it will be rendered. */
  probe: -5,
} as const

export type FrameStage = keyof typeof FRAME_STAGES

/** `useFrame` at a named stage of the frame order; the only way app code runs per-frame work. */
export function useFrameStage(stage: FrameStage, callback: RenderCallback): void {
  useFrame(callback, FRAME_STAGES[stage])
}
