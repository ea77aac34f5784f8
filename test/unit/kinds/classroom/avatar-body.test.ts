// Another member's figure from the head pose they send: under their eyes, turning after their head at
// a body's pace, walking only while they move, placed at once after a teleport, sized to their height.
import { describe, expect, it } from 'vitest'
import {
  AvatarBody,
  FIGURE_EYE_Y,
  shortestTurn,
  WALK_SPEED,
} from '../../../../src/kinds/classroom/logic/avatar-body'

describe('avatar body', () => {
  it('stands under the eyes, a little behind them, facing the way the head faces', () => {
    const body = new AvatarBody().follow(1, FIGURE_EYE_Y, 2, Math.PI / 2, 0.016)
    expect(body.yaw).toBeCloseTo(Math.PI / 2)
    expect(body.x).toBeLessThan(1)
    expect(body.x).toBeGreaterThan(0.85)
    expect(body.z).toBeCloseTo(2)
    expect(body.scale).toBeCloseTo(1)
    expect(body.walking).toBe(false)
  })

  it('turns after the head at a limited rate, the short way round', () => {
    const body = new AvatarBody().follow(0, 1.6, 0, 3, 0.1)
    body.follow(0, 1.6, 0, -3, 0.1)
    // From 3 rad to -3 rad is 0.28 rad the short way: reached within the step's 0.3 rad.
    expect(shortestTurn(body.yaw, -3)).toBeCloseTo(0)
    body.follow(0, 1.6, 0, -3 + Math.PI / 2, 0.1)
    expect(Math.abs(shortestTurn(body.yaw, -3))).toBeCloseTo(0.3)
  })

  it('walks while the head moves at walking pace and stands when it stops', () => {
    const body = new AvatarBody()
    for (let i = 0; i <= 60; i++) body.follow(i * 0.02, 1.6, 0, 0, 1 / 60)
    expect(body.speed).toBeGreaterThan(WALK_SPEED)
    expect(body.walking).toBe(true)
    for (let i = 0; i < 60; i++) body.follow(1.2, 1.6, 0, 0, 1 / 60)
    expect(body.walking).toBe(false)
  })

  it('is placed at once after a teleport, neither walking nor turning there', () => {
    const body = new AvatarBody().follow(0, 1.6, 0, 0, 0.016)
    body.follow(5, 1.6, 0, 2, 0.016)
    expect(body.yaw).toBe(2)
    expect(body.speed).toBe(0)
  })

  it('sizes the figure to the head height within limits', () => {
    expect(new AvatarBody().follow(0, FIGURE_EYE_Y * 1.1, 0, 0, 0).scale).toBeCloseTo(1.1)
    expect(new AvatarBody().follow(0, 0.9, 0, 0, 0).scale).toBe(0.8)
    expect(new AvatarBody().follow(0, 2.4, 0, 0, 0).scale).toBe(1.15)
  })
})
