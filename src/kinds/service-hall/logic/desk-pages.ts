// The guidance desk's panel is narrow enough to sit between a headset's side panels, so a long plan
// (four matters, ten materials) no longer fits on it at a legible size: its rows are split into pages.

/**
 * Splits rows of these heights (metres, in order) into pages that each fit in `room`; a row taller
 * than the room gets a page of its own. Every row is on exactly one page, in order.
 */
export function pagesOf(heights: readonly number[], room: number): number[][] {
  const pages: number[][] = []
  let page: number[] = []
  let used = 0
  heights.forEach((h, i) => {
    if (page.length > 0 && used + h > room) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(i)
    used += h
  })
  if (page.length > 0) pages.push(page)
  return pages
}

/** The page a visitor asked for, kept inside the pages there are (a shorter plan has fewer). */
export function clampPage(page: number, count: number): number {
  return Math.max(0, Math.min(page, count - 1))
}
