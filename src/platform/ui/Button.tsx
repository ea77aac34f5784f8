// The 3D button every kind uses: hover and press are visible, selection pulses the controller, and
// the same handler serves rays, hand pinch and poke, transient pointers, mouse and touch.
import { RoundedBox } from '@react-three/drei'
import { useCallback, useLayoutEffect, useState } from 'react'
import type { Mesh } from 'three'
import type { Vec3 } from '../../schema/common'
import { usePressState } from '../input/use-press-state'
import { fitInkInside, fitLabelSize, type LaidOutText, labelFitsOneLine } from './label-fit'
import type { LayoutTag } from './layout-probe'
import { type ButtonVariant, theme } from './theme'
import { useKeyBatch } from './UiBatch'
import { LARGE_TEXT_SCALE, UiText } from './UiText'

export interface ButtonProps {
  label: string
  onPress?: () => void
  position?: Vec3
  width?: number
  height?: number
  fontSize?: number
  variant?: ButtonVariant
  selected?: boolean
  disabled?: boolean
  /** Object name, so tests and tools can find the button in the scene graph. */
  name?: string
}

/** The key's thickness (m); its label sits just in front of its front face. */
const KEY_DEPTH = 0.02

const colors: Record<ButtonVariant, [string, string]> = {
  primary: [theme.primary, theme.primaryHover],
  secondary: [theme.secondary, theme.secondaryHover],
  danger: [theme.danger, theme.primary],
}

export function Button({
  label,
  onPress,
  position,
  width = 0.3,
  height = theme.buttonHeight,
  fontSize = theme.bodySize,
  variant = 'secondary',
  selected = false,
  disabled = false,
  name,
}: ButtonProps) {
  const { hovered, pressed, handlers } = usePressState(onPress, disabled, label)
  const [base, hover] = colors[variant]
  const color = disabled ? theme.disabled : selected ? theme.selected : hovered ? hover : base
  // Pressed buttons sink 4 mm, like a real key under a poking finger.
  const depth = pressed ? -0.004 : 0
  const labelSize = fitLabelSize(label, fontSize, width, height)
  // The size above is estimated from a table of glyph widths; once troika has laid the label out, its
  // measured ink decides: a label still wider or taller than its key shrinks to fit ("Leave panorama"
  // and "Standard mode" ran a few pixels past theirs).
  const shrinkToKey = useCallback(
    (text: LaidOutText) => fitInkInside(text, width - 0.02, height - 0.008),
    [width, height],
  )
  // On a panel, the panel's key batch draws the key with every other key of its size; the key mesh stays
  // (hidden) for pointers, and its material's colour is what the batch draws.
  const keys = useKeyBatch()
  const [key, setKey] = useState<Mesh | null>(null)
  useLayoutEffect(() => {
    if (!keys || !key) return
    keys.addMember(key, `${width}x${height}`)
    return () => keys.removeMember(key)
  }, [keys, key, width, height])
  return (
    <group
      position={position}
      name={name}
      userData={{
        interactive: true,
        label,
        layout: { kind: 'control', width, height, face: KEY_DEPTH / 2 } satisfies LayoutTag,
      }}
    >
      <RoundedBox
        ref={setKey}
        visible={keys === null}
        args={[width, height, KEY_DEPTH]}
        radius={0.015}
        smoothness={2}
        position={[0, 0, depth]}
        {...handlers}
      >
        <meshBasicMaterial color={color} toneMapped={false} />
      </RoundedBox>
      {hovered && !disabled && (
        <mesh position={[0, 0, -0.012]} scale={[width + 0.012, height + 0.012, 1]}>
          <planeGeometry />
          <meshBasicMaterial color={theme.focus} toneMapped={false} />
        </mesh>
      )}
      <UiText
        text={label}
        fontSize={labelSize}
        // Large text may not wrap a label past its key: a label that would need a second line at the
        // larger size keeps the normal one.
        fixedSize={!labelFitsOneLine(label, labelSize * LARGE_TEXT_SCALE, width)}
        color={theme.textOnDark}
        maxWidth={width - 0.02}
        position={[0, 0, 0.012 + depth]}
        textAlign="center"
        onSync={shrinkToKey}
      />
    </group>
  )
}
