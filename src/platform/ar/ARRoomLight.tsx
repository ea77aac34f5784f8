// The light a presentation gets in the visitor's room (room-light.ts says why): the browser's light
// estimate where the session granted `light-estimation`, else the neutral studio light. The reflection
// map stays three's neutral RoomEnvironment either way: the estimate's reflection cube map needs
// XRWebGLBinding, which no headset browser we support hands to WebGL yet.
import { useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import type { DirectionalLight, HemisphereLight, LightProbe } from 'three'
import { makeReflectionMap, useReflections } from '../environment/reflections'
import { useFrameStage } from '../frame'
import { arShown } from './ar-debug'
import { grantedARFeatures } from './ar-session'
import { lightFromEstimate, NEUTRAL_ROOM_LIGHT as N } from './room-light'

/** The WebXR Lighting Estimation API, which @types/webxr does not declare. */
interface LightProbeSession {
  requestLightProbe(options?: { reflectionFormat?: string }): Promise<XRLightProbeHandle>
}
type XRLightProbeHandle = EventTarget
interface LightEstimateFrame {
  getLightEstimate(probe: XRLightProbeHandle): Parameters<typeof lightFromEstimate>[0] | null
}

export function ARRoomLight() {
  const gl = useThree((s) => s.gl)
  const [probe, setProbe] = useState<XRLightProbeHandle | null>(null)
  const lightProbe = useRef<LightProbe>(null)
  const key = useRef<DirectionalLight>(null)
  const fill = useRef<HemisphereLight>(null)
  const estimating = useRef(false)

  // Neutral reflections and exposure: not the scene's sky and mood.
  useEffect(() => {
    const target = makeReflectionMap(gl, 'room')
    useReflections.setState({ map: target.texture })
    const exposure = gl.toneMappingExposure
    gl.toneMappingExposure = N.exposure
    return () => {
      useReflections.setState({ map: null })
      target.dispose()
      gl.toneMappingExposure = exposure
    }
  }, [gl])

  // Ask for the room's light once, where the session granted it.
  useEffect(() => {
    const session = gl.xr.getSession() as (XRSession & Partial<LightProbeSession>) | null
    if (!session?.requestLightProbe || !grantedARFeatures(session).includes('light-estimation')) return
    let live = true
    session
      .requestLightProbe()
      .then((p) => live && setProbe(p))
      .catch((error: unknown) => console.warn('AR: no light estimate, neutral light instead:', error))
    return () => {
      live = false
    }
  }, [gl])

  useFrameStage('kindLogic', (_state, _delta, frame) => {
    if (!probe || !frame) return
    const estimate = (frame as unknown as LightEstimateFrame).getLightEstimate(probe)
    const light = estimate && lightFromEstimate(estimate)
    if (!light || !lightProbe.current || !key.current || !fill.current) return
    lightProbe.current.sh.fromArray(light.sh)
    lightProbe.current.intensity = 1
    key.current.color.setRGB(...light.color)
    key.current.intensity = light.intensity
    key.current.position.set(...light.direction)
    // The probe carries the room's fill; the neutral sky would add to it.
    fill.current.intensity = 0
    if (!estimating.current) {
      estimating.current = true
      arShown.light = 'estimated'
    }
  })

  useEffect(() => {
    arShown.light = 'neutral'
    return () => {
      arShown.light = null
    }
  }, [])

  return (
    <>
      <hemisphereLight ref={fill} args={[N.skyColor, N.groundColor, N.fillIntensity]} name="ar-room-fill" />
      <lightProbe ref={lightProbe} intensity={0} name="ar-room-probe" />
      <directionalLight
        ref={key}
        color={N.keyColor}
        intensity={N.keyIntensity}
        position={N.keyDirection as unknown as [number, number, number]}
        name="ar-room-key"
      />
    </>
  )
}
