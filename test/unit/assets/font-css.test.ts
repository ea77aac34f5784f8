// The page's @font-face rules: the shipped subset first, then one unicode-range face per fallback
// file, all relative to the stylesheet (so on this origin, whatever the base path).
import { describe, expect, it } from 'vitest'
import { fontCss, PAGE_FALLBACK_FAMILY, PAGE_FONT_FAMILY } from '../../../scripts/assets/font-css'
import { fallbackFonts } from '../../../scripts/assets/font-fallback'

describe('page font stylesheet', () => {
  const css = fontCss(fallbackFonts())
  const faces = css.split('@font-face').slice(1)

  it('declares the subset without a range, then every fallback file with its range', () => {
    expect(faces[0]).toContain(`font-family: "${PAGE_FONT_FAMILY}"`)
    expect(faces[0]).toContain('url("noto-sans-sc-subset.woff")')
    expect(faces[0]).not.toContain('unicode-range')
    expect(faces.length).toBe(fallbackFonts().length + 1)
    for (const face of faces.slice(1)) {
      expect(face).toContain(`font-family: "${PAGE_FALLBACK_FAMILY}"`)
      expect(face).toMatch(/unicode-range: U\+[0-9A-F]/i)
    }
  })

  it('points a rare hanzi (龘, U+9F98) at the one fallback file that covers it, on this origin', () => {
    const covering = faces.filter((face) => {
      const range = /unicode-range: ([^;]+);/.exec(face)?.[1] ?? ''
      return range.split(',').some((part) => {
        const [a, b] = part.replace(/^U\+/i, '').split('-')
        const lo = Number.parseInt(a, 16)
        const hi = b ? Number.parseInt(b, 16) : lo
        return 0x9f98 >= lo && 0x9f98 <= hi
      })
    })
    expect(covering).toHaveLength(1)
    expect(covering[0]).toMatch(
      /url\("unicode-fallback\/font-files\/[^"/]+\/sans-serif\.normal\.400\.woff"\)/,
    )
    expect(css).not.toMatch(/url\("(https?:)?\/\//)
  })
})
