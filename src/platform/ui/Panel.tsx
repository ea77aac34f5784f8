// A flat background for UI in 3D. Children are placed in front of it (z = +2 mm).
import { RoundedBox } from '@react-three/drei'
import type { ReactNode } from 'react'
import type { Vec3 } from '../../schema/common'
import { theme } from './theme'

export interface PanelProps {
  width: number
  height: number
  position?: Vec3
  rotation?: Vec3
  color?: string
  opacity?: number
  name?: string
  children?: ReactNode
}

export function Panel({
  width,
  height,
  position,
  rotation,
  color = theme.panel,
  opacity = 0.96,
  name,
  children,
}: PanelProps) {
  return (
    <group position={position} rotation={rotation} name={name}>
      <RoundedBox args={[width, height, 0.01]} radius={0.012} smoothness={2} position={[0, 0, -0.006]}>
        <meshBasicMaterial color={color} transparent={opacity < 1} opacity={opacity} toneMapped={false} />
      </RoundedBox>
      {children}
    </group>
  )
}
