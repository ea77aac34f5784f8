import { describe, expect, it } from 'vitest'
import {
  fitMapFrame,
  mapToWorld,
  snapToFloors,
  worldToMap,
} from '../../../../src/kinds/tour/logic/minimap-projection'

describe('minimap projection', () => {
  const frame = fitMapFrame([-15, -21], [15, 24], 0.4, 0.5)

  it('keeps the world aspect ratio inside the panel', () => {
    expect(frame.width / frame.height).toBeCloseTo(30 / 45)
    expect(frame.height).toBeCloseTo(0.5)
    expect(frame.width).toBeLessThanOrEqual(0.4)
  })

  it('draws north (-Z) at the top and round-trips', () => {
    const [u, v] = worldToMap(frame, 0, -21)
    expect(u).toBeCloseTo(0)
    expect(v).toBeCloseTo(frame.height / 2)
    const [left] = worldToMap(frame, -15, 0)
    expect(left).toBeCloseTo(-frame.width / 2)
    const [x, z] = mapToWorld(frame, ...worldToMap(frame, 7.5, -3.25))
    expect(x).toBeCloseTo(7.5)
    expect(z).toBeCloseTo(-3.25)
  })

  it('writes into a given pair, so the per-frame "you are here" arrow allocates nothing', () => {
    const out: [number, number] = [0, 0]
    expect(worldToMap(frame, 7.5, -3.25, out)).toBe(out)
    expect(out).toEqual(worldToMap(frame, 7.5, -3.25))
  })

  it('snaps a point off the floors onto the nearest floor, inset from its edge', () => {
    const floors = [
      { id: 'plaza', min: [-15, 0] as [number, number], max: [15, 24] as [number, number], y: 0 },
      { id: 'stage', min: [-2, -10] as [number, number], max: [2, -5] as [number, number], y: 0.5 },
    ]
    expect(snapToFloors(floors, 3, 3)).toEqual({ position: [3, 0, 3], floorId: 'plaza' })
    const snapped = snapToFloors(floors, 20, 5)
    expect(snapped?.floorId).toBe('plaza')
    expect(snapped?.position[0]).toBeCloseTo(14.6)
    expect(snapToFloors(floors, 0, -7)).toEqual({ position: [0, 0.5, -7], floorId: 'stage' })
    expect(snapToFloors([], 0, 0)).toBeNull()
  })
})
