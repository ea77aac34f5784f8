// Hides what the walls hide: parts of the memorial register the spheres they occupy, and once a frame
// each is shown only if the visitor's head could see it (same room, or through the hall's door; see
// room-visibility.ts). Pointer events ignore `visible`, so hidden parts keep their names and handlers.
import { useFrame } from '@react-three/fiber'
import { createContext, type ReactNode, type RefObject, useContext, useEffect, useMemo } from 'react'
import { type Object3D, Vector3 } from 'three'
import { getHeadPosition } from '../../../platform/locomotion'
import type { MemorialHall } from '../../../schema/kinds/tour'
import { canSee, roomOf, type Sphere, viewFrom } from '../logic/room-visibility'

interface Entry {
  ref: RefObject<Object3D | null>
  /** Spheres the object occupies; a function for things that move (the guide). */
  spheres: readonly Sphere[] | (() => readonly Sphere[])
}

type Registry = Set<Entry>

const RoomCullingContext = createContext<Registry | null>(null)
const head = new Vector3()

/** Runs the culling for everything registered below it; without a hall, nothing is ever hidden. */
export function RoomCulling({ hall, children }: { hall?: MemorialHall; children: ReactNode }) {
  const registry = useMemo<Registry>(() => new Set(), [])
  useFrame(() => {
    if (!hall) return
    getHeadPosition(head)
    const eye = [head.x, head.y, head.z] as const
    // The door's view from this eye is the same for every part: work it out once a frame.
    const view = viewFrom(hall, eye)
    for (const entry of registry) {
      const object = entry.ref.current
      if (!object) continue
      const spheres = typeof entry.spheres === 'function' ? entry.spheres() : entry.spheres
      const visible = spheres.some((s) => canSee(view, eye, s, roomOf(hall, s.center[0], s.center[2])))
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
    const entry: Entry = { ref, spheres }
    registry.add(entry)
    return () => {
      registry.delete(entry)
      if (ref.current) ref.current.visible = true
    }
  }, [registry, ref, spheres])
}
