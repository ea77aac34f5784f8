// Everything a scene file declares in common: sky, ground, lights, the walkable floor areas and the
// placed glTF models. Floors answer the one pointer handler: a ray, pinch, click or tap on a floor
// area moves the visitor there (teleport in XR, a short glide on desktop).
import type { ThreeEvent } from '@react-three/fiber'
import { TeleportTarget } from '@react-three/xr'
import { useEffect, useMemo } from 'react'
import { BackSide, Color, type Vector3 } from 'three'
import type { Environment, FloorArea, ModelPlacement } from '../../schema/common'
import { isOnFloor, setPlayerFloors, teleportPlayer, usePlayer } from '../locomotion/player'
import { AssetBoundary } from '../models/AssetBoundary'
import { SceneModel } from '../models/SceneModel'

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
  return (
    <>
      <GradientSky top={environment.sky.top} bottom={environment.sky.bottom} />
      {environment.fog && (
        <fog attach="fog" args={[environment.fog.color, environment.fog.near, environment.fog.far]} />
      )}
      <ambientLight intensity={environment.lights.ambient} />
      <hemisphereLight args={[environment.sky.top, environment.ground.color, 0.4]} />
      <directionalLight
        color={environment.lights.sun.color}
        intensity={environment.lights.sun.intensity}
        position={environment.lights.sun.position}
      />
      <mesh rotation-x={-Math.PI / 2} position={[0, -0.01, 0]} name="ground">
        <planeGeometry args={[environment.ground.size, environment.ground.size]} />
        <meshLambertMaterial color={environment.ground.color} />
      </mesh>
      <WalkableFloors floors={floors} />
      {models.map((m) => (
        <AssetBoundary key={m.id} asset={m.src}>
          <SceneModel
            src={m.src}
            position={m.position}
            rotationY={m.rotationY}
            scale={m.scale}
            name={`model:${m.id}`}
          />
        </AssetBoundary>
      ))}
    </>
  )
}

/**
 * Click/teleport surfaces over each floor area. They are never drawn (`visible={false}` costs no draw
 * call, unlike a mesh that only skips colour writes): pointer rays and the teleport arc intersect them
 * all the same, since pointer events and three's raycaster ignore `visible`.
 */
function WalkableFloors({ floors }: { floors: FloorArea[] }) {
  const onTeleport = (point: Vector3) => moveTo(point.x, point.z, floors)
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    moveTo(e.point.x, e.point.z, floors)
  }
  return (
    <TeleportTarget onTeleport={onTeleport}>
      {floors.map((area) => (
        <mesh
          key={area.id}
          name={`floor:${area.id}`}
          rotation-x={-Math.PI / 2}
          position={[(area.min[0] + area.max[0]) / 2, area.y + 0.001, (area.min[1] + area.max[1]) / 2]}
          onClick={onClick}
          visible={false}
        >
          <planeGeometry args={[area.max[0] - area.min[0], area.max[1] - area.min[1]]} />
        </mesh>
      ))}
    </TeleportTarget>
  )
}

function moveTo(x: number, z: number, floors: FloorArea[]) {
  if (!isOnFloor(floors, x, z)) return
  const area = floors.find((a) => x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1])
  teleportPlayer([x, area?.y ?? 0, z], usePlayer.getState().yaw)
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
