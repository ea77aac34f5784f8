// The mood's light, worked out without a GPU: the sun's place and colour through the day, and the
// sky fill's spherical harmonics (what the LightProbe gets), checked against the sky they come from.
import { Color, LightProbe, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  colorOfTemperature,
  skyFill,
  skyHarmonics,
  skyRadiance,
  sunAt,
} from '../../../src/platform/environment/sky-light'

/** What three's shader computes for a probe: irradiance at a normal, over π for a white Lambert surface. */
function diffuseFrom(probe: LightProbe, normal: Vector3): Color {
  const irradiance = probe.sh.getIrradianceAt(normal, new Vector3())
  return new Color(irradiance.x, irradiance.y, irradiance.z).multiplyScalar(1 / Math.PI)
}

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

describe('skyHarmonics', () => {
  const sky = { top: '#3060c0', bottom: '#f0d0a0', ground: '#406020' }

  it('lights an upward face with the sky and a downward one with the ground', () => {
    const probe = new LightProbe(skyHarmonics(sky))
    const up = diffuseFrom(probe, new Vector3(0, 1, 0))
    const down = diffuseFrom(probe, new Vector3(0, -1, 0))
    expect(up.b).toBeGreaterThan(up.g) // the blue zenith dominates what a roof sees
    expect(down.g).toBeGreaterThan(down.b) // the green ground dominates what a ceiling sees
    expect(up.r + up.g + up.b).toBeGreaterThan(down.r + down.g + down.b)
  })

  it('gives a white Lambert surface the radiance of a uniform sky, as three expects a probe to', () => {
    const grey = { top: '#808080', bottom: '#808080', ground: '#808080' }
    // The ground is the grey albedo times the sky's light, so make it match the sky exactly.
    const sky128 = skyRadiance(grey, new Vector3(0, 1, 0)).r
    const uniform = skyHarmonics({ ...grey, ground: '#ffffff' }, 4096)
    const probe = new LightProbe(uniform)
    const side = diffuseFrom(probe, new Vector3(1, 0, 0))
    // Upper half-sphere at the sky's value, lower at the ground's: the side face sees the average.
    const ground = skyRadiance({ ...grey, ground: '#ffffff' }, new Vector3(0, -1, 0)).r
    expect(side.r).toBeCloseTo((sky128 + ground) / 2, 1)
  })

  it('is deterministic', () => {
    expect(skyHarmonics(sky).coefficients.map((c) => c.toArray())).toEqual(
      skyHarmonics(sky).coefficients.map((c) => c.toArray()),
    )
  })
})

describe('skyFill', () => {
  it('matches the harmonics’ irradiance straight up and straight down', () => {
    const sky = { top: '#3060c0', bottom: '#f0d0a0', ground: '#406020' }
    const probe = new LightProbe(skyHarmonics(sky))
    const fill = skyFill(sky)
    // three's hemisphere light gives `sky` to an upward normal, then the same BRDF as the probe.
    const up = diffuseFrom(probe, new Vector3(0, 1, 0)).multiplyScalar(Math.PI)
    const down = diffuseFrom(probe, new Vector3(0, -1, 0)).multiplyScalar(Math.PI)
    expect(fill.sky.toArray().map((v) => v.toFixed(4))).toEqual(up.toArray().map((v) => v.toFixed(4)))
    expect(fill.ground.toArray().map((v) => v.toFixed(4))).toEqual(down.toArray().map((v) => v.toFixed(4)))
    expect(fill.sky.b).toBeGreaterThan(fill.ground.b)
  })
})
