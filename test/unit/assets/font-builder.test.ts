// The font step merges glyphs from several fontsource files into one WOFF, synthesises subscript
// digits Noto Sans SC lacks, and writes the same bytes every time.
import opentype from 'opentype.js'
import { describe, expect, it } from 'vitest'
import { buildFontBytes, integerCubicPath, parseUnicodeRanges } from '../../../scripts/assets/build-font'
import { signedArea, symbolContours } from '../../../scripts/assets/font-symbols'

function parseWoff(bytes: Uint8Array) {
  return opentype.parse(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )
}

describe('font builder', () => {
  it('merges characters from several source files into one WOFF', async () => {
    // 中 and A come from the Simplified Chinese file, ℃ from a numbered range file, ₂ is synthesised.
    const { woff, sources, missing } = await buildFontBytes('A中℃₂')
    expect(new TextDecoder().decode(woff.subarray(0, 4))).toBe('wOFF')
    expect(missing).toEqual([])
    expect(sources.length).toBeGreaterThanOrEqual(3)
    expect(sources[0].file).toContain('chinese-simplified')

    const font = parseWoff(woff)
    for (const char of 'A中℃₂') {
      const index = font.tables.cmap.glyphIndexMap[char.codePointAt(0)!]
      expect(index, char).toBeGreaterThan(0)
      expect(font.glyphs.get(index).path.commands.length, char).toBeGreaterThan(0)
    }
    // The synthesised subscript sits lower and is narrower than the digit it comes from.
    const two = font.glyphs.get(font.tables.cmap.glyphIndexMap[0x32])
    const sub = font.glyphs.get(font.tables.cmap.glyphIndexMap[0x2082])
    expect(sub.advanceWidth!).toBeLessThan(two.advanceWidth!)
    const minY = (g: typeof two) =>
      Math.min(...g.path.commands.flatMap((c) => (c.y === undefined ? [] : [c.y])))
    expect(minY(sub)).toBeLessThan(minY(two))
  })

  it('draws the check marks and crosses UI code uses but Noto Sans SC lacks', async () => {
    const { woff, missing } = await buildFontBytes('✓✔✕✖✗✘⌫')
    expect(missing).toEqual([])
    const font = parseWoff(woff)
    for (const char of '✓✔✕✖✗✘⌫') {
      const glyph = font.glyphs.get(font.tables.cmap.glyphIndexMap[char.codePointAt(0)!])
      expect(glyph.path.commands.length, char).toBeGreaterThan(4)
      expect(glyph.advanceWidth!, char).toBeGreaterThan(500)
    }
  })

  it('outlines symbols counter-clockwise, holes clockwise, inside the em box', () => {
    for (const code of [0x2713, 0x2715, 0x232b]) {
      const contours = symbolContours(code)!
      expect(signedArea(contours[0]), code.toString(16)).toBeGreaterThan(0)
      for (const hole of contours.slice(1)) expect(signedArea(hole)).toBeLessThan(0)
      for (const [x, y] of contours.flat()) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(1000)
        expect(y).toBeGreaterThanOrEqual(-120)
        expect(y).toBeLessThanOrEqual(880)
      }
    }
    // The erase key has its cross cut out as a hole.
    expect(symbolContours(0x232b)).toHaveLength(2)
    expect(symbolContours(0x4e2d)).toBeNull()
  })

  it('reports characters no source has instead of crashing', async () => {
    const { missing } = await buildFontBytes('A\u{1D11E}') // musical G clef: not in Noto Sans SC
    expect(missing).toEqual(['\u{1D11E}'])
  })

  it('is reproducible byte for byte', async () => {
    const a = await buildFontBytes('纪念馆 Hall 25℃')
    const b = await buildFontBytes('纪念馆 Hall 25℃')
    expect(Buffer.from(a.woff).equals(Buffer.from(b.woff))).toBe(true)
  })

  it('turns quadratic outlines into integer cubic ones with the same end points', () => {
    const source = new opentype.Path()
    source.commands = [
      { type: 'M', x: 0, y: 0 },
      { type: 'Q', x1: 50, y1: 100.5, x: 100, y: 0.5 },
      { type: 'Z' },
    ]
    const [move, curve, close] = integerCubicPath(source).commands
    expect(move).toEqual({ type: 'M', x: 0, y: 0 })
    // Controls two thirds towards (50, 100.5): (33.3, 67) from the start and (66.7, 67.2) from the end.
    expect(curve).toEqual({ type: 'C', x1: 33, y1: 67, x2: 67, y2: 67, x: 100, y: 1 })
    expect(close).toEqual({ type: 'Z' })
  })

  it('parses CSS unicode ranges', () => {
    expect(parseUnicodeRanges('U+4E00-4E2F,U+3001')).toEqual([
      [0x4e00, 0x4e2f],
      [0x3001, 0x3001],
    ])
  })
})
