// A horizontal 3D slider (0..1): press anywhere on the track to jump there, drag to scrub. Pointer capture
// keeps the drag going when a controller ray or pinching hand slides off the thin track; mouse and touch too.
import type { ThreeEvent } from '@react-three/fiber'
import { useRef, useState } from 'react'
import { type Mesh, Vector3 } from 'three'
import type { Vec3 } from '../../schema/common'
import { logPointer } from '../debug/test-hooks'
import { pulseSelectingController } from '../input/haptics'
import { claimPress } from '../input/press-claim'
import { theme } from './theme'

export interface SliderProps {
  /** Current value, 0..1. */
  value: number
  /** Called with the new value (already clamped to 0..1) while pressing and dragging. */
  onChange: (value: number) => void
  position?: Vec3
  /** Track length in metres (default 0.6). */
  width?: number
  /**
   * Object name for tests and tools; the track is `${name}:track`, the knob `${name}:knob`, and the
   * track's two ends `${name}:start` (value 0) and `${name}:end` (value 1), wherever a layout put it.
   */
  name?: string
  disabled?: boolean
}

const local = new Vector3()

export function Slider({ value, onChange, position, width = 0.6, name, disabled = false }: SliderProps) {
  const track = useRef<Mesh>(null)
  const dragging = useRef<number | null>(null)
  const [hovered, setHovered] = useState(false)
  const label = name ?? 'slider'
  const valueAt = (e: ThreeEvent<PointerEvent | MouseEvent>) => {
    const t = track.current
    if (!t) return value
    t.worldToLocal(local.copy(e.point))
    return Math.min(1, Math.max(0, local.x / width + 0.5))
  }
  const handlers = {
    onPointerOver: () => setHovered(true),
    onPointerOut: () => setHovered(false),
    onPointerDown: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation()
      logPointer(`down:${label}:${e.pointerType}`)
      if (disabled) return
      dragging.current = e.pointerId
      claimPress()
      ;(e.target as unknown as { setPointerCapture?: (id: number) => void }).setPointerCapture?.(e.pointerId)
      pulseSelectingController()
      onChange(valueAt(e))
    },
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      if (disabled || dragging.current !== e.pointerId) return
      e.stopPropagation()
      onChange(valueAt(e))
    },
    onPointerUp: (e: ThreeEvent<PointerEvent>) => {
      if (dragging.current !== e.pointerId) return
      dragging.current = null
      ;(e.target as unknown as { releasePointerCapture?: (id: number) => void }).releasePointerCapture?.(
        e.pointerId,
      )
    },
    onClick: (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation()
      if (disabled) return
      // Logged like every platform control, so a press helper can tell a press that landed from one
      // made before a freshly switched input's pointer existed.
      logPointer(`click:${label}:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
      onChange(valueAt(e))
    },
  }
  const knobX = (value - 0.5) * width
  return (
    <group position={position} name={name} userData={{ interactive: true, value }}>
      {/* A tall, invisible hit area makes the thin track easy to hit with a ray or a finger. */}
      <mesh ref={track} name={name && `${name}:track`} {...handlers}>
        <boxGeometry args={[width, 0.09, 0.03]} />
        <meshBasicMaterial colorWrite={false} depthWrite={false} />
      </mesh>
      {name && <object3D name={`${name}:start`} position={[-width / 2, 0, 0]} />}
      {name && <object3D name={`${name}:end`} position={[width / 2, 0, 0]} />}
      <mesh>
        <boxGeometry args={[width, 0.018, 0.012]} />
        <meshBasicMaterial color={disabled ? theme.disabled : theme.secondary} toneMapped={false} />
      </mesh>
      <mesh position={[(knobX - width / 2) / 2, 0, 0.002]} scale={[Math.max(0.001, knobX + width / 2), 1, 1]}>
        <boxGeometry args={[1, 0.022, 0.012]} />
        <meshBasicMaterial color={theme.primary} toneMapped={false} />
      </mesh>
      <mesh position={[knobX, 0, 0.01]} rotation-x={Math.PI / 2} name={name && `${name}:knob`}>
        <cylinderGeometry args={[0.032, 0.032, 0.02, 20]} />
        <meshBasicMaterial color={hovered ? theme.focus : theme.selected} toneMapped={false} />
      </mesh>
    </group>
  )
}
