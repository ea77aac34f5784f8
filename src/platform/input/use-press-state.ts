// Hover and press state for any 3D object, from @react-three/xr pointer events, so a controller ray,
// a hand pinch or poke, a transient pointer, the mouse and touch all look and act the same.
import type { ThreeEvent } from '@react-three/fiber'
import { useState } from 'react'
import { useA11yTarget } from '../a11y/a11y-registry'
import { logPointer } from '../debug/test-hooks'
import { pulseSelectingController } from './haptics'

export interface PressHandlers {
  onPointerOver(e: ThreeEvent<PointerEvent>): void
  onPointerOut(e: ThreeEvent<PointerEvent>): void
  onPointerDown(e: ThreeEvent<PointerEvent>): void
  onPointerUp(e: ThreeEvent<PointerEvent>): void
  onClick(e: ThreeEvent<MouseEvent>): void
}

export function usePressState(onPress: (() => void) | undefined, disabled = false, label = '') {
  const [hovered, setHovered] = useState(0)
  const [pressed, setPressed] = useState(false)
  // Mirrored into the DOM for keyboards and screen readers (src/platform/a11y).
  useA11yTarget(label, onPress, disabled)
  const handlers: PressHandlers = {
    onPointerOver: (e) => {
      e.stopPropagation()
      logPointer(`over:${label}:${e.pointerType}`)
      setHovered((n) => n + 1)
    },
    onPointerOut: () => {
      setHovered((n) => Math.max(0, n - 1))
      setPressed(false)
    },
    onPointerDown: (e) => {
      e.stopPropagation()
      logPointer(`down:${label}:${e.pointerType}`)
      if (!disabled) setPressed(true)
    },
    onPointerUp: (e) => {
      logPointer(`up:${label}:${e.pointerType}`)
      setPressed(false)
    },
    onClick: (e) => {
      e.stopPropagation()
      if (disabled || !onPress) return
      logPointer(`click:${label}:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
      pulseSelectingController()
      onPress()
    },
  }
  return { hovered: hovered > 0, pressed, handlers }
}
