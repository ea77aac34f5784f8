// Move by pointing at the floor, with any pointer: a mouse click or touch tap on desktop (the
// visitor glides there), a controller ray and trigger, a hand pinch or a transient pointer (Vision
// Pro gaze-and-pinch) in XR (the visitor teleports there). One set of pointer handlers on invisible
// surfaces over the scene's floor areas serves them all; a ring shows where the pointer would take
// the visitor. A screen press that moved is a drag that turns the view, and a floor point behind a
// wall or off the floor areas is refused. The right-stick teleport arc (ThumbstickTeleport) stays.
import type { ThreeEvent } from '@react-three/fiber'
import { useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { type Mesh, type Object3D, Raycaster, type Scene, Vector3 } from 'three'
import type { FloorArea, Vec3 } from '../../schema/common'
import {
  floorLanding,
  isDrag,
  isOccluded,
  isScreenPointer,
  NEAR_IGNORE_M,
  type ScreenPoint,
} from './floor-pointing'
import { locomotionDebug } from './locomotion-debug'
import { teleportPlayer, usePlayer } from './player'
import { collectSolids } from './solid-objects'

const MARKER_COLOR = '#35d0ff'
/** The hover marker re-checks for walls only once the aimed point moved this far (a raycast of the scene). */
const RECHECK_M = 0.15
/** The marker floats above the walkable plane: scenes draw paving and carpets a few centimetres over it. */
const MARKER_LIFT_M = 0.06
const raycaster = new Raycaster()
const direction = new Vector3()

/**
 * Click, tap, trigger and pinch surfaces over each floor area. They are never drawn (`visible={false}`
 * costs no draw call): pointer rays intersect them all the same, since pointer events ignore `visible`.
 */
export function FloorPointer({ floors }: { floors: readonly FloorArea[] }) {
  const scene = useThree((s) => s.scene)
  const marker = useRef<Mesh>(null)
  const downs = useRef(new Map<number, ScreenPoint | undefined>())
  const hover = useRef<{ pointerId: number; at: Vector3; from: Vector3; landing: Vec3 | null } | null>(null)

  /** Where this pointer event would take the visitor, or null (off the floor areas, or behind a wall). */
  const landingFor = (e: FloorEvent): Vec3 | null => {
    const landing = floorLanding(floors, e.point.x, e.point.z)
    if (!landing) return null
    return blockerBetween(scene, originOf(e), e.point) ? null : landing
  }

  const showMarker = (landing: Vec3 | null) => {
    locomotionDebug.hover = landing
    const m = marker.current
    if (!m) return
    m.visible = landing !== null
    if (landing) m.position.set(landing[0], landing[1] + MARKER_LIFT_M, landing[2])
  }

  const onPointerMove = (e: FloorEvent) => {
    const from = originOf(e)
    const last = hover.current
    if (
      last &&
      last.pointerId === e.pointerId &&
      last.at.distanceTo(e.point) < RECHECK_M &&
      last.from.distanceTo(from) < RECHECK_M
    ) {
      // Small moves slide the marker along without a new wall check.
      if (last.landing) showMarker(floorLanding(floors, e.point.x, e.point.z))
      return
    }
    const landing = landingFor(e)
    hover.current = { pointerId: e.pointerId, at: e.point.clone(), from: from.clone(), landing }
    showMarker(landing)
  }

  const onPointerOut = (e: FloorEvent) => {
    if (hover.current && hover.current.pointerId !== e.pointerId) return
    hover.current = null
    showMarker(null)
  }

  const onPointerDown = (e: FloorEvent) => {
    downs.current.set(e.pointerId, screenPoint(e.nativeEvent))
  }

  const onClick = (e: FloorEvent) => {
    e.stopPropagation()
    const pointerType = e.pointerType
    const down = downs.current.get(e.pointerId)
    downs.current.delete(e.pointerId)
    // A press that moved turned the view (DesktopRig's drag to look); it does not also move the visitor.
    if (isScreenPointer(pointerType) && isDrag(down, screenPoint(e.nativeEvent))) return
    const onFloor = floorLanding(floors, e.point.x, e.point.z)
    const blocker = onFloor ? blockerBetween(scene, originOf(e), e.point) : null
    const landing = blocker ? null : onFloor
    locomotionDebug.lastFloorPress = {
      pointerType,
      point: [e.point.x, e.point.y, e.point.z],
      landing,
      blockedBy: blocker ? describe(blocker) : null,
    }
    if (!landing) return
    teleportPlayer(landing, usePlayer.getState().yaw)
    hover.current = null
    showMarker(null)
  }

  return (
    <>
      <group name="floor-pointer" onPointerMove={onPointerMove} onPointerOut={onPointerOut}>
        {floors.map((area) => (
          <mesh
            key={area.id}
            name={`floor:${area.id}`}
            rotation-x={-Math.PI / 2}
            position={[(area.min[0] + area.max[0]) / 2, area.y + 0.001, (area.min[1] + area.max[1]) / 2]}
            onPointerDown={onPointerDown}
            onClick={onClick}
            visible={false}
          >
            <planeGeometry args={[area.max[0] - area.min[0], area.max[1] - area.min[1]]} />
          </mesh>
        ))}
      </group>
      <mesh
        ref={marker}
        name="floor-hover-marker"
        rotation-x={-Math.PI / 2}
        visible={false}
        raycast={() => null}
        pointerEvents="none"
      >
        <ringGeometry args={[0.16, 0.22, 32]} />
        <meshBasicMaterial color={MARKER_COLOR} toneMapped={false} transparent opacity={0.85} />
      </mesh>
    </>
  )
}

/**
 * The fields FloorPointer reads from a @react-three/xr pointer event. Its events carry the pointer's
 * id, type and origin for every pointer kind, which R3F's own ThreeEvent type does not declare.
 */
type FloorEvent = ThreeEvent<PointerEvent> & { pointerPosition?: Vector3 }

function originOf(e: FloorEvent): Vector3 {
  return e.pointerPosition ?? e.ray.origin
}

function screenPoint(event: unknown): ScreenPoint | undefined {
  if (typeof MouseEvent === 'undefined' || !(event instanceof MouseEvent)) return undefined
  return { x: event.clientX, y: event.clientY }
}

/** An object's name, or its nearest named ancestor's, for the debug view. */
function describe(object: Object3D): string {
  for (let o: Object3D | null = object; o; o = o.parent) if (o.name) return o.name
  return object.type
}

/**
 * The solid, visible object that stands between the pointer's origin and the floor point: a
 * wall, a counter, a display case. Pointer rays pass through objects without handlers, so without
 * this a click on a wall would land the visitor in the room behind it. The XR origin's subtree (the
 * controllers, hands and their rays), see-through effects and the floor surfaces themselves are skipped.
 */
function blockerBetween(scene: Scene, from: Vector3, to: Vector3): Object3D | null {
  const floorDistance = from.distanceTo(to)
  if (floorDistance <= NEAR_IGNORE_M) return null
  const solids = collectSolids(scene, [])
  raycaster.set(from, direction.subVectors(to, from).normalize())
  raycaster.near = NEAR_IGNORE_M
  raycaster.far = floorDistance
  const occlusion = (hit: { distance: number; point: Vector3 }) => ({
    distance: hit.distance,
    height: hit.point.y - to.y,
  })
  const hits = raycaster.intersectObjects(solids, false)
  const blocker = hits.find((hit) => isOccluded({ floorDistance, hits: [occlusion(hit)] }))
  return blocker?.object ?? null
}
