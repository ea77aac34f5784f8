// All 3D text goes through here: the shipped font, Chinese line breaking, and the large-text setting.
import { Text } from '@react-three/drei'
import { type ComponentProps, type Ref, useCallback, useLayoutEffect, useMemo, useState } from 'react'
import { Color, type ColorRepresentation, LinearSRGBColorSpace } from 'three'
import type { Text as TroikaText } from 'troika-three-text'
import { graphicsDevice } from '../render'
import { useLargeText } from '../settings/settings-store'
import { containsCjk, wrapCjk } from './cjk-line-break'
import { FONT_URL } from './font'
import { useTextBatch } from './UiBatch'

export type UiTextProps = Omit<ComponentProps<typeof Text>, 'font' | 'children'> & {
  text: string
  /** Ignore the large-text setting (e.g. for a fixed-size sign). */
  fixedSize?: boolean
  /**
   * A heading drawn above `text`, a blank line apart, in `headingColor` and the same size: a title and
   * its caption then cost one draw call instead of two. `position` is then the middle of the heading
   * (e.g. a title band), and the text hangs below it. Default: none.
   */
  heading?: string
  /** Colour of `heading`; default: `color`. */
  headingColor?: ColorRepresentation
  /**
   * A small label that is decoration (a plaque's fine print, a map's scale), which no visitor has to
   * read: the legibility rule (≥ 0.9°) skips it. Default false: every text must be legible.
   */
  decorative?: boolean
}

/** How much the large-text setting enlarges text. */
export const LARGE_TEXT_SCALE = 1.25

/**
 * Whether troika draws each new glyph's distance field on the GPU (its default) or computes it in its
 * JS workers. On a software rasteriser the "GPU" is the CPU, and a CJK glyph's hundred-odd outline
 * segments cost it far more than the workers' code: a Chinese red-tourism page stalled ~3 s in one frame
 * after loading while SwiftShader drew its 107 glyphs, and took 6.5 s to its first 50 frames against 3.1
 * with the workers, which also leave the frames running meanwhile.
 */
function glyphsOnGpu(): boolean {
  return !graphicsDevice().software
}

/** Labels never take pointer events: the control behind them does, so press and release hit one object. */
const ignoreRaycast = () => null
const decorativeData = { decorative: true }

export function UiText({
  text,
  fontSize = 0.04,
  maxWidth,
  fixedSize,
  color = '#1d1d1f',
  heading,
  headingColor,
  decorative = false,
  ref,
  ...rest
}: UiTextProps) {
  const largeText = useLargeText()
  const size = (fontSize as number) * (largeText && !fixedSize ? LARGE_TEXT_SCALE : 1)
  const wrap = (t: string) => (maxWidth && containsCjk(t) ? wrapCjk(t, maxWidth / size) : t)
  const body = wrap(text)
  // The heading is always pre-wrapped (Latin too), so its line count, and so its middle, is known.
  const head = heading === undefined ? undefined : maxWidth ? wrapCjk(heading, maxWidth / size) : heading
  const lineHeight = typeof rest.lineHeight === 'number' ? rest.lineHeight : 1.2
  const headingAnchor = head === undefined ? undefined : -(head.split('\n').length * lineHeight * size) / 2
  const wrapped = head === undefined ? body : `${head}\n\n${body}`
  const rewrapped = body !== text || (heading !== undefined && head !== heading)
  // troika uses range colours as linear RGB bytes without colour management: hand it linear values.
  // A stable object, so troika re-lays the text out only when the colours or the heading change.
  const headHex = head === undefined ? undefined : linearHex(headingColor ?? color)
  const bodyHex = head === undefined ? undefined : linearHex(color)
  const split = head?.length
  const colorRanges = useMemo(
    () => (split === undefined ? undefined : { 0: headHex, [split]: bodyHex }),
    [split, headHex, bodyHex],
  )
  // Under a UiBatch its text batch draws this text, unless it needs what the batch cannot give it: its own
  // material or draw order, an outline, or colour ranges (a heading).
  const batch = useTextBatch()
  const batchable =
    batch !== null &&
    colorRanges === undefined &&
    rest.material === undefined &&
    rest.renderOrder === undefined &&
    rest.depthOffset === undefined &&
    rest.outlineWidth === undefined
  const [mesh, setMesh] = useState<TroikaText | null>(null)
  const refs = useCallback(
    (text: TroikaText | null) => {
      setMesh(text)
      if (typeof ref === 'function') ref(text as never)
      else if (ref) (ref as { current: unknown }).current = text
    },
    [ref],
  )
  useLayoutEffect(() => {
    if (!batch || !batchable || !mesh) return
    batch.addMember(mesh)
    return () => batch.removeMember(mesh)
  }, [batch, batchable, mesh])
  return (
    <Text
      ref={refs as Ref<never>}
      font={FONT_URL}
      fontSize={size}
      color={color}
      // Pre-wrapped CJK may hang one punctuation mark past the edge; leave room for it.
      maxWidth={maxWidth && rewrapped ? maxWidth + size : maxWidth}
      overflowWrap="break-word"
      anchorX="center"
      anchorY={headingAnchor ?? 'middle'}
      sdfGlyphSize={64}
      raycast={ignoreRaycast}
      userData={decorative ? decorativeData : undefined}
      // Not in drei's prop types, but passed on to the troika Text like every other prop.
      {...(colorRanges ? { colorRanges } : {})}
      {...{ gpuAccelerateSDF: glyphsOnGpu() }}
      {...rest}
    >
      {wrapped}
    </Text>
  )
}

const linear = new Color()
function linearHex(color: UiTextProps['color'] | ColorRepresentation): number {
  if (Array.isArray(color)) {
    if (color.length === 3) linear.setRGB(color[0], color[1], color[2])
    else linear.set(color[0])
  } else linear.set(color ?? '#1d1d1f')
  return linear.getHex(LinearSRGBColorSpace)
}
