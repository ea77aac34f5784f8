// Other members' skinned figures as they stand: each one's animator and whether it was drawn in the
// last frame. Mutable and outside React, like the pose buffer: the Avatars view's frame loop writes it,
// the debug view reads it.
import type { CrowdFigure } from '../../platform/humans'

export interface AvatarFigure extends CrowdFigure {
  role: 'teacher' | 'student'
}

/** By member id; an entry exists while that member's figure model is shown. */
export const avatarFigures = new Map<string, AvatarFigure>()
