// The one lighting pipeline every scene shares, from the mood its scene file declares:
// - the sun, a directional light placed and coloured by the time of day unless the file says;
// - the sky and ground's diffuse fill, a hemisphere light with their irradiance up and down (sky-light.ts);
// - a prefiltered reflection map for glossy materials only (reflections.ts);
// - R3F's ACES filmic tone mapping into sRGB at the scene's exposure.
// No shadow maps or post-processing: they cost too much on a standalone headset; light and
// occlusion are baked into the models' vertex colours at build time instead.
import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { Color, DirectionalLight, HemisphereLight, Vector3 } from 'three'
import type { Environment } from '../../schema/common'
import { registerLookDebugView } from './look-debug'
import { makeReflectionMap, useReflections } from './reflections'
import { sceneLight } from './scene-lights'
import { skyFill, sunAt } from './sky-light'

registerLookDebugView()

/** The sun a scene's environment asks for: its own position and colour, or the time of day's. */
export function sceneSun(environment: Environment) {
  const atTime = sunAt(environment.timeOfDay)
  const { position, color, intensity } = environment.lights.sun
  return {
    direction: position ? new Vector3(...position).normalize() : atTime.direction,
    color: color ? new Color(color) : atTime.color,
    intensity,
  }
}

export function SceneLighting({ environment }: { environment: Environment }) {
  const gl = useThree((s) => s.gl)
  const sun = useMemo(() => sceneSun(environment), [environment])
  const sky = useMemo(
    () => ({
      top: environment.sky.top,
      bottom: environment.sky.bottom,
      ground: environment.ground.color,
      sun,
    }),
    [environment, sun],
  )
  const fill = useMemo(() => skyFill(sky), [sky])

  useEffect(() => {
    const target = makeReflectionMap(gl, environment.reflections, sky)
    useReflections.setState({ map: target.texture })
    return () => {
      useReflections.setState({ map: null })
      target.dispose()
    }
  }, [gl, environment.reflections, sky])

  useEffect(() => {
    gl.toneMappingExposure = environment.exposure
    return () => {
      gl.toneMappingExposure = 1
    }
  }, [gl, environment.exposure])

  const sunPosition = useMemo(() => sun.direction.clone().multiplyScalar(30), [sun])
  return (
    <>
      <primitive
        object={sceneLight('sky-fill', HemisphereLight)}
        color={fill.sky}
        groundColor={fill.ground}
        intensity={environment.lights.ambient}
        name="sky-fill"
      />
      <primitive
        object={sceneLight('sun', DirectionalLight)}
        color={sun.color}
        intensity={sun.intensity}
        position={sunPosition}
        name="sun"
      />
    </>
  )
}
