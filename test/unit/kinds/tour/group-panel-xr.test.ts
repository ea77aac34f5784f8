// The tour group's headset panel is designed at the size the left view slot draws it (issue 12 follow-up:
// the 0.5 m desktop panel was drawn at half size under the XR menu, its text at 0.65–0.7°): stacked under
// the XR menu it keeps scale 1, and its smallest text's cap then clears 0.9° from the slot's place.
import { describe, expect, it } from 'vitest'
import { XR_MENU } from '../../../../src/app/xr-menu-size'
import {
  XR_GROUP_LABEL,
  XR_GROUP_PANEL,
  XR_GROUP_TEXT,
} from '../../../../src/kinds/tour/views/group-panel-size'
import { CAP_HEIGHT_RATIO, MIN_CAP_DEG } from '../../../../src/platform/ui/layout-rules'
import { SLOT_REGIONS, stackInSlot, XR_COMFORT } from '../../../../src/platform/ui/view-slots'

describe("a tour group's panel in a headset", () => {
  it('stands under the XR menu at full size', () => {
    const [menu, group] = stackInSlot('left', [XR_MENU, XR_GROUP_PANEL], XR_COMFORT, 1)
    // (The region is 0.2499 m wide, so "full" is 0.9998.)
    expect(menu.scale).toBeGreaterThan(0.999)
    expect(group.scale).toBeGreaterThan(0.999)
  })

  it("reads at ≥ 0.9° at the slot's far corner", () => {
    const [, group] = stackInSlot('left', [XR_MENU, XR_GROUP_PANEL], XR_COMFORT, 1)
    // The panel's corner farthest from the view's centre, in the comfort frame at SLOT_DISTANCE (z = -1);
    // a vertical cap there subtends dy·√(x²+z²)/(x²+y²+z²) radians.
    const x = Math.abs(group.x) + XR_GROUP_PANEL.width / 2
    const y = Math.abs(group.y) + XR_GROUP_PANEL.height / 2
    const capDeg = (size: number) =>
      ((size * CAP_HEIGHT_RATIO * Math.hypot(x, 1)) / (x * x + y * y + 1)) * (180 / Math.PI)
    expect(capDeg(Math.min(XR_GROUP_TEXT, XR_GROUP_LABEL))).toBeGreaterThanOrEqual(MIN_CAP_DEG)
    // (The region itself: a fifth of the field wide.)
    expect(SLOT_REGIONS.left.x1 - SLOT_REGIONS.left.x0).toBeCloseTo(0.2)
  })
})
