// The floor plan: floors, the hall, tour stops and hotspots, and a live "you are here" arrow. Selecting a
// point on the plan (ray, pinch, poke, click) takes the visitor there; selecting a stop goes to that stop.
import type { ThreeEvent } from '@react-three/fiber'
import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { type InstancedMesh, type Mesh, Object3D, Vector3 } from 'three'
import { useLocalize } from '../../platform/i18n/i18n'
import { teleportPlayer, usePlayer } from '../../platform/locomotion/player'
import { Panel } from '../../platform/ui/Panel'
import { UiText } from '../../platform/ui/UiText'
import type { FloorArea } from '../../schema/common'
import type { TourContent } from '../../schema/kinds/tour'
import { fitMapFrame, mapToWorld, snapToFloors, worldToMap } from './minimap-projection'
import { useTourStore } from './tour-store'

const MAP_W = 0.3
const MAP_H = 0.42
const scratch = new Object3D()
const local = new Vector3()

export function TourMinimap({ tour, floors }: { tour: TourContent; floors: FloorArea[] }) {
  const t = useLocalize()
  const frame = useMemo(() => fitMapFrame(tour.minimap.min, tour.minimap.max, MAP_W, MAP_H), [tour.minimap])
  const plane = useRef<Mesh>(null)
  const stopsMesh = useRef<InstancedMesh>(null)
  const spotsMesh = useRef<InstancedMesh>(null)
  const you = useRef<Mesh>(null)
  const currentStop = useTourStore((s) => s.tour.stopIndex)

  const stopPoints = useMemo(
    () => tour.stops.map((s) => worldToMap(frame, s.visitorPosition[0], s.visitorPosition[2])),
    [tour.stops, frame],
  )
  useLayoutEffect(() => {
    const place = (mesh: InstancedMesh | null, points: [number, number][], z: number) => {
      if (!mesh) return
      points.forEach(([u, v], i) => {
        scratch.position.set(u, v, z)
        scratch.rotation.set(Math.PI / 2, 0, 0)
        scratch.updateMatrix()
        mesh.setMatrixAt(i, scratch.matrix)
      })
      mesh.instanceMatrix.needsUpdate = true
      mesh.computeBoundingSphere()
    }
    place(stopsMesh.current, stopPoints, 0.008)
    place(
      spotsMesh.current,
      tour.hotspots.map((h) => worldToMap(frame, h.position[0], h.position[2])),
      0.006,
    )
  }, [stopPoints, tour.hotspots, frame])

  useFrame(() => {
    const m = you.current
    if (!m) return
    const { position, yaw } = usePlayer.getState()
    const [u, v] = worldToMap(frame, position[0], position[2])
    m.position.set(u, v, 0.012)
    // The triangle points along +u; yaw 0 (looking down -Z) is "up" on the plan.
    m.rotation.set(0, 0, Math.PI / 2 + (yaw * Math.PI) / 180)
  })

  const goToPoint = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    const p = plane.current
    if (!p) return
    p.worldToLocal(local.copy(e.point))
    const [x, z] = mapToWorld(frame, local.x, local.y)
    const snapped = snapToFloors(floors, x, z)
    if (snapped) teleportPlayer(snapped.position)
  }
  const goToStop = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    const stop = e.instanceId === undefined ? undefined : tour.stops[e.instanceId]
    if (stop) teleportPlayer(stop.visitorPosition, stop.visitorYaw)
  }

  return (
    <Panel width={frame.width + 0.06} height={frame.height + 0.12} color="#20232a" name="tour-minimap">
      <UiText
        text={t(tour.minimap.title)}
        fontSize={0.035}
        color="#fff4d6"
        position={[0, frame.height / 2 + 0.03, 0.004]}
      />
      <mesh ref={plane} position={[0, -0.02, 0.002]} onClick={goToPoint} name="minimap:plan">
        <planeGeometry args={[frame.width, frame.height]} />
        <meshBasicMaterial color="#6b7d5c" toneMapped={false} />
      </mesh>
      <group position={[0, -0.02, 0]}>
        <FloorShapes floors={floors} frame={frame} hall={tour.hall} />
        <instancedMesh
          ref={stopsMesh}
          args={[undefined, undefined, tour.stops.length]}
          onClick={goToStop}
          name="minimap:stops"
        >
          <cylinderGeometry args={[0.011, 0.011, 0.004, 12]} />
          <meshBasicMaterial color="#c8161d" toneMapped={false} />
        </instancedMesh>
        {tour.hotspots.length > 0 && (
          <instancedMesh
            ref={spotsMesh}
            args={[undefined, undefined, tour.hotspots.length]}
            raycast={() => null}
          >
            <cylinderGeometry args={[0.006, 0.006, 0.003, 8]} />
            <meshBasicMaterial color="#ffc940" toneMapped={false} />
          </instancedMesh>
        )}
        {/* Named, invisible anchors so tools and tests can find each stop's marker on the plan. */}
        {stopPoints.map(([u, v], i) => (
          <object3D
            key={tour.stops[i].id}
            name={`minimap:stop:${tour.stops[i].id}`}
            position={[u, v, 0.01]}
          />
        ))}
        {currentStop >= 0 && (
          <mesh
            position={[stopPoints[currentStop][0], stopPoints[currentStop][1], 0.007]}
            raycast={() => null}
          >
            <ringGeometry args={[0.014, 0.02, 20]} />
            <meshBasicMaterial color="#ffffff" toneMapped={false} />
          </mesh>
        )}
        <mesh ref={you} raycast={() => null} name="minimap:you">
          <circleGeometry args={[0.013, 3]} />
          <meshBasicMaterial color="#4fc3f7" toneMapped={false} />
        </mesh>
      </group>
    </Panel>
  )
}

function FloorShapes({
  floors,
  frame,
  hall,
}: {
  floors: FloorArea[]
  frame: ReturnType<typeof fitMapFrame>
  hall: TourContent['hall']
}) {
  const rects = floors.map((f) => ({ id: f.id, min: f.min, max: f.max, color: '#cfc6b4', z: 0.003 }))
  if (hall) rects.push({ id: 'hall', min: hall.min, max: hall.max, color: '#a8161b', z: 0.004 })
  return (
    <>
      {rects.map((r) => {
        const [u0, v0] = worldToMap(frame, r.min[0], r.min[1])
        const [u1, v1] = worldToMap(frame, r.max[0], r.max[1])
        const inset = r.id === 'hall' ? 0.004 : 0
        return (
          <mesh key={r.id} position={[(u0 + u1) / 2, (v0 + v1) / 2, r.z]} raycast={() => null}>
            <planeGeometry args={[Math.abs(u1 - u0) - inset, Math.abs(v1 - v0) - inset]} />
            <meshBasicMaterial
              color={r.color}
              transparent={r.id === 'hall'}
              opacity={r.id === 'hall' ? 0.55 : 1}
              toneMapped={false}
            />
          </mesh>
        )
      })}
    </>
  )
}
