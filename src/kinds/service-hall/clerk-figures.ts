// The hall's clerk figures as they stand: each window's animator, whether its mesh was drawn in the
// last frame and how often it has been animated. Mutable and outside React, like the guide's motion:
// HallClerks' frame loop writes it, the debug view reads it.
import type { CrowdFigure } from '../../platform/humans'

export interface ClerkFigure extends CrowdFigure {
  /** Animator updates so far: far and unseen clerks skip frames. */
  updates: number
  /** Drawn at full detail (near the visitor, or talking); else at its file's far detail. */
  fullDetail: boolean
}

/** By window id; a window's entry exists while its clerk's model is shown. */
export const clerkFigures = new Map<string, ClerkFigure>()
