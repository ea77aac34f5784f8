// The join panel in a VR headset: inside the comfort field's centre column, clear of the XR menu's
// column, with its smallest text (0.04 m) at 0.9° or more. At desktop height and 1.2 m it reached 21°
// above the horizon (the field ends at 20°) and 21° to the left, under the menu.
import { describe, expect, it } from 'vitest'
import { XR_MENU } from '../../../../src/app/xr-menu-size'
import { xrCentreDistance } from '../../../../src/platform/ui/view-fit'
import { fitToSlot, XR_COMFORT } from '../../../../src/platform/ui/view-slots'

/** JoinPanel's size (views/JoinPanel.tsx: 1.0 m wide, JOIN_PANEL_HEIGHT tall) and smallest font. */
const W = 1.0
const H = 1.3
const SMALLEST_FONT = 0.04
const CAP = 0.733

const rad = (deg: number) => (deg * Math.PI) / 180
const deg = (r: number) => (r * 180) / Math.PI

describe('xrCentreDistance', () => {
  const d = xrCentreDistance(W, H)
  const pitch = rad(XR_COMFORT.pitchDeg)
  // A point of the panel (x right, y up on its face) in eye space, the panel facing the eye down the
  // comfort field's centre line.
  const at = (x: number, y: number): [number, number, number] => [
    x,
    d * Math.sin(pitch) + y * Math.cos(pitch),
    -d * Math.cos(pitch) + y * Math.sin(pitch),
  ]
  const corners = [at(-W / 2, H / 2), at(W / 2, H / 2), at(W / 2, -H / 2), at(-W / 2, -H / 2)]

  it('keeps the panel inside the comfort field', () => {
    const half = XR_COMFORT.fovDeg / 2
    for (const [x, y, z] of corners) {
      expect(Math.abs(deg(Math.atan2(x, -z)))).toBeLessThan(half * XR_COMFORT.aspect)
      const up = deg(Math.atan2(y, Math.hypot(x, z)))
      expect(up).toBeLessThan(XR_COMFORT.pitchDeg + half)
      expect(up).toBeGreaterThan(XR_COMFORT.pitchDeg - half)
    }
  })

  it('keeps the panel right of the XR menu at every height', () => {
    // Both face the eye down the same centre line, so on that line's plane 1 m out they compare as flat rects.
    const menu = fitToSlot('left', XR_MENU.width, XR_MENU.height, XR_COMFORT)
    const menuRight = menu.x + (XR_MENU.width * menu.scale) / 2
    expect(-W / 2 / d).toBeGreaterThan(menuRight)
  })

  it('reads its smallest text at 0.9° or more at the panel corners', () => {
    for (const [x, y, z] of corners) {
      const dist = Math.hypot(x, y, z)
      expect(deg((SMALLEST_FONT * CAP) / dist)).toBeGreaterThanOrEqual(0.9)
    }
  })
})
