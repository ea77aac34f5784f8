// Scene lights keep one object (and so one id) per role across scene visits: three's renderer caches a light's
// uniforms by its id for the scene's life, so a new light per visit grew the kiosk's heap every cycle.
import { DirectionalLight, HemisphereLight, PointLight } from 'three'
import { describe, expect, it } from 'vitest'
import { sceneLight } from '../../../src/platform/environment/scene-lights'

describe('sceneLight', () => {
  it('gives every visit the same light for a role, so the renderer sees no new light id', () => {
    const visit = () => [
      sceneLight('sun', DirectionalLight).id,
      sceneLight('sky-fill', HemisphereLight).id,
      sceneLight('memorial-hall-0', PointLight).id,
    ]
    const first = visit()
    for (let i = 0; i < 5; i++) expect(visit()).toEqual(first)
    expect(new Set(first).size).toBe(3)
  })

  it('refuses a role asked for as another kind of light', () => {
    sceneLight('sun', DirectionalLight)
    expect(() => sceneLight('sun', PointLight)).toThrow(/not a PointLight/)
  })
})
