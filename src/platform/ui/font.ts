// The one font for all 3D text: a subset of Noto Sans SC built by `npm run assets` from every
// character in the UI strings and scene files (the page's DOM uses the same file through
// public/fonts/fonts.css). A character the subset lacks, typed by a visitor, is resolved by troika
// from the fallback data `npm run assets` writes to /fonts/unicode-fallback/ on this origin.
import { configureTextBuilder } from 'troika-three-text'

export const FONT_URL = `${import.meta.env.BASE_URL}fonts/noto-sans-sc-subset.woff`

/**
 * Absolute on purpose: troika's resolver fetches this from its web worker, whose base URL is a blob:
 * URL, so a path like "/fonts/…" fails there, and the resolver then retries its default CDN, a
 * request to another origin. (troika makes the default font URL absolute itself, not this one.)
 */
export function unicodeFontsUrl(base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(`${import.meta.env.BASE_URL}fonts/unicode-fallback/`, base).href
}

let configured = false
export function configureFonts(): void {
  if (configured) return
  configured = true
  configureTextBuilder({
    defaultFontURL: FONT_URL,
    unicodeFontsURL: unicodeFontsUrl(),
  })
}
