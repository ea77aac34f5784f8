import { describe, expect, it } from 'vitest'
import { isPotentiallyVisible, roomOf } from '../../../../src/kinds/tour/logic/room-visibility'
import type { MemorialHall } from '../../../../src/schema/kinds/tour'

// The red-tourism hall: 24 × 20 m, door 4 m wide in the front wall at z = 0.
const hall: MemorialHall = {
  min: [-12, -20],
  max: [12, 0],
  height: 6,
  doorWidth: 4,
  title: { zh: '陈列馆', en: 'Hall' },
}
const eyeOnPlaza = [0, 1.6, 20] as const
const sphere = (x: number, y: number, z: number, radius = 0.3) => ({ center: [x, y, z] as const, radius })

describe('room visibility', () => {
  it('knows the room of a point', () => {
    expect(roomOf(hall, 0, -5)).toBe('hall')
    expect(roomOf(hall, 0, 5)).toBe('outside')
    expect(roomOf(hall, -13, -5)).toBe('outside')
  })

  it('shows everything in the room the visitor stands in', () => {
    expect(isPotentiallyVisible(hall, [-8, 1.6, -2], sphere(8, 1.5, -18), 'hall')).toBe(true)
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(14, 1, 22), 'outside')).toBe(true)
  })

  it('from the plaza shows only what the door lets through', () => {
    // Straight through the door: the back wall's centre and the middle of the hall.
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(0, 1.5, -19.5), 'hall')).toBe(true)
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(0, 0.1, -8, 1.1), 'hall')).toBe(true)
    // Behind the front wall, beside the door: hidden.
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(-8, 1.5, -4), 'hall')).toBe(false)
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(11.7, 2.75, -9), 'hall')).toBe(false)
    // Far back and wide: the view through the door widens with depth.
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(3.5, 1.5, -19.5), 'hall')).toBe(true)
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(8, 1.5, -19.5), 'hall')).toBe(false)
    // A large exhibit reaching into the view counts.
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(-6, 2.3, -19.8, 2.9), 'hall')).toBe(true)
  })

  it('from the side of the hall (outside, behind its walls) hides the interior', () => {
    expect(isPotentiallyVisible(hall, [-14, 1.6, -10], sphere(-8, 1.5, -10), 'hall')).toBe(false)
  })

  it('from inside shows the plaza only through the door', () => {
    const eye = [0, 1.6, -10] as const
    expect(isPotentiallyVisible(hall, eye, sphere(0, 1, 10, 3), 'outside')).toBe(true)
    expect(isPotentiallyVisible(hall, eye, sphere(14, 1, 5), 'outside')).toBe(false)
    // Looking from the back corner out of the door at a sharp angle.
    expect(isPotentiallyVisible(hall, [-11, 1.6, -2], sphere(-14, 1, 2), 'outside')).toBe(false)
  })

  it('in the doorway shows both rooms', () => {
    expect(isPotentiallyVisible(hall, [0, 1.6, 0.5], sphere(-11, 1.5, -1), 'hall')).toBe(true)
  })

  it('keeps things that stand in the doorway visible, but not things just behind the front wall', () => {
    expect(isPotentiallyVisible(hall, [0, 1.6, -15], sphere(1.5, 1, 0.4, 1), 'outside')).toBe(true)
    // The quiz panel, inside beside the door: hidden from the plaza.
    expect(isPotentiallyVisible(hall, eyeOnPlaza, sphere(4, 1.45, -0.7, 0.95), 'hall')).toBe(false)
  })
})
