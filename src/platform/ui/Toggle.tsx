// An on/off switch row: the label on the left, a pill on the right. The whole row is the target, so a
// ray, pinch, poke, mouse or tap anywhere on it flips the value.
import { RoundedBox } from '@react-three/drei'
import type { Vec3 } from '../../schema/common'
import { usePressState } from '../input/use-press-state'
import { theme } from './theme'
import { UiText } from './UiText'

export interface ToggleProps {
  label: string
  value: boolean
  onChange: (value: boolean) => void
  position?: Vec3
  /** Row width in metres (default 0.6). */
  width?: number
  /** Row height in metres (default theme.buttonHeight). */
  height?: number
  fontSize?: number
  disabled?: boolean
  /** Object name for tests and tools; the pill is `${name}:pill`. */
  name?: string
}

export function Toggle({
  label,
  value,
  onChange,
  position,
  width = 0.6,
  height = theme.buttonHeight,
  fontSize = theme.bodySize,
  disabled = false,
  name,
}: ToggleProps) {
  const { hovered, pressed, handlers } = usePressState(() => onChange(!value), disabled, label)
  const pillX = width / 2 - 0.08
  return (
    <group position={position} name={name} userData={{ interactive: true, label, value }}>
      <RoundedBox args={[width, height, 0.016]} radius={0.012} smoothness={2} {...handlers}>
        <meshBasicMaterial
          color={hovered && !disabled ? theme.secondaryHover : theme.secondary}
          toneMapped={false}
        />
      </RoundedBox>
      <UiText
        text={label}
        fontSize={fontSize}
        color={theme.textOnDark}
        anchorX="left"
        maxWidth={width - 0.2}
        position={[-width / 2 + 0.025, 0, 0.01]}
        textAlign="left"
      />
      <group position={[pillX, 0, 0.01 + (pressed ? -0.003 : 0)]} name={name && `${name}:pill`}>
        <RoundedBox args={[0.11, 0.05, 0.01]} radius={0.02} smoothness={2} raycast={() => null}>
          <meshBasicMaterial
            color={disabled ? theme.disabled : value ? theme.selected : '#5b5b5b'}
            toneMapped={false}
          />
        </RoundedBox>
        <mesh position={[value ? 0.028 : -0.028, 0, 0.007]} rotation-x={Math.PI / 2} raycast={() => null}>
          <cylinderGeometry args={[0.02, 0.02, 0.006, 16]} />
          <meshBasicMaterial color={theme.textOnDark} toneMapped={false} />
        </mesh>
      </group>
    </group>
  )
}
