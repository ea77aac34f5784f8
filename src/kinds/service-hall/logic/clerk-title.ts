// The clerk panel's title: the window, its area and the matter asked about, laid out in lines before the
// text engine sees them. Left to wrap by width, an English title broke the area's name at its hyphen
// ("Window 2 · Business Start-" / "up"); a name that does not fit beside the window's number goes whole
// onto a line of its own.

export interface ClerkTitleParts {
  /** "2号窗口" or "Window 2". */
  window: string
  /** The window's area, e.g. "企业开办" or "Business Start-up". */
  area: string
  /** The matter the visitor came for, if any; left out where it is the area's own name ("企业开办"). */
  matter?: string
}

/** The title's lines; `wrap` breaks a text into the panel's lines (the platform's wrapCjk at its measure). */
export function clerkTitle(
  { window, area, matter }: ClerkTitleParts,
  wrap: (text: string) => string,
): string {
  const together = `${window} · ${area}`
  const head = wrap(together).includes('\n') ? `${window}\n${area}` : together
  return wrap(matter && matter !== area ? `${head}\n${matter}` : head)
}
