// The AR placement's rules: where the model goes without hit-test, which way it faces, and the
// visitor's moves (slide keeps it on the table, size stays within bounds, place again starts over).
import { beforeEach, describe, expect, it } from 'vitest'
import {
  footprintOfFloors,
  IN_FRONT_DISTANCE,
  inFrontPose,
  moveBy,
  placeAt,
  resetPlacement,
  TABLE_HEIGHT,
  useARPlacement,
  yawFacing,
  ZOOM_RANGE,
  zoomBy,
} from '../../../src/platform/ar/ar-placement'

describe('AR placement', () => {
  beforeEach(() => resetPlacement())

  it('puts the model 0.8 m in front of the visitor at table height, facing them, without hit-test', () => {
    const pose = inFrontPose([1, 1.6, 2], 0, 0)
    expect(pose.position[0]).toBeCloseTo(1)
    expect(pose.position[1]).toBeCloseTo(TABLE_HEIGHT)
    expect(pose.position[2]).toBeCloseTo(2 - IN_FRONT_DISTANCE)
    // Looking along -X (yaw +90°): the model goes to -X.
    const turned = inFrontPose([0, 1.6, 0], Math.PI / 2, 0.1)
    expect(turned.position[0]).toBeCloseTo(-IN_FRONT_DISTANCE)
    expect(turned.position[1]).toBeCloseTo(0.1 + TABLE_HEIGHT)
    // Its front (+Z turned by yaw) points back at the head.
    expect(yawFacing(turned.position, [0, 1.6, 0])).toBeCloseTo(Math.PI / 2)
  })

  it('slides over the surface without changing height, and keeps its size within bounds', () => {
    placeAt([0, 0.75, -0.6], 0, 'hit-test')
    useARPlacement.setState({ anchored: true })
    moveBy(0.2, -0.1)
    const { pose, anchored } = useARPlacement.getState()
    expect(pose.position).toEqual([0.2, 0.75, -0.7])
    // A moved model is re-anchored where it was left.
    expect(anchored).toBe(false)
    for (let i = 0; i < 20; i++) zoomBy(2)
    expect(useARPlacement.getState().pose.zoom).toBe(ZOOM_RANGE[1])
    for (let i = 0; i < 20; i++) zoomBy(0.5)
    expect(useARPlacement.getState().pose.zoom).toBe(ZOOM_RANGE[0])
  })

  it('starts over with the reticle on "place again"', () => {
    placeAt([0, 0.75, -0.6], 1, 'hit-test')
    resetPlacement()
    expect(useARPlacement.getState()).toMatchObject({ phase: 'placing', source: null, anchored: false })
  })

  it('takes a kind’s footprint from the bounds of all its floor areas, or 100 m square without any', () => {
    const floors = [
      { min: [-10, -4] as [number, number], max: [2, 6] as [number, number] },
      { min: [1, -8] as [number, number], max: [12, 0] as [number, number] },
    ]
    expect(footprintOfFloors(floors)).toEqual({ min: [-10, -8], max: [12, 6] })
    expect(footprintOfFloors([])).toEqual({ min: [-50, -50], max: [50, 50] })
  })
})
