// Two grips on the AR model's base: the turn follows the line between them, the size their distance
// (clamped), and the reset goes back to the kind's size and the turn it was placed with.
import { beforeEach, describe, expect, it } from 'vitest'
import {
  keepPlacement,
  placeAt,
  resetPlacement,
  resetTurnAndZoom,
  restoreKeptPlacement,
  setTurnAndZoom,
  useARPlacement,
  ZOOM_RANGE,
} from '../../../src/platform/ar/ar-placement'
import { twoHandPose } from '../../../src/platform/ar/two-hand'

const start = { a: [-0.1, 0] as const, b: [0.1, 0] as const, yaw: 0.3, zoom: 1 }

describe('two-hand turn and resize', () => {
  beforeEach(() => resetPlacement())

  it('resizes by the ratio of the grips’ distance, within the size range', () => {
    expect(twoHandPose(start, [-0.15, 0], [0.15, 0], ZOOM_RANGE).zoom).toBeCloseTo(1.5)
    expect(twoHandPose(start, [-0.05, 0], [0.05, 0], ZOOM_RANGE).zoom).toBeCloseTo(0.5)
    expect(twoHandPose(start, [-1, 0], [1, 0], ZOOM_RANGE).zoom).toBe(ZOOM_RANGE[1])
    expect(twoHandPose(start, [-0.02, 0], [0.02, 0], ZOOM_RANGE).zoom).toBe(ZOOM_RANGE[0])
  })

  it('turns by the angle the line between the grips turned, the short way round', () => {
    // The line from a to b (along +X) turned to along -Z: a turn of +90° about +Y.
    const turned = twoHandPose(start, [0, 0.1], [0, -0.1], ZOOM_RANGE)
    expect(turned.yaw).toBeCloseTo(0.3 + Math.PI / 2)
    expect(turned.zoom).toBeCloseTo(1)
    // Just across ±180° from a line along -X: a small turn, not nearly a whole one.
    const across = { ...start, a: [0.1, 0.001] as const, b: [-0.1, -0.001] as const }
    const small = twoHandPose(across, [0.1, -0.001], [-0.1, 0.001], ZOOM_RANGE)
    expect(Math.abs(small.yaw - 0.3)).toBeLessThan(0.05)
  })

  it('keeps the pose while the grips are too close to give a direction', () => {
    expect(twoHandPose(start, [0, 0], [0.001, 0], ZOOM_RANGE)).toEqual({ yaw: 0.3, zoom: 1 })
  })

  it('resets to the kind’s size and the turn it was placed with, where it stands', () => {
    placeAt([0.1, 0.75, -0.6], 0.7, 'hit-test')
    setTurnAndZoom(2, 9)
    expect(useARPlacement.getState().pose).toMatchObject({ yaw: 2, zoom: ZOOM_RANGE[1] })
    resetTurnAndZoom()
    expect(useARPlacement.getState().pose).toEqual({ position: [0.1, 0.75, -0.6], yaw: 0.7, zoom: 1 })
  })

  it('puts a pose kept for a visit to VR back once, with its own reset turn', () => {
    placeAt([0, 0.75, -0.6], 0.5, 'hit-test')
    setTurnAndZoom(1.2, 2)
    keepPlacement()
    resetPlacement()
    expect(restoreKeptPlacement()).toBe(true)
    expect(useARPlacement.getState()).toMatchObject({
      phase: 'placed',
      source: 'kept',
      placedYaw: 0.5,
      pose: { yaw: 1.2, zoom: 2 },
    })
    resetPlacement()
    expect(restoreKeptPlacement()).toBe(false)
  })
})
