import { describe, expect, it } from 'vitest'
import { directionFromYawPitch, yawTowards } from '../../../../src/kinds/tour/logic/panorama-geometry'

describe('panorama geometry', () => {
  it('follows the scene yaw convention: 0 looks down -Z, 90 looks down -X', () => {
    const [x0, y0, z0] = directionFromYawPitch(0, 0)
    expect([x0, y0, z0].map((n) => Math.round(n * 1000) / 1000)).toEqual([-0, 0, -1])
    const [x1, , z1] = directionFromYawPitch(90, 0)
    expect(x1).toBeCloseTo(-1)
    expect(z1).toBeCloseTo(0)
    const [, y2] = directionFromYawPitch(0, 90)
    expect(y2).toBeCloseTo(1)
  })

  it('yawTowards inverts directionFromYawPitch on the floor', () => {
    for (const yaw of [-150, -45, 0, 30, 120]) {
      const [dx, , dz] = directionFromYawPitch(yaw, 0)
      expect(yawTowards([0, 0, 0], [dx, 0, dz])).toBeCloseTo(yaw)
    }
  })
})
