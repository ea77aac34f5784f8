// The rules behind moving by pointing at the floor: drags are not moves, only floor areas are
// landings, and a wall between the pointer and the floor point refuses the move.
import { describe, expect, it } from 'vitest'
import {
  DRAG_THRESHOLD_PX,
  floorLanding,
  isDrag,
  isOccluded,
  isScreenPointer,
} from '../../../src/platform/locomotion/floor-pointing'
import type { FloorArea } from '../../../src/schema/common'

const floors: FloorArea[] = [
  { id: 'plaza', min: [-15, 0], max: [15, 24], y: 0 },
  { id: 'stage', min: [-2, -4], max: [2, -1], y: 0.4 },
]

describe('floor pointing', () => {
  it('tells screen pointers from XR pointers', () => {
    expect(isScreenPointer('forward-mouse')).toBe(true)
    expect(isScreenPointer('screen-touch')).toBe(true)
    expect(isScreenPointer('ray')).toBe(false)
    expect(isScreenPointer('touch')).toBe(false)
  })

  it('counts a press that moved more than a few pixels as a drag', () => {
    expect(isDrag({ x: 100, y: 100 }, { x: 100 + DRAG_THRESHOLD_PX, y: 100 })).toBe(false)
    expect(isDrag({ x: 100, y: 100 }, { x: 104, y: 105 })).toBe(true)
    expect(isDrag(undefined, { x: 0, y: 0 })).toBe(false)
  })

  it('lands only on floor areas, at their height', () => {
    expect(floorLanding(floors, 3, 10)).toEqual([3, 0, 10])
    expect(floorLanding(floors, 0, -2)).toEqual([0, 0.4, -2])
    expect(floorLanding(floors, 20, 10)).toBeNull()
  })

  it('refuses a floor point behind a wall, but not for the hand at the ray start or the paving on the floor', () => {
    expect(isOccluded({ floorDistance: 8, hits: [{ distance: 5, height: 1 }] })).toBe(true)
    expect(isOccluded({ floorDistance: 8, hits: [{ distance: 0.1, height: 1.3 }] })).toBe(false)
    // A shallow ray crosses a 3 cm floor slab or carpet well before the point: not a wall.
    expect(isOccluded({ floorDistance: 8, hits: [{ distance: 7.9, height: 0.03 }] })).toBe(false)
    expect(isOccluded({ floorDistance: 8, hits: [{ distance: 12, height: -1 }] })).toBe(false)
    expect(isOccluded({ floorDistance: 8, hits: [] })).toBe(false)
  })
})
