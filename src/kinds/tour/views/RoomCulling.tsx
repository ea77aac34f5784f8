// Hides what the walls hide: parts of the memorial register the spheres they occupy, and once a frame
// each is shown only if the visitor's head could see it (same room, or through the hall's door; see
// room-visibility.ts). Pointer events ignore `visible`, so hidden parts keep their names and handlers.
import { createContext, type ReactNode, type RefObject, useContext, useEffect, useMemo, useRef } from 'react'
import { type Group, type Object3D, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { getHeadPosition } from '../../../platform/locomotion'
import type { Vec3 } from '../../../schema/common'
import type { MemorialHall } from '../../../schema/kinds/tour'
import { canSee, roomOf, type Sphere, type ViewFromEye, viewFrom } from '../logic/room-visibility'

interface Entry {
  ref: RefObject<Object3D | null>
  /** Spheres the object occupies; a function for things that move (the guide). */
  spheres: readonly Sphere[] | (() => readonly Sphere[])
  /** Not yet tested since it registered. */
  fresh: boolean
}

type Registry = Set<Entry>

const RoomCullingContext = createContext<Registry | null>(null)
const head = new Vector3()
/** The eye the door's view was last worked out from; reused, never reallocated. */
const eye: [number, number, number] = [0, 0, 0]
/** Head movement (m) below which the last view still holds; MARGIN in room-visibility covers it. */
const EYE_EPSILON = 0.02

/**
 * Runs the culling for everything registered below it; without a hall, nothing is ever hidden. The
 * door's view and the fixed parts are worked out again only when the head has moved; moving parts (the
 * guide) are tested every frame against that view.
 */
export function RoomCulling({ hall, children }: { hall?: MemorialHall; children: ReactNode }) {
  const registry = useMemo<Registry>(() => new Set(), [])
  const view = useRef<ViewFromEye | null>(null)
  useFrameStage('kindLogic', () => {
    if (!hall) return
    getHeadPosition(head)
    const moved =
      !view.current ||
      Math.abs(head.x - eye[0]) + Math.abs(head.y - eye[1]) + Math.abs(head.z - eye[2]) > EYE_EPSILON
    if (moved) {
      eye[0] = head.x
      eye[1] = head.y
      eye[2] = head.z
      view.current = viewFrom(hall, eye)
    }
    const from = view.current as ViewFromEye
    for (const entry of registry) {
      const moving = typeof entry.spheres === 'function'
      if (!moved && !moving && !entry.fresh) continue
      const object = entry.ref.current
      if (!object) continue
      entry.fresh = false
      const spheres = typeof entry.spheres === 'function' ? entry.spheres() : entry.spheres
      let visible = false
      for (const s of spheres) {
        if (canSee(from, eye, s, roomOf(hall, s.center[0], s.center[2]))) {
          visible = true
          break
        }
      }
      if (object.visible !== visible) object.visible = visible
    }
  })
  return <RoomCullingContext.Provider value={registry}>{children}</RoomCullingContext.Provider>
}

/** Draws `ref`'s object only while one of `spheres` may be in view (see RoomCulling). */
export function useRoomCulling(
  ref: RefObject<Object3D | null>,
  spheres: readonly Sphere[] | (() => readonly Sphere[]),
): void {
  const registry = useContext(RoomCullingContext)
  useEffect(() => {
    if (!registry) return
    const entry: Entry = { ref, spheres, fresh: true }
    registry.add(entry)
    return () => {
      registry.delete(entry)
      if (ref.current) ref.current.visible = true
    }
  }, [registry, ref, spheres])
}

/**
 * A station placed and turned from its data, drawn only while the walls may show its bounding sphere
 * (`radius` around the station's position): the frame every wall-mounted station shares.
 */
export function StationGroup({
  station,
  radius,
  name,
  children,
}: {
  station: { position: Vec3; rotationY: number }
  radius: number
  name: string
  children: ReactNode
}) {
  const group = useRef<Group>(null)
  const bounds = useMemo<Sphere[]>(() => [{ center: station.position, radius }], [station.position, radius])
  useRoomCulling(group, bounds)
  return (
    <group
      ref={group}
      position={station.position}
      rotation={[0, (station.rotationY * Math.PI) / 180, 0]}
      name={name}
    >
      {children}
    </group>
  )
}
