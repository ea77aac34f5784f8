// Line breaking for Chinese text in 3D. troika-three-text only breaks at spaces, so a Chinese
// sentence would be cut anywhere, including before "，" or "。". We break it ourselves, knowing
// CJK glyphs are one em wide, and never start a line with closing punctuation (it hangs instead).

/** Brackets and quotes that open and close, full-width and Latin (text-pages.ts never breaks between them). */
export const OPENING_BRACKETS = new Set([...'（《「『【〔〈“‘([{'])
export const CLOSING_BRACKETS = new Set([...'）》」』】〕〉”’)]}'])
/** Characters that must not begin a line. */
const NO_LINE_START = new Set([...'，。、；：？！…—·%％,.;:?!', ...CLOSING_BRACKETS])
/** Characters that must not end a line. */
const NO_LINE_END = OPENING_BRACKETS

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/

export function containsCjk(text: string): boolean {
  return CJK.test(text)
}

/** Approximate advance of one character in ems (Noto Sans SC: CJK and full-width = 1). */
export function charWidthEm(ch: string): number {
  if (CJK.test(ch) || NO_LINE_START.has(ch) || NO_LINE_END.has(ch)) return ch.charCodeAt(0) < 128 ? 0.35 : 1
  if (ch === ' ') return 0.25
  if (/[A-Z0-9]/.test(ch)) return 0.6
  return 0.5
}

/**
 * Inserts line breaks so each line fits in `maxEm` ems. Latin words stay whole; CJK breaks between
 * any two characters except before closing or after opening punctuation. Existing newlines are kept.
 */
export function wrapCjk(text: string, maxEm: number): string {
  return text
    .split('\n')
    .map((paragraph) => wrapParagraph(paragraph, maxEm))
    .join('\n')
}

function wrapParagraph(paragraph: string, maxEm: number): string {
  const tokens = paragraph.match(/[A-Za-z0-9_'’.-]+|\s+|./gu) ?? []
  const lines: string[] = []
  let line = ''
  let width = 0
  for (const token of tokens) {
    const tokenWidth = [...token].reduce((sum, ch) => sum + charWidthEm(ch), 0)
    const first = [...token][0] ?? ''
    if (width + tokenWidth > maxEm && line.trim() !== '') {
      if (NO_LINE_START.has(first)) {
        // Hang the punctuation at the end of this line rather than start the next with it.
        line += token
        width += tokenWidth
        continue
      }
      // Carry an opening bracket down with the word it opens.
      let carry = ''
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) {
        carry = line[line.length - 1] + carry
        line = line.slice(0, -1)
      }
      lines.push(line.trimEnd())
      line = /^\s+$/.test(token) ? carry : carry + token
      width = [...line].reduce((sum, ch) => sum + charWidthEm(ch), 0)
      continue
    }
    line += token
    width += tokenWidth
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd())
  avoidStrayLastCharacter(lines, maxEm)
  return lines.join('\n')
}

/**
 * A paragraph whose last line holds one character ("常。") reads as a stray: that line takes the last
 * character of the line before as well, which has room for it since it was full. Only between CJK
 * characters, and never so that the line before ends with an opening bracket.
 */
function avoidStrayLastCharacter(lines: string[], maxEm: number): void {
  const n = lines.length
  if (n < 2 || maxEm < 4) return
  const last = [...lines[n - 1]]
  const before = [...lines[n - 2]]
  const body = last.filter((ch) => !NO_LINE_START.has(ch))
  const moved = before[before.length - 1]
  const kept = before[before.length - 2]
  const plainCjk = (ch: string | undefined) =>
    ch !== undefined && CJK.test(ch) && !NO_LINE_START.has(ch) && !NO_LINE_END.has(ch)
  if (body.length !== 1 || !plainCjk(body[0]) || !plainCjk(moved) || before.length < 4) return
  if (kept === undefined || NO_LINE_END.has(kept)) return
  lines[n - 2] = before.slice(0, -1).join('')
  lines[n - 1] = moved + lines[n - 1]
}
