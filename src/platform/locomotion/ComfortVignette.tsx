// Comfort vignette for smooth locomotion: while the left stick walks the visitor, a soft dark ring
// closes in around the view (less peripheral motion, less nausea) and fades out when they stop.
import { useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { type Mesh, ShaderMaterial } from 'three'
import { useFrameStage } from '../frame'
import { locomotionDebug } from './locomotion-debug'

/** Opacity the ring reaches while moving: enough to calm the periphery, not to hide the way. */
const STRENGTH = 0.85

export function ComfortVignette() {
  const mesh = useRef<Mesh>(null)
  const camera = useThree((s) => s.camera)
  const material = useMemo(
    () =>
      new ShaderMaterial({
        transparent: true,
        depthTest: false,
        depthWrite: false,
        uniforms: { amount: { value: 0 } },
        // A radial gradient: clear in the middle, dark at the edge of a 2 m wide quad 0.3 m ahead.
        vertexShader:
          'varying vec2 vUv; void main(){ vUv = uv; gl_Position = projectionMatrix * modelViewMatrix * vec4(position,1.0); }',
        fragmentShader:
          'uniform float amount; varying vec2 vUv; void main(){ float r = length(vUv - 0.5) * 2.0; float a = smoothstep(0.12, 0.32, r) * amount; gl_FragColor = vec4(0.0, 0.0, 0.0, a); }',
      }),
    [],
  )
  useFrameStage('uiFollow', (_, delta) => {
    const m = mesh.current
    if (!m) return
    const moving = locomotionDebug.moving
    // Reset each frame; the locomotion update sets it again while the stick is pushed.
    locomotionDebug.moving = false
    const amount = material.uniforms.amount as { value: number }
    const target = moving ? STRENGTH : 0
    amount.value += (target - amount.value) * Math.min(1, delta * 8)
    m.visible = amount.value > 0.01
    camera.matrixWorld.decompose(m.position, m.quaternion, m.scale)
    m.translateZ(-0.3)
    m.scale.setScalar(1)
  })
  return (
    <mesh ref={mesh} name="comfort-vignette" renderOrder={1000} raycast={() => null} visible={false}>
      <planeGeometry args={[2, 2]} />
      <primitive object={material} attach="material" />
    </mesh>
  )
}
