// The one font for all 3D text: a subset of Noto Sans SC built by `npm run assets` from every
// character in the UI strings and scene files. troika would fetch fallback fonts from a CDN for a
// missing glyph; the glyph-coverage test keeps that from happening, and the fallback URL below
// points at this origin so even a miss never leaves the machine.
import { configureTextBuilder } from 'troika-three-text'

export const FONT_URL = `${import.meta.env.BASE_URL}fonts/noto-sans-sc-subset.woff`

let configured = false
export function configureFonts(): void {
  if (configured) return
  configured = true
  configureTextBuilder({
    defaultFontURL: FONT_URL,
    unicodeFontsURL: `${import.meta.env.BASE_URL}fonts/unicode-fallback/`,
  })
}
