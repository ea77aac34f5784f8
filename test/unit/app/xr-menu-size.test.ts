// The headset menu fits its view slot at full size, so its labels stay legible: it was wider than the
// slot, shrunk to three quarters, and its labels fell to 0.7–0.77° (the layout rule test found it).
import { describe, expect, it } from 'vitest'
import { XR_MENU } from '../../../src/app/xr-menu-size'
import { CAP_HEIGHT_RATIO, MIN_CAP_DEG } from '../../../src/platform/ui/layout-rules'
import { fitToSlot, SLOT_DISTANCE, XR_COMFORT } from '../../../src/platform/ui/view-slots'

describe('XR menu size', () => {
  it('is drawn at full size in the left slot, its labels at least 0.9° where the slot puts them', () => {
    const fit = fitToSlot('left', XR_MENU.width, XR_MENU.height, {
      fovDeg: XR_COMFORT.fovDeg,
      aspect: XR_COMFORT.aspect,
    })
    expect(fit.scale).toBeGreaterThan(0.999)
    // The slot sits off to the left and below the eye: the label is that much further away.
    const distance = Math.hypot(fit.x, fit.y, fit.z)
    const cap = XR_MENU.button.fontSize * fit.scale * CAP_HEIGHT_RATIO
    const capDeg = (2 * Math.atan(cap / 2 / distance) * 180) / Math.PI
    expect(capDeg).toBeGreaterThanOrEqual(MIN_CAP_DEG)
    expect(distance).toBeGreaterThanOrEqual(SLOT_DISTANCE)
  })
})
