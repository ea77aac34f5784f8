// The platform's dashboard arrangement on plans other than the twin's (whose own test covers its HUD at
// every venue window): stacks in each column, a middle stack over the footer, a plan without a footer,
// one shared scale when the view is too small, and the XR menu's slot kept clear.
import { describe, expect, it } from 'vitest'
import {
  type DashboardPlan,
  type DashboardRect,
  dashboardRectsOverlap,
  layoutDashboard,
  XR_DASHBOARD_VIEW,
} from '../../../src/platform/ui/dashboard-layout'
import { xrLeftSlotEdge } from '../../../src/platform/ui/view-slots'

type Slot = 'a' | 'b' | 'c' | 'd' | 'e' | 'f'
const boxes = {
  a: { w: 0.6, h: 0.3 },
  b: { w: 0.5, h: 0.2 },
  c: { w: 0.7, h: 0.4 },
  d: { w: 0.4, h: 0.3 },
  e: { w: 0.5, h: 0.2 },
  f: { w: 1.2, h: 0.2 },
}
const plan: DashboardPlan<Slot> = {
  boxes,
  left: ['a', 'b'],
  right: ['c', 'd'],
  footer: 'f',
  middle: ['e'],
  portrait: ['c', 'd', 'e', 'a', 'b', 'f'],
}
const wide = { aspect: 16 / 9, vFovDeg: 70, distance: 1.2 }
const top = (r: DashboardRect) => r.y + r.h / 2
const bottom = (r: DashboardRect) => r.y - r.h / 2
const left = (r: DashboardRect) => r.x - r.w / 2
const right = (r: DashboardRect) => r.x + r.w / 2

function expectApart(slots: Record<Slot, DashboardRect>) {
  const list = Object.entries(slots) as [Slot, DashboardRect][]
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      expect(dashboardRectsOverlap(list[i][1], list[j][1]), `${list[i][0]} and ${list[j][0]}`).toBe(false)
}

describe('layoutDashboard', () => {
  it('stacks each column from the top at the view edges and the middle from the footer up', () => {
    const l = layoutDashboard(wide, plan)
    expect(l.portrait).toBe(false)
    expect(l.scale).toBe(1)
    const s = l.slots
    expect(left(s.a)).toBeCloseTo(left(s.b))
    expect(top(s.a)).toBeCloseTo(top(s.c))
    expect(bottom(s.a)).toBeGreaterThan(top(s.b))
    expect(bottom(s.c)).toBeGreaterThan(top(s.d))
    // The right column is flush with the right edge, panel by panel.
    expect(right(s.c)).toBeCloseTo(right(s.d))
    expect(right(s.c)).toBeLessThan(l.halfW)
    expect(left(s.a)).toBeGreaterThan(-l.halfW)
    // Footer centred on the bottom edge, the middle stack just above it.
    expect(s.f.x).toBeCloseTo(0)
    expect(bottom(s.f)).toBeGreaterThan(-l.halfH)
    expect(s.e.x).toBeCloseTo(0)
    expect(bottom(s.e)).toBeGreaterThan(top(s.f))
    expectApart(s)
  })

  it('shrinks every slot by one scale when the view is too small, and works without a footer', () => {
    const small = layoutDashboard({ ...wide, distance: 0.5 }, plan)
    expect(small.scale).toBeLessThan(1)
    for (const slot of Object.keys(boxes) as Slot[]) {
      expect(small.slots[slot].w).toBeCloseTo(boxes[slot].w * small.scale)
      expect(top(small.slots[slot])).toBeLessThanOrEqual(small.halfH)
      expect(bottom(small.slots[slot])).toBeGreaterThanOrEqual(-small.halfH)
    }
    expectApart(small.slots)
    const { footer: _, ...noFooter } = plan
    const l = layoutDashboard(wide, { ...noFooter, middle: ['e', 'f'], portrait: plan.portrait })
    expect(bottom(l.slots.e)).toBeGreaterThan(-l.halfH)
    expect(bottom(l.slots.f)).toBeGreaterThan(top(l.slots.e))
  })

  it('takes one column, in the plan’s order, on a portrait view', () => {
    const l = layoutDashboard({ aspect: 9 / 16, vFovDeg: 90, distance: 1.2 }, plan)
    expect(l.portrait).toBe(true)
    const ys = plan.portrait.map((slot) => l.slots[slot].y)
    expect([...ys].sort((p, q) => q - p)).toEqual(ys)
    expectApart(l.slots)
  })

  it('in a headset ends the left column before the XR menu’s slot', () => {
    const l = layoutDashboard(XR_DASHBOARD_VIEW, plan)
    const edge = xrLeftSlotEdge(XR_DASHBOARD_VIEW.distance)
    expect(right(l.slots.a)).toBeLessThan(edge)
    expect(right(l.slots.b)).toBeLessThan(edge)
  })
})
