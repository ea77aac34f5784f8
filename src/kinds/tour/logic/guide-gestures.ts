// What the guide's body does, from the tour's state: walk while it moves, talking hands while it tells
// a stop, idle otherwise; when a stop's story begins, a welcome, then an open-handed point toward the
// stop's exhibit or station when it stands to one side. Pure: TourGuide feeds it and plays its answers.
import type { Vec3 } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'

export type GuideBase = 'idle' | 'walk' | 'talk'
export type GuideGesture = 'welcome' | 'pointLeft' | 'pointRight'

/** A target closer than this to straight ahead (radians) is presented without pointing. */
const POINT_MIN_ANGLE = (25 * Math.PI) / 180
/** ...and one nearly behind the guide too: it would be pointing at nothing the visitor faces. */
const POINT_MAX_ANGLE = (160 * Math.PI) / 180

export interface GuideCueInput {
  moving: boolean
  /** The tour is telling a stop. */
  narrating: boolean
  /** Its voice is playing (a narration may be paused or between files). */
  speaking: boolean
  /** The sequencer's narration token: a new value is a new story (a new stop, or a replay). */
  narrationToken: number
}

/** The world position of the exhibit or station a stop presents, if it has one. */
export function stationPosition(tour: TourContent, id: string | undefined): Vec3 | null {
  if (!id) return null
  const exhibit = tour.exhibits.find((e) => e.id === id)
  if (exhibit) return exhibit.position
  for (const station of [tour.panorama, tour.thenAndNow, tour.timeline, tour.quiz]) {
    if (station?.id === id) return station.position
  }
  return null
}

/**
 * The side to point to for a target at (dx, dz) from the guide (world metres), the guide turned by
 * `yaw` (three.js: its front is +Z rotated about Y); null when the target is ahead or behind.
 */
export function pointingSide(dx: number, dz: number, yaw: number): 'pointLeft' | 'pointRight' | null {
  const left = dx * Math.cos(yaw) - dz * Math.sin(yaw)
  const ahead = dx * Math.sin(yaw) + dz * Math.cos(yaw)
  const angle = Math.atan2(left, ahead)
  if (Math.abs(angle) < POINT_MIN_ANGLE || Math.abs(angle) > POINT_MAX_ANGLE) return null
  return angle > 0 ? 'pointLeft' : 'pointRight'
}

export function guideBase(input: GuideCueInput): GuideBase {
  if (input.moving) return 'walk'
  return input.narrating && input.speaking ? 'talk' : 'idle'
}

/** The gestures owed for the current story, handed out one at a time as the body is free. */
export class GuideGestures {
  private token: number | null = null
  private welcomeDue = false
  private pointDue = false

  /**
   * The gesture to start now, or null. `busy`: a gesture is still playing. `side` is asked only when
   * the point is due, so it reads where the guide faces by then.
   */
  next(input: GuideCueInput, busy: boolean, side: () => GuideGesture | null): GuideGesture | null {
    if (input.narrating && input.narrationToken !== this.token) {
      this.token = input.narrationToken
      this.welcomeDue = true
      this.pointDue = true
    }
    if (input.moving || !input.narrating) {
      this.welcomeDue = false
      this.pointDue = false
    }
    if (busy) return null
    if (this.welcomeDue) {
      this.welcomeDue = false
      return 'welcome'
    }
    if (this.pointDue) {
      this.pointDue = false
      return side()
    }
    return null
  }
}
