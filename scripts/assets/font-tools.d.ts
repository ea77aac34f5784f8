// Types for the untyped font packages the font step uses (only the parts we call).

declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2'
    noHinting?: boolean
    glyphNames?: boolean
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>
}

declare module 'opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'Q' | 'C' | 'Z'
    x?: number
    y?: number
    x1?: number
    y1?: number
    x2?: number
    y2?: number
  }
  export class Path {
    commands: PathCommand[]
  }
  export interface GlyphOptions {
    name: string
    unicode?: number
    unicodes?: number[]
    advanceWidth: number
    path: Path
  }
  export class Glyph {
    constructor(options: GlyphOptions)
    name: string | null
    index: number
    unicode: number | undefined
    unicodes: number[]
    advanceWidth: number | undefined
    path: Path
    getPath(): Path
  }
  export interface GlyphSet {
    length: number
    get(index: number): Glyph
  }
  export interface FontOptions {
    familyName: string
    styleName: string
    unitsPerEm: number
    ascender: number
    descender: number
    glyphs: Glyph[]
    createdTimestamp?: number
    tables?: { os2?: { usWinAscent?: number; usWinDescent?: number } }
    weightClass?: number
    copyright?: string
    license?: string
    version?: string
  }
  export class Font {
    constructor(options: FontOptions)
    unitsPerEm: number
    ascender: number
    descender: number
    glyphs: GlyphSet
    tables: {
      cmap: { glyphIndexMap: Record<number, number> }
      os2?: { sTypoAscender: number; sTypoDescender: number; sTypoLineGap: number }
      hhea?: { lineGap: number }
      name?: Record<string, Record<string, string>>
    }
    charToGlyph(char: string): Glyph
    hasChar(char: string): boolean
    toArrayBuffer(): ArrayBuffer
  }
  export function parse(buffer: ArrayBuffer | Uint8Array): Font
  // Node loads the package's UMD build (no "exports" map), so only the default import works at run time.
  const opentype: { Font: typeof Font; Glyph: typeof Glyph; Path: typeof Path; parse: typeof parse }
  export default opentype
}
