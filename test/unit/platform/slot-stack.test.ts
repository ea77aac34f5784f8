// Panels sharing a view slot stack in it (issue 12: a tour group visitor's panel lay under the XR menu,
// both in 'left'): the stacking maths keeps every panel inside the region and off the others at every
// window size and in XR, and the occupancy keeps the stack's order and drops hidden or unmounted panels.
import { describe, expect, it } from 'vitest'
import { XR_MENU } from '../../../src/app/xr-menu-size'
import { joinSlot, slotStack } from '../../../src/platform/ui/slot-occupancy'
import {
  fitToSlot,
  SLOT_DISTANCE,
  SLOT_GAP,
  SLOT_REGIONS,
  type SlotPlacement,
  slotRegions,
  stackInSlot,
  type ViewFrustum,
  type ViewSlotName,
  XR_COMFORT,
} from '../../../src/platform/ui/view-slots'

const slots = Object.keys(SLOT_REGIONS) as ViewSlotName[]
const VIEWS: ViewFrustum[] = [
  { fovDeg: 70, aspect: 1024 / 640, topInset: 0.09 },
  { fovDeg: 70, aspect: 1920 / 1080, topInset: 0.05 },
  { fovDeg: 70, aspect: 1080 / 1920, topInset: 0.06 },
  XR_COMFORT,
]

/** A placed panel's box in fractions of the view (x from the left, y from the top). */
function fractions(p: SlotPlacement, w: number, h: number, view: ViewFrustum) {
  const halfH = Math.tan((view.fovDeg * Math.PI) / 360) * SLOT_DISTANCE
  const halfW = halfH * view.aspect
  return {
    left: (p.x - (w * p.scale) / 2 + halfW) / (2 * halfW),
    right: (p.x + (w * p.scale) / 2 + halfW) / (2 * halfW),
    top: (halfH - (p.y + (h * p.scale) / 2)) / (2 * halfH),
    bottom: (halfH - (p.y - (h * p.scale) / 2)) / (2 * halfH),
  }
}

describe('a stack of panels in one slot', () => {
  it('keeps every panel inside the region, in order, a gap apart, at every window size and in XR', () => {
    const panels = [
      { width: 0.25, height: 0.41 },
      { width: 0.5, height: 0.5 },
      { width: 0.9, height: 0.3 },
    ]
    for (const view of VIEWS)
      for (const slot of slots) {
        const r = slotRegions(view.aspect)[slot]
        const inset = view.topInset ?? 0
        const placed = stackInSlot(slot, panels, view).map((p, i) =>
          fractions(p, panels[i].width, panels[i].height, view),
        )
        const e = 1e-9
        for (const f of placed) {
          expect(f.left).toBeGreaterThanOrEqual(r.x0 - e)
          expect(f.right).toBeLessThanOrEqual(r.x1 + e)
          expect(f.top).toBeGreaterThanOrEqual(inset + r.y0 * (1 - inset) - e)
          expect(f.bottom).toBeLessThanOrEqual(inset + r.y1 * (1 - inset) + e)
        }
        for (let i = 1; i < placed.length; i++)
          expect(placed[i].top - placed[i - 1].bottom, `${slot} ${i}`).toBeCloseTo(SLOT_GAP, 9)
      }
  })

  it('is a single panel’s fit when alone, and shrinks only when the stack is taller than the region', () => {
    const alone = stackInSlot('left', [{ width: 0.5, height: 0.5 }], XR_COMFORT)[0]
    expect(alone).toEqual(fitToSlot('left', 0.5, 0.5, XR_COMFORT))
    const two = stackInSlot(
      'left',
      [
        { width: 0.5, height: 0.5 },
        { width: 0.5, height: 0.5 },
      ],
      XR_COMFORT,
    )
    // Two such panels fit at the width's scale (0.25 m of 0.5): nothing to shrink.
    expect(two[0].scale).toBeCloseTo(alone.scale, 9)
    expect(two[1].scale).toBeCloseTo(alone.scale, 9)
    const tall = stackInSlot(
      'left',
      [
        { width: 0.25, height: 0.5 },
        { width: 0.25, height: 0.5 },
      ],
      XR_COMFORT,
    )
    expect(tall[0].scale).toBeLessThan(1)
    expect(tall[0].scale).toBeCloseTo(tall[1].scale, 9)
  })

  it('keeps the XR menu at full size above a tour group visitor’s panel (GroupPanel: 0.5 × 0.5 m)', () => {
    const [menu, group] = stackInSlot(
      'left',
      [
        { width: XR_MENU.width, height: XR_MENU.height },
        { width: 0.5, height: 0.5 },
      ],
      XR_COMFORT,
      1,
    )
    expect(menu).toEqual(fitToSlot('left', XR_MENU.width, XR_MENU.height, XR_COMFORT))
    expect(group.y + (0.5 * group.scale) / 2).toBeLessThan(menu.y - (XR_MENU.height * menu.scale) / 2)
  })
})

describe('slot occupancy', () => {
  it('stacks by order, then by joining order, and drops hidden and departed panels', () => {
    const group = joinSlot('right', 0, { width: 0.5, height: 0.5 })
    const menu = joinSlot('right', -1, { width: 0.25, height: 0.41 })
    const later = joinSlot('right', 0, { width: 0.3, height: 0.2 })
    expect(slotStack('right').map((o) => o.id)).toEqual([menu.id, group.id, later.id])
    group.setShown(false)
    expect(slotStack('right').map((o) => o.id)).toEqual([menu.id, later.id])
    group.setShown(true)
    later.resize({ width: 0.3, height: 0.4 })
    expect(slotStack('right').at(-1)?.height).toBe(0.4)
    menu.leave()
    group.leave()
    later.leave()
    expect(slotStack('right')).toEqual([])
  })
})
