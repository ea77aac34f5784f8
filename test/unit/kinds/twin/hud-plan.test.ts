// The twin HUD's dashboard slots at the window shapes a venue uses and in a headset: every slot inside the view
// with its margin, no two overlapping, and text still legible after the fit. (Before the layout, the
// alert and asset panels sat at fixed spots that ran off a 1024×640 window's edges.)
import { describe, expect, it } from 'vitest'
import { XR_MENU } from '../../../../src/app/xr-menu-size'
import { HUD_BOXES, HUD_PLAN, HUD_TEXT, type HudSlot } from '../../../../src/kinds/twin/logic/hud-plan'
import { desktopVerticalFov } from '../../../../src/platform/render/desktop-fov'
import {
  type DashboardView,
  DASHBOARD_DISTANCE as HUD_DISTANCE,
  layoutDashboard,
  dashboardRectsOverlap as overlaps,
  XR_DASHBOARD_VIEW as XR_VIEW,
} from '../../../../src/platform/ui/dashboard-layout'
import { fitToSlot, SLOT_DISTANCE, XR_COMFORT } from '../../../../src/platform/ui/view-slots'

const layoutHud = (view: DashboardView) => layoutDashboard(view, HUD_PLAN)

/** A one-line scene bar over a desktop picture (the HUD measures the real one). */
const HEADER_PX = 72

const WINDOWS: Array<[number, number]> = [
  [1024, 640],
  [1280, 720],
  [1920, 1080],
  [1080, 1920],
]
/** The smallest font the HUD panels use (metres at scale 1). */
const SMALLEST_FONT = HUD_TEXT.body

const views = [
  ...WINDOWS.map(([w, h]) => ({
    name: `${w}×${h}`,
    px: h,
    view: {
      aspect: w / h,
      vFovDeg: desktopVerticalFov(w / h),
      distance: HUD_DISTANCE,
      topInset: HEADER_PX / h,
    },
  })),
  { name: 'headset', px: 0, view: XR_VIEW },
]

describe("the twin's HUD as a dashboard", () => {
  it.each(views)('keeps every slot inside the $name view, apart, and legible', ({ px, view }) => {
    const layout = layoutHud(view)
    const slots = Object.entries(layout.slots) as Array<[HudSlot, (typeof layout.slots)[HudSlot]]>
    expect(slots.map(([s]) => s).sort()).toEqual(Object.keys(HUD_BOXES).sort())
    for (const [slot, r] of slots) {
      // A headset's left column makes way for the XR menu: a cockpit read by turning, within 60°.
      if (px === 0) expect(Math.atan2(-(r.x - r.w / 2), view.distance)).toBeLessThanOrEqual(Math.PI / 3)
      else expect(r.x - r.w / 2, `${slot} left`).toBeGreaterThanOrEqual(-layout.halfW)
      expect(r.x + r.w / 2, `${slot} right`).toBeLessThanOrEqual(layout.halfW)
      expect(r.y - r.h / 2, `${slot} bottom`).toBeGreaterThanOrEqual(-layout.halfH)
      // Below the page's header on a desktop.
      expect(r.y + r.h / 2, `${slot} top`).toBeLessThanOrEqual(layout.halfH * (1 - 2 * (view.topInset ?? 0)))
      // A slot holds its panel's largest size at the layout's scale.
      expect(r.w).toBeCloseTo(HUD_BOXES[slot].w * layout.scale)
      expect(r.h).toBeCloseTo(HUD_BOXES[slot].h * layout.scale)
    }
    for (let i = 0; i < slots.length; i++)
      for (let j = i + 1; j < slots.length; j++)
        expect(overlaps(slots[i][1], slots[j][1]), `${slots[i][0]} and ${slots[j][0]}`).toBe(false)
    // Legible: in a headset the smallest text subtends at least 0.9°; on a screen it is at least 9 px.
    const fontAngle = (2 * Math.atan((SMALLEST_FONT * layout.scale) / 2 / view.distance) * 180) / Math.PI
    if (px === 0) expect(fontAngle).toBeGreaterThanOrEqual(0.9)
    else expect(((SMALLEST_FONT * layout.scale) / (2 * layout.halfH)) * px).toBeGreaterThanOrEqual(9)
  })

  it('leaves the middle of a landscape view open onto the park and stacks a portrait one', () => {
    const wide = layoutHud({
      aspect: 1024 / 640,
      vFovDeg: desktopVerticalFov(1024 / 640),
      distance: HUD_DISTANCE,
    })
    expect(wide.portrait).toBe(false)
    expect(wide.slots.alerts.x).toBeLessThan(0)
    expect(wide.slots.asset.x).toBeGreaterThan(0)
    // In a headset the status bar is read without turning the head: inside the platform's comfort
    // field (degrees right and down from straight ahead), and under the XR menu's slot on the left.
    const xr = layoutHud(XR_VIEW)
    const st = xr.slots.status
    const deg = (a: number) => (a * 180) / Math.PI
    const half = XR_COMFORT.fovDeg / 2
    const menu = fitToSlot('left', XR_MENU.width, XR_MENU.height, XR_COMFORT)
    const menuBottom = -XR_COMFORT.pitchDeg + deg(Math.atan(-(menu.y - (XR_MENU.height * menu.scale) / 2)))
    for (const x of [st.x - st.w / 2, st.x + st.w / 2])
      for (const y of [st.y - st.h / 2, st.y + st.h / 2]) {
        expect(Math.abs(deg(Math.atan2(x, HUD_DISTANCE)))).toBeLessThanOrEqual(half * XR_COMFORT.aspect)
        const down = deg(-Math.atan2(y, Math.hypot(x, HUD_DISTANCE)))
        expect(down).toBeGreaterThan(menuBottom)
        expect(down).toBeLessThanOrEqual(-XR_COMFORT.pitchDeg + half)
      }
    const tall = layoutHud({
      aspect: 1080 / 1920,
      vFovDeg: desktopVerticalFov(1080 / 1920),
      distance: HUD_DISTANCE,
    })
    expect(tall.portrait).toBe(true)
    expect(tall.slots.asset.y).toBeGreaterThan(tall.slots.status.y)
  })

  it('in a headset keeps the left column clear of the XR menu, seen looking ahead', () => {
    // The inspection card once covered the menu's "exit VR" key (the layout rule test's headset walk).
    const deg = (a: number) => (a * 180) / Math.PI
    const xr = layoutHud(XR_VIEW)
    const menu = fitToSlot('left', XR_MENU.width, XR_MENU.height, XR_COMFORT)
    const menuLeft = deg(Math.atan((menu.x - (XR_MENU.width * menu.scale) / 2) / SLOT_DISTANCE))
    for (const slot of ['alerts', 'inspection'] as const) {
      const r = xr.slots[slot]
      expect(deg(Math.atan((r.x + r.w / 2) / HUD_DISTANCE)), slot).toBeLessThan(menuLeft)
    }
  })
})
