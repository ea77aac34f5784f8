// A text too long for its panel is shown a page at a time. A page ends after a sentence or a clause
// ("。", "、", "; ") wherever one falls late enough on it, so a reader never turns the page in the middle
// of a word or a list item ("经 / 营场所"); only a clause longer than a page is cut at a line.
import { CLOSING_BRACKETS, OPENING_BRACKETS, wrapCjk } from './cjk-line-break'

/** Full-width punctuation that ends a sentence or a clause: a page may end right after it. */
const CJK_BREAK = new Set([...'。！？；，、：'])
/** Latin punctuation that does, when a space follows (and "1." is a list number, not a sentence). */
const LATIN_BREAK = new Set([...'.!?;,:'])

/** Where in `text` a page may end: just after a sentence or clause mark outside brackets (and its spaces). */
function breakPoints(text: string): number[] {
  const points: number[] = []
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (OPENING_BRACKETS.has(ch)) depth++
    else if (CLOSING_BRACKETS.has(ch)) depth = Math.max(0, depth - 1)
    if (depth > 0) continue
    const next = text[i + 1] ?? ' '
    const latin = LATIN_BREAK.has(ch) && /\s/.test(next) && !(ch === '.' && /\d/.test(text[i - 1] ?? ''))
    if (!CJK_BREAK.has(ch) && !latin) continue
    let end = i + 1
    while (end < text.length && /[ \t]/.test(text[end])) end++
    if (end < text.length) points.push(end)
  }
  return points
}

const lineCount = (text: string, maxEm: number) => wrapCjk(text, maxEm).split('\n').length

/**
 * Splits `text` into pages of at most `lines` lines of `maxEm` ems (wrapped as `wrapCjk` wraps), each
 * page's lines joined by "\n". A page ends at the last sentence or clause mark that fits, as long as that
 * leaves it at least half full; otherwise it is cut after its last line. Every character but the spaces
 * at a page's edges is on exactly one page, in order.
 */
export function textPages(text: string, maxEm: number, lines: number): string[] {
  const pages: string[] = []
  const fullEnough = Math.ceil(lines / 2)
  let rest = text.trim()
  while (rest) {
    const wrapped = wrapCjk(rest, maxEm).split('\n')
    if (wrapped.length <= lines) {
      pages.push(wrapped.join('\n'))
      break
    }
    const end = breakPoints(rest)
      .reverse()
      .find((at) => {
        const n = lineCount(rest.slice(0, at).trimEnd(), maxEm)
        return n <= lines && n >= fullEnough
      })
    if (end === undefined) {
      pages.push(wrapped.slice(0, lines).join('\n'))
      rest = wrapped.slice(lines).join('\n')
    } else {
      pages.push(wrapCjk(rest.slice(0, end).trimEnd(), maxEm))
      rest = rest.slice(end).trim()
    }
  }
  return pages.length > 0 ? pages : ['']
}
