// Lazy follow: keeps its children at a comfortable spot relative to the head, but only catches up once
// they have fallen well out of place, so small head movements never drag the UI around (less nausea).
import { useThree } from '@react-three/fiber'
import { type ReactNode, useRef } from 'react'
import { type Group, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { viewUiHidden } from './view-ui-visibility'

export interface HeadFollowProps {
  children: ReactNode
  /** Metres ahead of the head (default 0.8). */
  distance?: number
  /** Metres to the visitor's right (negative: left) (default 0). */
  side?: number
  /** Metres above (negative: below) eye level (default -0.1). */
  height?: number
  /** How far out of place before it moves, in metres (default 0.3). */
  threshold?: number
  /** Catch-up speed, 1/s (default 4). */
  speed?: number
  name?: string
}

const head = new Vector3()
const forward = new Vector3()
const right = new Vector3()
const target = new Vector3()

export function HeadFollow({
  children,
  distance = 0.8,
  side = 0,
  height = -0.1,
  threshold = 0.3,
  speed = 4,
  name,
}: HeadFollowProps) {
  const group = useRef<Group>(null)
  const moving = useRef(true)
  const placed = useRef(false)
  const camera = useThree((s) => s.camera)
  useFrameStage('uiFollow', (_, delta) => {
    const g = group.current
    if (!g) return
    g.visible = !viewUiHidden()
    if (!g.visible) return
    camera.getWorldPosition(head)
    camera.getWorldDirection(forward).setY(0).normalize()
    right.set(-forward.z, 0, forward.x)
    target.copy(head).addScaledVector(forward, distance).addScaledVector(right, side)
    target.y += height
    if (!placed.current) {
      // Appear in place at once; lazily follow from then on.
      g.position.copy(target)
      placed.current = true
    }
    if (g.position.distanceTo(target) > threshold) moving.current = true
    if (moving.current) {
      g.position.lerp(target, Math.min(1, delta * speed))
      if (g.position.distanceTo(target) < 0.02) moving.current = false
    }
    g.lookAt(head.x, g.position.y, head.z)
  })
  return (
    <group ref={group} name={name}>
      {children}
    </group>
  )
}
