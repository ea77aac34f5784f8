// The floor plan: floors, the hall, tour stops and hotspots, and a live "you are here" arrow. Selecting a
// point on the plan (ray, pinch, poke, click) takes the visitor there; selecting a stop goes to that stop.
import type { ThreeEvent } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import {
  type BufferGeometry,
  Color,
  type InstancedMesh,
  type Mesh,
  Object3D,
  PlaneGeometry,
  SRGBColorSpace,
  Vector3,
} from 'three'
import { logPointer } from '../../../platform/debug'
import { useFrameStage } from '../../../platform/frame'
import { ColoredGeometryBatch } from '../../../platform/geometry'
import { useLocalize } from '../../../platform/i18n'
import { teleportPlayer, usePlayer } from '../../../platform/locomotion'
import { Panel, UiText, ViewSlot } from '../../../platform/ui'
import type { FloorArea } from '../../../schema/common'
import type { TourContent } from '../../../schema/kinds/tour'
import { fitMapFrame, mapToWorld, snapToFloors, worldToMap } from '../logic/minimap-projection'
import { isPlaying } from '../logic/tour-sequencer'
import { dispatchTour, useTourStore } from '../tour-store'

/** A jump away from the guide pauses the story: its narration and subtitle stop with it. */
function pauseForJump(): void {
  if (isPlaying(useTourStore.getState().tour)) dispatchTour({ type: 'pause' })
}

const MAP_W = 0.3
const MAP_H = 0.42
const PLAN_COLOR = '#6b7d5c'
const FLOOR_COLOR = '#cfc6b4'
const HALL_COLOR = '#a8161b'
/** The hall drawn at 55 % over its floor, pre-blended so the plan is one opaque mesh. */
const HALL_OVER_FLOOR = blendSrgb(HALL_COLOR, FLOOR_COLOR, 0.55)
const STOP_COLOR = new Color('#c8161d')
const SPOT_COLOR = new Color('#ffc940')
/** Hotspot dots are smaller, flatter stop dots (radius 6 vs 11 mm, height 3 vs 4 mm). */
const SPOT_SCALE = new Vector3(0.006 / 0.011, 0.003 / 0.004, 0.006 / 0.011)
const scratch = new Object3D()
const local = new Vector3()
/** The "you are here" arrow's map point, reused every frame. */
const youAt: [number, number] = [0, 0]

