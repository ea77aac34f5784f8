// Button labels sized to their key: wrapped by the same rule UiText uses, shrunk until they fit.
import { charWidthEm, wrapCjk } from './cjk-line-break'

/** The label's one-line width in ems of the shipped font. */
export function labelEm(label: string): number {
  let em = 0
  for (const ch of label) em += charWidthEm(ch)
  return em
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
  // The em table is an estimate (Noto Sans' Latin runs up to 15 % wider), so wrap with a margin.
  const innerW = (width - 0.02) * 0.82
  const innerH = height - 0.01
  for (let size = fontSize; size >= fontSize * MIN_LABEL_SCALE; size *= 0.94) {
    const lines = wrapCjk(label, innerW / size).split('\n')
    if (lines.length * size * LABEL_LINE_HEIGHT <= innerH && lines.every((l) => labelEm(l) * size <= innerW))
      return size
  }
  return fontSize * MIN_LABEL_SCALE
}
