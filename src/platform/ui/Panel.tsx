// A flat background for UI in 3D. Children are placed in front of it (z = +2 mm); their texts and keys are
// drawn together (UiBatch).
import { RoundedBox } from '@react-three/drei'
import type { ReactNode } from 'react'
import type { Vec3 } from '../../schema/common'
import type { LayoutTag } from './layout-probe'
import { theme } from './theme'
import { UiBatch } from './UiBatch'

export interface PanelProps {
  width: number
  height: number
  position?: Vec3
  rotation?: Vec3
  color?: string
  /**
   * Default 1: opaque. At 0.96 a bright sign behind a panel (the hall's call board behind its guidance
   * panel) ghosted through its text, and an opaque panel hides what is behind it from the GPU too.
   */
  opacity?: number
  name?: string
  /**
   * A sign or plaque that belongs to the world rather than the UI: the layout rules do not place it or
   * check it for overlap, and its texts count as decoration (default false).
   */
  scenery?: boolean
  children?: ReactNode
}

export function Panel({
  width,
  height,
  position,
  rotation,
  color = theme.panel,
  opacity = 1,
  name,
  scenery = false,
  children,
}: PanelProps) {
  const layout: LayoutTag = { kind: 'panel', width, height, scenery }
  return (
    <group position={position} rotation={rotation} name={name} userData={{ layout }}>
      <RoundedBox args={[width, height, 0.01]} radius={0.012} smoothness={2} position={[0, 0, -0.006]}>
        <meshBasicMaterial color={color} transparent={opacity < 1} opacity={opacity} toneMapped={false} />
      </RoundedBox>
      {/* Its texts and keys are drawn in few calls per eye. */}
      <UiBatch>{children}</UiBatch>
    </group>
  )
}
