// The placed model's base as its handle: one pointer pressed on it slides the model over the table; a
// second pointer (the other hand or controller) turns and resizes it with the first (two-hand.ts). Points
// are taken in room space (the XR origin's), where the pose lives.
import type { ThreeEvent } from '@react-three/fiber'
import { useRef, useState } from 'react'
import type { Object3D, Vector3 } from 'three'
import { moveBy, setTurnAndZoom, useARPlacement, ZOOM_RANGE } from './ar-placement'
import { type TwoHandStart, twoHandPose } from './two-hand'

export interface BaseGrips {
  /** Whether any pointer holds the base (no anchor is made until it is let go). */
  held: boolean
  onDown: (e: ThreeEvent<PointerEvent>) => void
  onMove: (e: ThreeEvent<PointerEvent>) => void
  onUp: (e: ThreeEvent<PointerEvent>) => void
}

export function useBaseGrips(origin: Object3D | undefined): BaseGrips {
  const grips = useRef(new Map<number, Vector3>())
  const two = useRef<TwoHandStart | null>(null)
  const [held, setHeld] = useState(false)
  const toRoom = (p: Vector3) => (origin ? origin.worldToLocal(p.clone()) : p.clone())
  // A captured pointer's `point` stays at its first distance along the ray; `pointOnFace` is where the ray
  // meets the base's plane, the table's, which is what the grips slide and turn on.
  const onTable = (e: ThreeEvent<PointerEvent>) =>
    toRoom((e as { pointOnFace?: Vector3 }).pointOnFace ?? e.point)
  const xz = (p: Vector3) => [p.x, p.z] as const

  /** With two grips, the pair and the pose as they are now start the turn-and-resize. */
  const startTwo = () => {
    const [a, b] = [...grips.current.values()]
    const { pose } = useARPlacement.getState()
    two.current = a && b ? { a: xz(a), b: xz(b), yaw: pose.yaw, zoom: pose.zoom } : null
  }

  const onDown = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    ;(e.target as unknown as { setPointerCapture?(id: number): void }).setPointerCapture?.(e.pointerId)
    if (grips.current.size >= 2) return
    grips.current.set(e.pointerId, onTable(e))
    if (grips.current.size === 2) startTwo()
    setHeld(true)
  }
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const from = grips.current.get(e.pointerId)
    if (!from) return
    const to = onTable(e)
    grips.current.set(e.pointerId, to)
    const start = two.current
    if (start) {
      const [a, b] = [...grips.current.values()]
      const { yaw, zoom } = twoHandPose(start, xz(a), xz(b), ZOOM_RANGE)
      setTurnAndZoom(yaw, zoom)
    } else moveBy(to.x - from.x, to.z - from.z)
  }
  const onUp = (e: ThreeEvent<PointerEvent>) => {
    if (!grips.current.delete(e.pointerId)) return
    // The hand left holding slides from where it is now, without a jump.
    two.current = null
    if (grips.current.size === 0) setHeld(false)
  }
  return { held, onDown, onMove, onUp }
}
