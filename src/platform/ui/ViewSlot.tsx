// Puts its children in one of the view's named regions (view-slots.ts). On desktop the panel is held in
// the camera's view, scaled to fit its region at the current window size, so it never leaves the screen
// and never lands on another slot. In XR it sits in the comfort frustum, which follows the head's yaw
// only after a large turn: the panel stays still under a pointer between two clicks.
import { useThree } from '@react-three/fiber'
import { type ReactNode, useEffect, useRef } from 'react'
import { Euler, type Group, Matrix4, type PerspectiveCamera, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { fitToSlot, type SlotPlacement, type ViewSlotName, XR_COMFORT } from './view-slots'
import { viewUiHidden } from './view-ui-visibility'

export interface ViewSlotProps {
  slot: ViewSlotName
  /** The children's design width in metres (their size at scale 1). */
  width: number
  /** The children's design height in metres. */
  height: number
  /** Largest scale on desktop, where a big window may enlarge the panel (default 1.4); XR never enlarges. */
  maxScale?: number
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
  // Only the bar's controls block the view; its own box may be a full-width gradient.
  let bottom = rect.top
  for (const child of Array.from(bar.children))
    bottom = Math.max(bottom, child.getBoundingClientRect().bottom)
  return Math.min(0.3, Math.max(0, (bottom - rect.top + 4) / rect.height))
}

export function ViewSlot({ slot, width, height, maxScale = 1.4, name, children }: ViewSlotProps) {
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const gl = useThree((s) => s.gl)
  const size = useThree((s) => s.size)
  const inset = useRef(0)
  const xrYaw = useRef<number | null>(null)
  const placement = useRef<SlotPlacement | null>(null)
  const key = useRef('')

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
    camera.getWorldPosition(head)
    if (gl.xr.isPresenting) {
      camera.getWorldDirection(forward)
      const yaw = Math.atan2(-forward.x, -forward.z)
      if (xrYaw.current === null || Math.abs(angleDiff(yaw, xrYaw.current)) > (XR_YAW_SLACK * Math.PI) / 180)
        xrYaw.current = yaw
      const k = `xr:${slot}:${width}:${height}`
      if (key.current !== k) {
        placement.current = fitToSlot(slot, width, height, XR_COMFORT, 1)
        key.current = k
      }
      const p = placement.current as SlotPlacement
      yawQ.setFromEuler(euler.set(0, xrYaw.current, 0))
      pitch.setFromEuler(euler.set((XR_COMFORT.pitchDeg * Math.PI) / 180, 0, 0))
      g.quaternion.copy(yawQ).multiply(pitch)
      g.position.copy(local.set(p.x, p.y, p.z).applyQuaternion(g.quaternion)).add(head)
      g.scale.setScalar(p.scale)
      toParentSpace(g)
      return
    }
    xrYaw.current = null
    const k = `desk:${slot}:${width}:${height}:${camera.fov}:${camera.aspect}:${inset.current}:${maxScale}`
    if (key.current !== k) {
      placement.current = fitToSlot(
        slot,
        width,
        height,
        { fovDeg: camera.fov, aspect: camera.aspect, topInset: inset.current },
        maxScale,
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
      {children}
    </group>
  )
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
