// The mood's light, worked out without a GPU: the sun's place and colour through the day, and the
// sky fill's spherical harmonics (what the LightProbe gets), checked against the sky they come from.
import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { colorOfTemperature, skyFill, skyRadiance, sunAt } from '../../../src/platform/environment/sky-light'

describe('sunAt', () => {
  it('rises in the east, peaks at noon in the south, sets in the west', () => {
    expect(sunAt(7).direction.x).toBeGreaterThan(0.8)
    expect(sunAt(12).elevation).toBeCloseTo(60, 5)
    expect(sunAt(12).direction.z).toBeGreaterThan(0)
    expect(sunAt(17).direction.x).toBeLessThan(-0.8)
  })

  it('stands about 25° high at the golden hour and is warm there, near white at noon', () => {
    const golden = sunAt(16.4)
    expect(golden.elevation).toBeGreaterThan(22)
    expect(golden.elevation).toBeLessThan(28)
    expect(golden.color.r).toBeGreaterThan(golden.color.b * 1.4)
    const noon = sunAt(12).color
    expect(noon.b / noon.r).toBeGreaterThan(0.85)
  })

  it('keeps a low sun at night so a scene never goes dark', () => {
    expect(sunAt(2).elevation).toBe(5)
    expect(sunAt(23).direction.y).toBeGreaterThan(0)
  })
})

describe('colorOfTemperature', () => {
  it('is white near 6600 K, orange at candle light, and its brightest channel is 1', () => {
    const daylight = colorOfTemperature(6600)
    expect(daylight.r).toBeCloseTo(1, 1)
    expect(daylight.g).toBeGreaterThan(0.9)
    const candle = colorOfTemperature(1900)
    expect(candle.r).toBe(1)
    expect(candle.b).toBeLessThan(0.05)
  })
})

describe('skyFill', () => {
  const sky = { top: '#3060c0', bottom: '#f0d0a0', ground: '#406020' }

  it('lights an upward face with the sky and a downward one with the ground', () => {
    const fill = skyFill(sky)
    expect(fill.sky.b).toBeGreaterThan(fill.sky.g) // the blue zenith dominates what a roof sees
    expect(fill.ground.g).toBeGreaterThan(fill.ground.b) // the green ground dominates what a ceiling sees
    expect(fill.sky.r + fill.sky.g + fill.sky.b).toBeGreaterThan(
      fill.ground.r + fill.ground.g + fill.ground.b,
    )
  })

  it('gives a uniform sky of radiance L an irradiance of πL, as three expects a light’s colour to be', () => {
    const grey = { top: '#808080', bottom: '#808080', ground: '#808080' }
    const L = skyRadiance(grey, new Vector3(0, 1, 0)).r
    expect(skyFill(grey).sky.r).toBeCloseTo(Math.PI * L, 2)
  })
})
