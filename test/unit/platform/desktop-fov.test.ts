// The desktop camera's field of view: 70° tall on landscape windows, and at least 60° wide on a portrait
// screen (a 1080×1920 kiosk saw a 43°-wide tunnel in which the hall's desk panel and its clerk's panel
// did not fit side by side).
import { describe, expect, it } from 'vitest'
import { DESKTOP_VFOV_DEG, desktopVerticalFov } from '../../../src/platform/render/desktop-fov'

const hfov = (vfov: number, aspect: number) =>
  (2 * Math.atan(Math.tan((vfov * Math.PI) / 360) * aspect) * 180) / Math.PI

describe('desktopVerticalFov', () => {
  it('keeps 70° tall on the landscape windows a venue uses', () => {
    for (const [w, h] of [
      [1024, 640],
      [1280, 720],
      [1920, 1080],
      [1000, 1000],
    ])
      expect(desktopVerticalFov(w / h)).toBe(DESKTOP_VFOV_DEG)
  })

  it('widens a portrait view until it is 60° wide', () => {
    const v = desktopVerticalFov(1080 / 1920)
    expect(v).toBeCloseTo(91.5, 1)
    expect(hfov(v, 1080 / 1920)).toBeCloseTo(60, 6)
    expect(hfov(DESKTOP_VFOV_DEG, 1080 / 1920)).toBeLessThan(44)
  })
})
