// The one lighting pipeline every scene shares: an environment map made on the device from three's
// RoomEnvironment through PMREM (no file, no CDN: drei's presets download theirs), lighting every
// physically based and Lambert material with soft image-based light and reflections, and the scene's
// exposure on R3F's ACES tone mapping in sRGB output. No shadow maps or post-processing: they cost
// too much on a standalone headset.
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { PMREMGenerator, type Texture, type WebGLRenderer } from 'three'
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js'
import { registerLookDebugView } from './look-debug'

registerLookDebugView()

const made = new WeakMap<WebGLRenderer, Texture>()

/** The renderer's room environment, prefiltered once for its lifetime (a few ms, then cached). */
export function roomEnvironment(gl: WebGLRenderer): Texture {
  let texture = made.get(gl)
  if (!texture) {
    const generator = new PMREMGenerator(gl)
    const room = new RoomEnvironment()
    texture = generator.fromScene(room, 0.04).texture
    room.dispose()
    generator.dispose()
    made.set(gl, texture)
  }
  return texture
}

export function SceneLighting({
  exposure,
  environmentIntensity,
}: {
  exposure: number
  environmentIntensity: number
}) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  useEffect(() => {
    scene.environment = roomEnvironment(gl)
    scene.environmentIntensity = environmentIntensity
    gl.toneMappingExposure = exposure
    return () => {
      scene.environment = null
      gl.toneMappingExposure = 1
    }
  }, [gl, scene, exposure, environmentIntensity])
  return null
}
