// Fails when any character a scene file or a UI string uses has no glyph in the shipped 3D font.
// The font is parsed with troika-three-text's own parser (Typr + woff2otf), exactly as the app's text does.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FONT_FILE } from '../../../scripts/assets/build-font'
import {
  BASE_CHARACTERS,
  characterString,
  collectNeededCharacters,
  stringsInSource,
} from '../../../scripts/assets/font-characters'

const root = resolve(import.meta.dirname, '../../..')

interface TyprFont {
  head: { unitsPerEm: number }
}
interface Typr {
  parse(buffer: ArrayBuffer): TyprFont[]
  U: {
    codeToGlyph(font: TyprFont, code: number): number
    glyphToPath(font: TyprFont, glyph: number): { cmds: string[] }
  }
}

async function loadShippedFont(): Promise<{ typr: Typr; font: TyprFont }> {
  // Typr's bundle expects a browser-like global `self`.
  const g = globalThis as { self?: unknown }
  g.self ??= globalThis
  const typrFactory = (await import('troika-three-text/libs/typr.factory.js' as string)).default as () => Typr
  const woff2otfFactory = (await import('troika-three-text/libs/woff2otf.factory.js' as string))
    .default as () => (b: ArrayBuffer) => ArrayBuffer
  const bytes = readFileSync(join(root, FONT_FILE))
  const otf = woff2otfFactory()(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const typr = typrFactory()
  return { typr, font: typr.parse(otf)[0] }
}

describe('character collection', () => {
  it('takes string literals, template text and JSX text, not comments or identifiers', () => {
    const source = [
      '// 注释里的字不算',
      "const title = { zh: '纪念馆', en: 'Hall' }",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is TS source text for the parser
      'const t = `第${n}站`',
      'export const A = () => <group><mesh name="台" />讲解</group>',
    ].join('\n')
    const found = stringsInSource('x.tsx', source).join('|')
    for (const char of '纪念馆第站台讲解') expect(found).toContain(char)
    for (const char of '注释里') expect(found).not.toContain(char)
  })

  it('always includes ASCII, full-width punctuation and unit signs', () => {
    const needed = collectNeededCharacters(root)
    for (const char of BASE_CHARACTERS) expect(needed.has(char), char).toBe(true)
    for (const char of 'A~，。《》℃²₂') expect(needed.has(char)).toBe(true)
  })
})

describe('shipped font', () => {
  let typr: Typr
  let font: TyprFont

  beforeAll(async () => {
    if (!existsSync(join(root, FONT_FILE))) {
      throw new Error(`${FONT_FILE} is missing: run \`npm run assets\` (npm run build does it)`)
    }
    ;({ typr, font } = await loadShippedFont())
  })

  it('has a glyph for every character used in scenes/ and src/', () => {
    const needed = collectNeededCharacters(root)
    const missing = [...needed]
      .filter(([char]) => typr.U.codeToGlyph(font, char.codePointAt(0)!) === 0)
      .map(([char, origin]) => `"${char}" U+${char.codePointAt(0)!.toString(16).toUpperCase()} (${origin})`)
    expect(missing, `missing glyphs; run npm run assets: ${missing.join(', ')}`).toEqual([])
  })

  it('draws real outlines, not empty boxes, for visible characters', () => {
    const needed = characterString(collectNeededCharacters(root).keys())
    const empty = [...needed].filter((char) => {
      if (char.trim() === '') return false
      const glyph = typr.U.codeToGlyph(font, char.codePointAt(0)!)
      return typr.U.glyphToPath(font, glyph).cmds.length === 0
    })
    expect(empty).toEqual([])
    expect(font.head.unitsPerEm).toBe(1000)
  })
})
