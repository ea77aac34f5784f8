// A vertical (or horizontal) list of choices, one selected: turn modes, languages, menu entries.
// Each row is a platform Button, so every input and the screen-reader mirror work the same.
import type { Vec3 } from '../../schema/common'
import { Button } from './Button'
import { theme } from './theme'

export interface ListItem {
  id: string
  label: string
  disabled?: boolean
}

export interface ListProps {
  items: readonly ListItem[]
  selectedId?: string
  onSelect: (id: string) => void
  position?: Vec3
  /** Row width in metres (default 0.5). */
  width?: number
  /** Row height in metres (default 0.075). */
  rowHeight?: number
  /** Gap between rows in metres (default 0.012). */
  gap?: number
  fontSize?: number
  /** Lay the items out side by side instead of top to bottom (default false). */
  horizontal?: boolean
  /** Object name; row i is `${name}:${item.id}`. */
  name?: string
}

export function List({
  items,
  selectedId,
  onSelect,
  position,
  width = 0.5,
  rowHeight = 0.075,
  gap = 0.012,
  fontSize = theme.bodySize * 0.8,
  horizontal = false,
  name,
}: ListProps) {
  const itemWidth = horizontal ? (width - gap * (items.length - 1)) / Math.max(1, items.length) : width
  return (
    <group position={position} name={name}>
      {items.map((item, i) => {
        const offset = horizontal
          ? -width / 2 + itemWidth / 2 + i * (itemWidth + gap)
          : -i * (rowHeight + gap)
        return (
          <Button
            key={item.id}
            label={item.label}
            width={itemWidth}
            height={rowHeight}
            fontSize={fontSize}
            selected={item.id === selectedId}
            disabled={item.disabled}
            position={horizontal ? [offset, 0, 0] : [0, offset, 0]}
            onPress={() => onSelect(item.id)}
            name={name && `${name}:${item.id}`}
          />
        )
      })}
    </group>
  )
}
