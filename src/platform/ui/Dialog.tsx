// A modal question in 3D: a title, a message, and confirm/cancel. A shield behind the panel swallows
// pointer events, so nothing behind the dialog can be pressed while it is open.
import type { ThreeEvent } from '@react-three/fiber'
import type { Vec3 } from '../../schema/common'
import { Button } from './Button'
import { Panel } from './Panel'
import { theme } from './theme'
import { UiText } from './UiText'

export interface DialogProps {
  title: string
  text?: string
  confirmLabel: string
  /** Without a cancel label the dialog is a plain notice with one button. */
  cancelLabel?: string
  onConfirm: () => void
  onCancel?: () => void
  position?: Vec3
  /** Panel width in metres (default 0.7). */
  width?: number
  variant?: 'primary' | 'danger'
  /** Object name; the buttons are `${name}:confirm` and `${name}:cancel`. */
  name?: string
}

const swallow = (e: ThreeEvent<PointerEvent | MouseEvent>) => e.stopPropagation()

export function Dialog({
  title,
  text,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  position,
  width = 0.7,
  variant = 'primary',
  name,
}: DialogProps) {
  const height = text ? 0.42 : 0.3
  const buttonWidth = cancelLabel ? (width - 0.09) / 2 : width * 0.6
  return (
    <group position={position} name={name}>
      {/* Modal shield: a large invisible plane just behind the panel catches stray rays and clicks. */}
      <mesh position={[0, 0, -0.02]} onClick={swallow} onPointerDown={swallow} onPointerOver={swallow}>
        <planeGeometry args={[width * 3, height * 3]} />
        <meshBasicMaterial colorWrite={false} depthWrite={false} />
      </mesh>
      <Panel width={width} height={height}>
        <UiText
          text={title}
          fontSize={theme.bodySize * 1.2}
          maxWidth={width - 0.06}
          position={[0, height / 2 - 0.06, 0.004]}
        />
        {text && (
          <UiText text={text} fontSize={theme.bodySize} maxWidth={width - 0.06} position={[0, 0.02, 0.004]} />
        )}
        <Button
          label={confirmLabel}
          variant={variant}
          width={buttonWidth}
          position={
            cancelLabel ? [buttonWidth / 2 + 0.015, -height / 2 + 0.07, 0.01] : [0, -height / 2 + 0.07, 0.01]
          }
          onPress={onConfirm}
          name={name && `${name}:confirm`}
        />
        {cancelLabel && (
          <Button
            label={cancelLabel}
            width={buttonWidth}
            position={[-buttonWidth / 2 - 0.015, -height / 2 + 0.07, 0.01]}
            onPress={onCancel}
            name={name && `${name}:cancel`}
          />
        )}
      </Panel>
    </group>
  )
}
