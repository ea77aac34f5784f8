// The staff message as the headset's panel shows it: the heading and the text on one run of at most
// MAX_LINES lines (the top view slot is a short strip; a taller panel would be shrunk to fit it). Pure.

/** Lines the panel grows to at most. */
export const MAX_LINES = 3

/** The notice as at most MAX_LINES lines of `charsPerLine` (CJK one per character, Latin about half). */
export function xrNoticeText(
  heading: string,
  text: string,
  charsPerLine: number,
): { text: string; lines: number } {
  const perLine = Math.floor(charsPerLine)
  const full = `${heading}：${text}`
  let width = 0
  let cut = 0
  const chars = Array.from(full)
  for (; cut < chars.length; cut++) {
    width += /[\u2e80-\u9fff\uff00-\uffef]/.test(chars[cut] ?? '') ? 1 : 0.55
    if (width > perLine * MAX_LINES - 1) break
  }
  const shown = cut < chars.length ? `${chars.slice(0, cut).join('')}…` : full
  return { text: shown, lines: Math.min(MAX_LINES, Math.max(1, Math.ceil(width / perLine))) }
}
