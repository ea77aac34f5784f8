// Everything a scene file declares in common: sky, ground, fog and the mood's light (SceneLighting),
// the walkable floor areas and the placed glTF models (copies of one static model drawn as instances).
// Floors answer the locomotion service's one floor-pointing handler: a ray, pinch, transient pointer,
// click or tap on a floor area moves the visitor there (teleport in XR, a short glide on desktop). In an
// immersive-ar session none of it is drawn: the visitor's room is the surroundings, and an opaque sky or
// ground would hide it; the room's light (ARRoomLight) replaces the scene's mood.
import { Suspense, useEffect, useMemo } from 'react'
import { BackSide, Color, PlaneGeometry } from 'three'
import type { Environment, FloorArea, ModelPlacement, SurfaceTexture } from '../../schema/common'
import { ARRoomLight } from '../ar/ARRoomLight'
import { useInAR } from '../ar/ar-session'
import { ColoredGeometryBatch } from '../geometry'
import { FloorPointer, setPlayerFloors } from '../locomotion'
import { PlacedModels } from '../models'
import { SurfaceMaterial } from '../render/SurfaceMaterial'
import { SceneLighting } from './SceneLighting'

export function SceneEnvironment({
  environment,
  floors,
  models,
}: {
  environment: Environment
  floors: FloorArea[]
  models: ModelPlacement[]
}) {
  useEffect(() => setPlayerFloors(floors), [floors])
  const ar = useInAR()
  if (ar) return <ARRoomLight />
  return (
    <>
      <GradientSky top={environment.sky.top} bottom={environment.sky.bottom} />
      {environment.fog && (
        <fog attach="fog" args={[environment.fog.color, environment.fog.near, environment.fog.far]} />
      )}
      <SceneLighting environment={environment} />
      <Ground {...environment.ground} />
      <FloorPointer floors={floors} />
      <PlacedModels models={models} />
    </>
  )
}

/** The ground plane, textured when the scene names a texture; flat while that loads or if it cannot. */
function Ground({ color, size, texture }: Environment['ground']) {
  const flat = (
    <mesh rotation-x={-Math.PI / 2} position={[0, -0.01, 0]} name="ground">
      <planeGeometry args={[size, size]} />
      <meshLambertMaterial color={color} />
    </mesh>
  )
  if (!texture) return flat
  return (
    <Suspense fallback={flat}>
      <TexturedGround color={color} size={size} texture={texture} />
    </Suspense>
  )
}

function TexturedGround({ color, size, texture }: { color: string; size: number; texture: SurfaceTexture }) {
  const geometry = useMemo(
    () =>
      new ColoredGeometryBatch(texture)
        .place(new PlaneGeometry(size, size), color, [0, -0.01, 0], [-Math.PI / 2, 0, 0], { textured: true })
        .merge(),
    [color, size, texture],
  )
  useEffect(() => () => geometry?.dispose(), [geometry])
  return (
    <mesh geometry={geometry ?? undefined} name="ground">
      <SurfaceMaterial texture={texture.name} roughness={0.95} />
    </mesh>
  )
}

/** A sky dome with a vertical gradient: one draw call, no texture, no network. */
function GradientSky({ top, bottom }: { top: string; bottom: string }) {
  const uniforms = useMemo(
    () => ({ top: { value: new Color(top) }, bottom: { value: new Color(bottom) } }),
    [top, bottom],
  )
  return (
    <mesh scale={400} name="sky" renderOrder={-1}>
      <sphereGeometry args={[1, 24, 12]} />
      <shaderMaterial
        side={BackSide}
        depthWrite={false}
        uniforms={uniforms}
        vertexShader="varying float h; void main(){ h = normalize(position).y; gl_Position = projectionMatrix * modelViewMatrix * vec4(position,1.0); }"
        fragmentShader="uniform vec3 top; uniform vec3 bottom; varying float h; void main(){ gl_FragColor = vec4(mix(bottom, top, smoothstep(-0.05, 0.6, h)), 1.0); }"
      />
    </mesh>
  )
}
