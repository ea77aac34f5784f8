import { describe, expect, it } from 'vitest'
import { lightFromEstimate } from '../../../src/platform/ar/room-light'

const estimate = (over: Partial<Parameters<typeof lightFromEstimate>[0]> = {}) => ({
  sphericalHarmonicsCoefficients: new Float32Array(27).fill(0.25),
  primaryLightDirection: { x: 0, y: 2, z: 0 },
  primaryLightIntensity: { x: 3, y: 1.5, z: 0.75 },
  ...over,
})

describe('light from a WebXR light estimate', () => {
  it('keeps the spherical harmonics and splits the primary light into a colour of at most 1 and an intensity', () => {
    const light = lightFromEstimate(estimate())
    expect(light?.sh).toHaveLength(27)
    expect(light?.sh[26]).toBeCloseTo(0.25)
    expect(light?.color).toEqual([1, 0.5, 0.25])
    expect(light?.intensity).toBe(3)
    expect(light?.direction).toEqual([0, 1, 0])
  })

  it('leaves a dim light as it is and points straight down when the estimate gives no direction', () => {
    const light = lightFromEstimate(
      estimate({
        primaryLightIntensity: { x: 0.5, y: 0.5, z: 0.4 },
        primaryLightDirection: { x: 0, y: 0, z: 0 },
      }),
    )
    expect(light?.color).toEqual([0.5, 0.5, 0.4])
    expect(light?.intensity).toBe(1)
    expect(light?.direction).toEqual([0, 1, 0])
  })

  it('refuses a malformed estimate instead of lighting the model with NaN', () => {
    expect(lightFromEstimate(estimate({ sphericalHarmonicsCoefficients: [1, 2, 3] }))).toBeNull()
    const nan = new Float32Array(27)
    nan[4] = Number.NaN
    expect(lightFromEstimate(estimate({ sphericalHarmonicsCoefficients: nan }))).toBeNull()
    expect(lightFromEstimate(estimate({ primaryLightIntensity: { x: -1, y: 0, z: 0 } }))).toBeNull()
  })
})
