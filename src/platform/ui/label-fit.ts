// Button labels sized to their key: wrapped by the same rule UiText uses, shrunk until they fit.
import { charWidthEm, wrapCjk } from './cjk-line-break'

/** The label's one-line width in ems of the shipped font. */
export function labelEm(label: string): number {
  let em = 0
  for (const ch of label) em += charWidthEm(ch)
  return em
}

/**
 * `build(value)` when it is at most `maxEm` wide, else `build` of `value` cut short and ended with '…': a
 * visitor's name (up to 24 characters) in a row, a line or a key never runs into what stands beside it.
 */
export function cutToFit(
  value: string,
  build: (value: string) => string,
  maxEm: number,
  emOf: (text: string) => number = labelEm,
): string {
  if (emOf(build(value)) <= maxEm) return build(value)
  const chars = Array.from(value)
  // A cut at a space ends in the word before it: "Alexandra…", not "Alexandra …".
  const cut = () => `${chars.join('').trimEnd()}…`
  while (chars.length > 1 && emOf(build(cut())) > maxEm) chars.pop()
  return build(cut())
}

/** Line height of button labels, in ems (UiText's default). */
const LABEL_LINE_HEIGHT = 1.2
/** Smallest shrink a label may take before it is left to overflow (then the layout rule test says so). */
const MIN_LABEL_SCALE = 0.6

/**
 * The largest size ≤ `fontSize` at which `label` wraps inside a `width`×`height` key: an English label
 * ("Water molecule model") takes two or three lines where the Chinese takes one, and ran out of its key.
 */
export function fitLabelSize(label: string, fontSize: number, width: number, height: number): number {
  const innerW = labelLineWidth(width)
  const innerH = height - 0.01
  for (let size = fontSize; size >= fontSize * MIN_LABEL_SCALE; size *= 0.94) {
    const lines = wrapCjk(label, innerW / size).split('\n')
    if (lines.length * size * LABEL_LINE_HEIGHT <= innerH && lines.every((l) => labelEm(l) * size <= innerW))
      return size
  }
  return fontSize * MIN_LABEL_SCALE
}

/**
 * How many ems of `fontSize` a line `width` wide holds, with the label fit's margin (the em table
 * underestimates Latin): for text cut to fit a row or a line (cutToFit).
 */
export function lineEm(width: number, fontSize: number): number {
  return (width * LATIN_MARGIN) / fontSize
}

/** The em table is an estimate: Noto Sans' Latin runs up to 15 % wider, so lines keep this fraction. */
const LATIN_MARGIN = 0.82

/** The width a key's label line may take: the em table is an estimate (Noto Sans' Latin runs up to 15 % wider). */
function labelLineWidth(keyWidth: number): number {
  return (keyWidth - 0.02) * LATIN_MARGIN
}

/**
 * Whether `label` stays on one line of a `width` key at `fontSize`, with the same margin as fitLabelSize.
 * A key's label is only enlarged for large text when it does: measured without the margin, "Normal mode"
 * was let grow, troika wrapped it onto two lines, and the ink fit then shrank both below the normal size.
 */
export function labelFitsOneLine(label: string, fontSize: number, width: number): boolean {
  return labelEm(label) * fontSize <= labelLineWidth(width)
}

/** A troika text after its layout: its ink box in local units, [minX, minY, maxX, maxY]. */
export type LaidOutText = { scale: { setScalar(s: number): unknown } } & {
  textRenderInfo?: { visibleBounds?: number[]; blockBounds?: number[] }
}

/** Scales `text` down (never up) until its measured ink fits `width` × `height`. */
export function fitInkInside(text: LaidOutText, width: number, height: number): void {
  const b = text.textRenderInfo?.visibleBounds ?? text.textRenderInfo?.blockBounds
  if (!b) return
  const inkW = b[2] - b[0]
  const inkH = b[3] - b[1]
  const scale = Math.min(1, inkW > 0 ? width / inkW : 1, inkH > 0 ? height / inkH : 1)
  text.scale.setScalar(scale)
}
