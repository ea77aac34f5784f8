// The light a presentation gets in the visitor's room (room-light.ts says why): the browser's light
// estimate where the session granted `light-estimation`, else the neutral studio light. The reflection
// map stays three's neutral RoomEnvironment either way: the estimate's reflection cube map needs
// XRWebGLBinding, which no headset browser we support hands to WebGL yet.
import { useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import { makeReflectionMap, useReflections } from '../environment/reflections'
import { useFrameStage } from '../frame'
import { arShown } from './ar-debug'
import { grantedARFeatures } from './ar-session'
import { lightFromEstimate, NEUTRAL_ROOM_LIGHT as N, neutralRoomLights } from './room-light'

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
  // The page's one set, neutral again for this session (one per page: room-light.ts says why).
  const { fill, probe: lightProbe, key } = useMemo(neutralRoomLights, [])
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
    if (!light) return
    lightProbe.sh.fromArray(light.sh)
    lightProbe.intensity = 1
    key.color.setRGB(...light.color)
    key.intensity = light.intensity
    key.position.set(...light.direction)
    // The probe carries the room's fill; the neutral sky would add to it.
    fill.intensity = 0
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
      <primitive object={fill} name="ar-room-fill" />
      <primitive object={lightProbe} name="ar-room-probe" />
      <primitive object={key} name="ar-room-key" />
    </>
  )
}
