// The guide's body follows the tour: walk while moving, talking hands while telling, and at each new
// story a welcome, then a point to the side its exhibit stands on.
import { describe, expect, it } from 'vitest'
import {
  type GuideCueInput,
  GuideGestures,
  guideBase,
  pointingSide,
} from '../../../../src/kinds/tour/logic/guide-gestures'

const cue = (over: Partial<GuideCueInput> = {}): GuideCueInput => ({
  moving: false,
  narrating: false,
  speaking: false,
  narrationToken: 0,
  ...over,
})

describe('guide gestures', () => {
  it('walks while moving, talks while its voice plays, idles otherwise', () => {
    expect(guideBase(cue({ moving: true, narrating: true, speaking: true }))).toBe('walk')
    expect(guideBase(cue({ narrating: true, speaking: true }))).toBe('talk')
    expect(guideBase(cue({ narrating: true, speaking: false }))).toBe('idle')
    expect(guideBase(cue())).toBe('idle')
  })

  it('welcomes when a story begins, then points once the welcome is over, once per story', () => {
    const gestures = new GuideGestures()
    const telling = cue({ narrating: true, speaking: true, narrationToken: 1 })
    const left = () => 'pointLeft' as const
    expect(gestures.next(cue({ moving: true }), false, left)).toBeNull()
    expect(gestures.next(telling, false, left)).toBe('welcome')
    expect(gestures.next(telling, true, left)).toBeNull()
    expect(gestures.next(telling, false, left)).toBe('pointLeft')
    expect(gestures.next(telling, false, left)).toBeNull()
    // A replay is a new story.
    expect(gestures.next({ ...telling, narrationToken: 2 }, false, left)).toBe('welcome')
  })

  it('drops what it owed when the guide walks off or the story stops', () => {
    const gestures = new GuideGestures()
    const telling = cue({ narrating: true, speaking: true, narrationToken: 5 })
    const side = () => 'pointRight' as const
    expect(gestures.next(telling, true, side)).toBeNull()
    expect(gestures.next(cue({ narrationToken: 5 }), false, side)).toBeNull()
    expect(gestures.next(telling, false, side)).toBeNull()
  })

  it('points to the side the target stands on, in the guide’s own frame', () => {
    // Facing +Z (yaw 0), the figure's left is +X.
    expect(pointingSide(2, 1, 0)).toBe('pointLeft')
    expect(pointingSide(-2, 1, 0)).toBe('pointRight')
    // Straight ahead or right behind: no point.
    expect(pointingSide(0.1, 3, 0)).toBeNull()
    expect(pointingSide(0.1, -3, 0)).toBeNull()
    // Turned to face +X (yaw 90°), its left is -Z.
    expect(pointingSide(1, -2, Math.PI / 2)).toBe('pointLeft')
  })
})
