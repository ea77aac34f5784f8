// Makes any 3D object selectable (exhibit hotspots, park assets, windows) with a visible hover state.
import { type ReactNode, useRef } from 'react'
import type { Group } from 'three'
import type { Vec3 } from '../../schema/common'
import { useFrameStage } from '../frame'
import { usePressState } from '../input/use-press-state'

export interface InteractiveProps {
  onPress: () => void
  /** Spoken/visible name of the object, for accessibility and tests. */
  label: string
  children: ReactNode
  position?: Vec3
  disabled?: boolean
  name?: string
  /** Scale applied while hovered (default 1.08). */
  hoverScale?: number
}

export function Interactive({
  onPress,
  label,
  children,
  position,
  disabled,
  name,
  hoverScale = 1.08,
}: InteractiveProps) {
  const group = useRef<Group>(null)
  const { hovered, pressed, handlers } = usePressState(onPress, disabled, label)
  useFrameStage('uiFollow', (_, delta) => {
    const target = pressed ? hoverScale * 0.96 : hovered ? hoverScale : 1
    const g = group.current
    if (g) g.scale.setScalar(g.scale.x + (target - g.scale.x) * Math.min(1, delta * 12))
  })
  return (
    <group ref={group} position={position} name={name} userData={{ interactive: true, label }} {...handlers}>
      {children}
    </group>
  )
}
