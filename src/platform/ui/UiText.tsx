// All 3D text goes through here: the shipped font, Chinese line breaking, and the large-text setting.
import { Text } from '@react-three/drei'
import type { ComponentProps } from 'react'
import { useSettings } from '../settings/settings-store'
import { containsCjk, wrapCjk } from './cjk-line-break'
import { FONT_URL } from './font'

export type UiTextProps = Omit<ComponentProps<typeof Text>, 'font' | 'children'> & {
  text: string
  /** Ignore the large-text setting (e.g. for a fixed-size sign). */
  fixedSize?: boolean
}

/** Labels never take pointer events: the control behind them does, so press and release hit one object. */
const ignoreRaycast = () => null

export function UiText({
  text,
  fontSize = 0.04,
  maxWidth,
  fixedSize,
  color = '#1d1d1f',
  ...rest
}: UiTextProps) {
  const largeText = useSettings((s) => s.largeText)
  const size = (fontSize as number) * (largeText && !fixedSize ? 1.25 : 1)
  const wrapped = maxWidth && containsCjk(text) ? wrapCjk(text, maxWidth / size) : text
  return (
    <Text
      font={FONT_URL}
      fontSize={size}
      color={color}
      // Pre-wrapped CJK may hang one punctuation mark past the edge; leave room for it.
      maxWidth={maxWidth && wrapped !== text ? maxWidth + size : maxWidth}
      overflowWrap="break-word"
      anchorX="center"
      anchorY="middle"
      sdfGlyphSize={64}
      raycast={ignoreRaycast}
      {...rest}
    >
      {wrapped}
    </Text>
  )
}
