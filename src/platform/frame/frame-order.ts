// The one written order of per-frame work. R3F runs useFrame callbacks by ascending priority and then
// renders, as long as no callback has a positive priority; so every stage here is negative and the render
// stays R3F's own. @react-three/xr reads XR input at -1000 and moves its XR pointers (controller and hand rays
// and spheres, transient pointers), each intersecting the scene, at -50, before all of these.
import { type RenderCallback, useFrame, useStore } from '@react-three/fiber'
import { useLayoutEffect } from 'react'

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

/**
 * Where the bench splits a frame's CPU time (scripts/bench.ts): each segment starts just before the work it
 * is named after and runs to the next one; the last runs until R3F renders. Besides our own stages it names
 * the library's: @react-three/xr reads the session's input at -1000 and moves its XR pointers (each one
 * intersecting the scene) at -50, and its ray, cursor and controller visuals run at the default priority 0.
 */
export const FRAME_SEGMENTS = [
  ['xrInput', -1000.5],
  ['pointers', -50.5],
  ['input', FRAME_STAGES.input - 0.5],
  ['locomotion', FRAME_STAGES.locomotion - 0.5],
  ['playerPose', FRAME_STAGES.playerPose - 0.5],
  ['kindLogic', FRAME_STAGES.kindLogic - 0.5],
  ['uiFollow', FRAME_STAGES.uiFollow - 0.5],
  ['probe', FRAME_STAGES.probe - 0.5],
  ['libraryVisuals', -0.5],
] as const

export type FrameSegment = (typeof FRAME_SEGMENTS)[number][0]

/** Calls `mark(segment)` at the start of every segment of each frame (the bench's trace markers). */
export function useFrameSegmentMarks(mark: (segment: FrameSegment) => void): void {
  const store = useStore()
  // What useFrame does, once per segment: subscribes a callback at the segment's priority.
  useLayoutEffect(() => {
    const { subscribe } = store.getState().internal
    const unsubscribe = FRAME_SEGMENTS.map(([segment, priority]) =>
      subscribe({ current: () => mark(segment) }, priority, store),
    )
    return () => {
      for (const stop of unsubscribe) stop()
    }
  }, [store, mark])
}