export function TourMinimap({ tour, floors }: { tour: TourContent; floors: FloorArea[] }) {
  const t = useLocalize()
  const frame = useMemo(() => fitMapFrame(tour.minimap.min, tour.minimap.max, MAP_W, MAP_H), [tour.minimap])
  const plane = useRef<Mesh>(null)
  const dots = useRef<InstancedMesh>(null)
  const you = useRef<Mesh>(null)
  const currentStop = useTourStore((s) => s.tour.stopIndex)

  const stopPoints = useMemo(
    () => tour.stops.map((s) => worldToMap(frame, s.visitorPosition[0], s.visitorPosition[2])),
    [tour.stops, frame],
  )
  const plan = useMemo(() => buildPlanGeometry(floors, frame, tour.hall), [floors, frame, tour.hall])
  useEffect(() => () => plan.dispose(), [plan])
  // Stops (selectable, instances 0…n-1) and hotspots (after them) share one instanced mesh.
  useLayoutEffect(() => {
    const mesh = dots.current
    if (!mesh) return
    const place = (i: number, [u, v]: [number, number], z: number, color: Color, scale?: Vector3) => {
      scratch.position.set(u, v, z)
      scratch.rotation.set(Math.PI / 2, 0, 0)
      scratch.scale.copy(scale ?? unit)
      scratch.updateMatrix()
      mesh.setMatrixAt(i, scratch.matrix)
      mesh.setColorAt(i, color)
    }
    for (const [i, p] of stopPoints.entries()) place(i, p, 0.008, STOP_COLOR)
    for (const [i, h] of tour.hotspots.entries()) {
      const p = worldToMap(frame, h.position[0], h.position[2])
      place(stopPoints.length + i, p, 0.006, SPOT_COLOR, SPOT_SCALE)
    }
    mesh.instanceMatrix.needsUpdate = true
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
    mesh.computeBoundingSphere()
  }, [stopPoints, tour.hotspots, frame])

  useFrameStage('uiFollow', () => {
    const m = you.current
    if (!m) return
    const { position, yaw } = usePlayer.getState()
    const [u, v] = worldToMap(frame, position[0], position[2], youAt)
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
    if (!snapped) return
    // Logged like every platform control's click, so a press that missed the plan is visible.
    logPointer(`click:minimap:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
    pauseForJump()
    teleportPlayer(snapped.position)
  }
  const goToStop = (e: ThreeEvent<MouseEvent>) => {
    const stop = e.instanceId === undefined ? undefined : tour.stops[e.instanceId]
    // A hotspot dot is only a mark on the plan: selecting it goes to that point, as the plan does.
    if (!stop) return goToPoint(e)
    e.stopPropagation()
    logPointer(`click:minimap:${stop.id}:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
    pauseForJump()
    teleportPlayer(stop.visitorPosition, stop.visitorYaw)
  }

  return (
    <ViewSlot slot="right" width={frame.width + 0.06} height={frame.height + 0.12} name="tour-minimap-slot">
      <Panel width={frame.width + 0.06} height={frame.height + 0.12} color="#20232a" name="tour-minimap">
        <UiText
          text={t(tour.minimap.title)}
          fontSize={0.046}
          color="#fff4d6"
          position={[0, frame.height / 2 + 0.03, 0.004]}
        />
        {/* The plan, its floors and the hall in one vertex-coloured mesh (one draw call). */}
        <mesh
          ref={plane}
          geometry={plan}
          position={[0, -0.02, 0.002]}
          onClick={goToPoint}
          name="minimap:plan"
        >
          <meshBasicMaterial vertexColors toneMapped={false} />
        </mesh>
        <group position={[0, -0.02, 0]}>
          <instancedMesh
            ref={dots}
            args={[undefined, undefined, tour.stops.length + tour.hotspots.length]}
            onClick={goToStop}
            name="minimap:stops"
          >
            <cylinderGeometry args={[0.011, 0.011, 0.004, 12]} />
            <meshBasicMaterial toneMapped={false} />
          </instancedMesh>
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
    </ViewSlot>
  )
}

const unit = new Vector3(1, 1, 1)

function blendSrgb(top: string, bottom: string, alpha: number): Color {
  const a = new Color(top).getRGB({ r: 0, g: 0, b: 0 }, SRGBColorSpace)
  const b = new Color(bottom).getRGB({ r: 0, g: 0, b: 0 }, SRGBColorSpace)
  return new Color().setRGB(
    a.r * alpha + b.r * (1 - alpha),
    a.g * alpha + b.g * (1 - alpha),
    a.b * alpha + b.b * (1 - alpha),
    SRGBColorSpace,
  )
}

/**
 * The plan's background, the walkable floors on it and the hall on top, as layers 1 mm apart in the
 * plan's own frame (so a click anywhere on it maps back to the world the same way).
 */
function buildPlanGeometry(
  floors: FloorArea[],
  frame: ReturnType<typeof fitMapFrame>,
  hall: TourContent['hall'],
): BufferGeometry {
  const batch = new ColoredGeometryBatch().place(
    new PlaneGeometry(frame.width, frame.height),
    PLAN_COLOR,
    [0, 0, 0],
  )
  const rect = (
    min: readonly number[],
    max: readonly number[],
    color: Color | string,
    z: number,
    inset: number,
  ) => {
    const [u0, v0] = worldToMap(frame, min[0], min[1])
    const [u1, v1] = worldToMap(frame, max[0], max[1])
    batch.place(new PlaneGeometry(Math.abs(u1 - u0) - inset, Math.abs(v1 - v0) - inset), color, [
      (u0 + u1) / 2,
      (v0 + v1) / 2,
      z,
    ])
  }
  for (const f of floors) rect(f.min, f.max, FLOOR_COLOR, 0.001, 0)
  if (hall) rect(hall.min, hall.max, HALL_OVER_FLOOR, 0.002, 0.004)
  const merged = batch.merge()
  if (!merged) throw new Error('minimap plan is empty')
  return merged
}
