import { describe, expect, it } from 'vitest'
import { lightFromEstimate, NEUTRAL_ROOM_LIGHT, neutralRoomLights } from '../../../src/platform/ar/room-light'

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

describe('the room lights an AR session gets', () => {
  it('are the same light objects every session, so the renderer sees no new light id', () => {
    const ids = () => {
      const { fill, probe, key } = neutralRoomLights()
      return [fill.id, probe.id, key.id]
    }
    const first = ids()
    for (let i = 0; i < 5; i++) expect(ids()).toEqual(first)
    expect(new Set(first).size).toBe(3)
  })

  it('start neutral again after a session the estimate lit', () => {
    const lit = neutralRoomLights()
    const estimated = lightFromEstimate(estimate())
    if (!estimated) throw new Error('the test estimate is valid')
    lit.probe.sh.fromArray(estimated.sh)
    lit.probe.intensity = 1
    lit.key.color.setRGB(...estimated.color)
    lit.key.intensity = estimated.intensity
    lit.key.position.set(...estimated.direction)
    lit.fill.intensity = 0

    const { fill, probe, key } = neutralRoomLights()
    expect(probe.intensity).toBe(0)
    expect(probe.sh.coefficients.every((c) => c.x === 0 && c.y === 0 && c.z === 0)).toBe(true)
    expect(key.color.getHexString()).toBe(NEUTRAL_ROOM_LIGHT.keyColor.slice(1))
    expect(key.intensity).toBe(NEUTRAL_ROOM_LIGHT.keyIntensity)
    expect(key.position.toArray()).toEqual([...NEUTRAL_ROOM_LIGHT.keyDirection])
    expect(fill.intensity).toBe(NEUTRAL_ROOM_LIGHT.fillIntensity)
    expect(fill.color.getHexString()).toBe(NEUTRAL_ROOM_LIGHT.skyColor.slice(1))
    expect(fill.groundColor.getHexString()).toBe(NEUTRAL_ROOM_LIGHT.groundColor.slice(1))
  })
})
