import { describe, expect, it } from 'vitest'
import { SLOT_REGIONS, XR_COMFORT, xrFramePitchDeg } from '../../../src/platform/ui/view-slots'

/** Degrees below the horizon of the console strip's lowest edge (the tangent plane's height fraction). */
function bottomStripLowestDeg(pitchDeg: number): number {
  const half = (XR_COMFORT.fovDeg / 2) * (Math.PI / 180)
  const y = Math.tan(half) * (1 - 2 * SLOT_REGIONS.bottom.y1)
  return -(pitchDeg + (Math.atan(y) * 180) / Math.PI)
}

describe('the XR frame that view slots stand in', () => {
  it('looks 12° down in VR and level in passthrough AR', () => {
    expect(xrFramePitchDeg('opaque')).toBe(XR_COMFORT.pitchDeg)
    expect(xrFramePitchDeg(undefined)).toBe(XR_COMFORT.pitchDeg)
    expect(xrFramePitchDeg('alpha-blend')).toBe(0)
    expect(xrFramePitchDeg('additive')).toBe(0)
  })

  it('keeps the console strip above a tabletop model in AR (its far edge 45° or more below the horizon)', () => {
    expect(bottomStripLowestDeg(xrFramePitchDeg('alpha-blend'))).toBeLessThan(40)
    // In VR the strip reaches lower, which is where a table model would be.
    expect(bottomStripLowestDeg(xrFramePitchDeg('opaque'))).toBeGreaterThan(40)
  })
})
