// A short label that appears above whatever it wraps while a pointer (ray, hand, mouse) hovers it.
// It listens without stopping propagation, so the wrapped object's own handlers still run.
import { type ReactNode, useState } from 'react'
import type { Vec3 } from '../../schema/common'
import { Panel } from './Panel'
import { theme } from './theme'
import { UiText } from './UiText'

export interface TooltipProps {
  text: string
  children: ReactNode
  /** Where the label floats, relative to the wrapped object (default 0.12 m above). */
  offset?: Vec3
  /** Label width in metres (default 0.36). */
  width?: number
  /** Show it without hovering, e.g. for a first-time hint (default false). */
  open?: boolean
  name?: string
}

export function Tooltip({
  text,
  children,
  offset = [0, 0.12, 0.02],
  width = 0.36,
  open = false,
  name,
}: TooltipProps) {
  const [hovers, setHovers] = useState(0)
  const visible = open || hovers > 0
  return (
    <group
      name={name}
      onPointerOver={() => setHovers((n) => n + 1)}
      onPointerOut={() => setHovers((n) => Math.max(0, n - 1))}
    >
      {children}
      {visible && (
        <group position={offset} name={name && `${name}:label`}>
          <Panel width={width} height={0.07} color={theme.panelDark} opacity={0.9}>
            <UiText
              text={text}
              fontSize={theme.bodySize * 0.8}
              color={theme.textOnDark}
              maxWidth={width - 0.03}
            />
          </Panel>
        </group>
      )}
    </group>
  )
}
