// Puts its children in one of the view's named regions (view-slots.ts). On desktop the panel is held in
// the camera's view, scaled to fit its region at the current window size, so it never leaves the screen
// and never lands on another slot. In XR it sits in the comfort frustum, which follows the head's yaw
// only after a large turn: the panel stays still under a pointer between two clicks. Panels sharing a
// slot stack in it (slot-occupancy.ts) by their `order`, so a kind's panel and the XR menu both show.
import { useThree } from '@react-three/fiber'
import { type ReactNode, useEffect, useRef } from 'react'
import { Euler, type Group, Matrix4, type PerspectiveCamera, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { shownInScene } from './batch-members'
import { FlatLayerGroup } from './FlatLayerGroup'
import { joinSlot, type SlotSeat, slotOccupancyVersion, slotStack } from './slot-occupancy'
import {
  isPortrait,
  type SlotPlacement,
  stackInSlot,
  type ViewFrustum,
  type ViewSlotName,
  XR_COMFORT,
  xrFramePitchDeg,
} from './view-slots'
import { viewUiHidden } from './view-ui-visibility'

export interface ViewSlotProps {
  slot: ViewSlotName
  /** The children's design width in metres (their size at scale 1). */
  width: number
  /** The children's design height in metres. */
  height: number
  /** Largest scale on desktop, where a big window may enlarge the panel (default 1.4); XR never enlarges. */
  maxScale?: number
  /**
   * The slot on a portrait screen, when the landscape one would cross what the scene shows at the view's
   * centre (a side column on a portrait kiosk is a half-row across the middle). Default: `slot`.
   */
  portraitSlot?: ViewSlotName
  /** Place in a slot shared with other panels: lower stacks higher; equal orders keep mount order (0). */
  order?: number
  name?: string
  children: ReactNode
}

/** Degrees the head may turn away before the XR comfort frustum turns after it. */
const XR_YAW_SLACK = 28
const head = new Vector3()
const forward = new Vector3()
const local = new Vector3()
const pitch = new Quaternion()
const yawQ = new Quaternion()
const euler = new Euler()

/** The fraction of the canvas covered by the page's toolbar (the scene bar over desktop scenes). */
export function measureTopInset(canvas: HTMLCanvasElement): number {
  if (typeof document === 'undefined') return 0
  const bar = document.querySelector('[role="toolbar"]')
  const rect = canvas.getBoundingClientRect()
  if (!bar || rect.height <= 0) return 0
  // Only the bar's controls block the view; its own box may be a full-width gradient. A child fixed
  // elsewhere (the screen-reader object list, 1 px at the page's foot) is not in the bar: counted, it
  // took the inset to its 30 % cap and squeezed every slot into the lower 70 % of the view.
  let bottom = rect.top
  for (const child of Array.from(bar.children)) {
    if (getComputedStyle(child).position === 'fixed') continue
    bottom = Math.max(bottom, child.getBoundingClientRect().bottom)
  }
  return Math.min(0.3, Math.max(0, (bottom - rect.top + 4) / rect.height))
}

export function ViewSlot({
  slot: landscapeSlot,
  portraitSlot = landscapeSlot,
  width,
  height,
  maxScale = 1.4,
  order = 0,
  name,
  children,
}: ViewSlotProps) {
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const gl = useThree((s) => s.gl)
  const size = useThree((s) => s.size)
  // The same test the regions use (slotRegions), on the same canvas the desktop camera's aspect follows.
  const slot = isPortrait(size.width / Math.max(1, size.height)) ? portraitSlot : landscapeSlot
  const inset = useRef(0)
  const xrYaw = useRef<number | null>(null)
  const placement = useRef<SlotPlacement | null>(null)
  const key = useRef('')
  const seat = useRef<SlotSeat | null>(null)
  const seatSize = useRef({ width, height, maxScale })
  seatSize.current = { width, height, maxScale }

  // A seat in the slot for as long as the panel is mounted; its size is kept current below.
  useEffect(() => {
    const s = joinSlot(slot, order, seatSize.current)
    seat.current = s
    return () => {
      s.leave()
      seat.current = null
    }
  }, [slot, order])
  useEffect(() => seat.current?.resize({ width, height, maxScale }), [width, height, maxScale])

  // Re-measured whenever the canvas changes size (the scene bar may wrap onto two lines).
  const sizeKey = `${size.width}x${size.height}`
  useEffect(() => {
    if (!sizeKey) return
    inset.current = measureTopInset(gl.domElement)
    key.current = ''
  }, [gl, sizeKey])

  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
    g.visible = !viewUiHidden()
    if (!g.visible) return
    // A panel under a hidden kind leaves its room in the slot to others.
    seat.current?.setShown(!g.parent || shownInScene(g.parent))
    camera.getWorldPosition(head)
    if (gl.xr.isPresenting) {
      camera.getWorldDirection(forward)
      const yaw = Math.atan2(-forward.x, -forward.z)
      if (xrYaw.current === null || Math.abs(angleDiff(yaw, xrYaw.current)) > (XR_YAW_SLACK * Math.PI) / 180)
        xrYaw.current = yaw
      const k = `xr:${slot}:${width}:${height}:${slotOccupancyVersion()}`
      if (key.current !== k) {
        placement.current = placeInStack(slot, seat.current, { width, height, maxScale }, XR_COMFORT, 1)
        key.current = k
      }
      const p = placement.current as SlotPlacement
      yawQ.setFromEuler(euler.set(0, xrYaw.current, 0))
      const pitchDeg = xrFramePitchDeg(gl.xr.getSession()?.environmentBlendMode)
      pitch.setFromEuler(euler.set((pitchDeg * Math.PI) / 180, 0, 0))
      g.quaternion.copy(yawQ).multiply(pitch)
      g.position.copy(local.set(p.x, p.y, p.z).applyQuaternion(g.quaternion)).add(head)
      g.scale.setScalar(p.scale)
      toParentSpace(g)
      return
    }
    xrYaw.current = null
    const k = `desk:${slot}:${width}:${height}:${camera.fov}:${camera.aspect}:${inset.current}:${maxScale}:${slotOccupancyVersion()}`
    if (key.current !== k) {
      placement.current = placeInStack(
        slot,
        seat.current,
        { width, height, maxScale },
        {
          fovDeg: camera.fov,
          aspect: camera.aspect,
          topInset: inset.current,
        },
      )
      key.current = k
    }
    const p = placement.current as SlotPlacement
    camera.getWorldQuaternion(g.quaternion)
    g.position.copy(local.set(p.x, p.y, p.z).applyQuaternion(g.quaternion)).add(head)
    g.scale.setScalar(p.scale)
    toParentSpace(g)
  })
  return (
    <group ref={group} name={name} userData={{ viewSlot: slot }}>
      <FlatLayerGroup>{children}</FlatLayerGroup>
    </group>
  )
}

/** This panel's place among the shown panels of its slot (alone until its seat is taken). */
function placeInStack(
  slot: ViewSlotName,
  seat: SlotSeat | null,
  size: { width: number; height: number; maxScale: number },
  view: ViewFrustum,
  scaleCap?: number,
): SlotPlacement {
  const stack = slotStack(slot)
  const at = seat ? stack.findIndex((o) => o.id === seat.id) : -1
  if (at < 0) return stackInSlot(slot, [size], view, scaleCap)[0]
  return stackInSlot(slot, stack, view, scaleCap)[at]
}

/** The pose above is in world space; a slot inside a moved group (a kind's root) needs its parent's. */
function toParentSpace(g: Group): void {
  const parent = g.parent
  if (!parent || parent.matrixWorld.equals(identity)) return
  parent.worldToLocal(g.position)
  g.quaternion.premultiply(parent.getWorldQuaternion(parentQ).invert())
}
const identity = new Matrix4()
const parentQ = new Quaternion()

function angleDiff(a: number, b: number): number {
  let d = a - b
  while (d > Math.PI) d -= 2 * Math.PI
  while (d < -Math.PI) d += 2 * Math.PI
  return d
}
