// Asset step: builds ONE WOFF font (public/fonts/noto-sans-sc-subset.woff) holding every character the
// app draws in 3D. @fontsource/noto-sans-sc splits the font into many unicode-range files and troika
// takes a single font URL per Text, so we subset each source file with harfbuzz (subset-font) to the
// characters it provides and merge the glyph outlines into one font with opentype.js.
// Over 300 lines on purpose: subsetting, merging and the fallback manifest are one step sharing glyph tables.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { deflateSync } from 'node:zlib'
import opentype, { type Font, type Glyph, type Path } from 'opentype.js'
import subsetFont from 'subset-font'
import { characterString, collectNeededCharacters } from './font-characters'
import { SYMBOL_ADVANCE, symbolContours } from './font-symbols'

export const FONT_FILE = 'public/fonts/noto-sans-sc-subset.woff'
export const FONT_MANIFEST = 'public/fonts/manifest.json'
/** Family name inside the built font; the platform text component only needs the URL. */
export const FONT_FAMILY = 'Noto Sans SC Subset'
// A fixed creation date keeps the output byte-identical across builds (2024-01-01T00:00:00Z).
const FIXED_TIMESTAMP = 1_704_067_200

/** What the manifest records; the step rebuilds only when the characters or this script change. */
export interface FontManifest {
  file: string
  family: string
  builderVersion: number
  characters: string
  sources: Array<{ file: string; characters: number }>
  bytes: number
}
// Bump when the build logic changes in a way that must rebuild an existing font.
const BUILDER_VERSION = 5

const require = createRequire(import.meta.url)

function fontsourceDir(): string {
  return join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files')
}

/** Parses "U+4E00-4E2F,U+3001" style ranges. */
export function parseUnicodeRanges(ranges: string): Array<[number, number]> {
  return ranges.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    const start = Number.parseInt(from, 16)
    return [start, to ? Number.parseInt(to, 16) : start]
  })
}

/**
 * Source files in priority order: the Simplified Chinese file (covers ASCII, CJK punctuation and
 * ~7,000 common hanzi) first, then the per-range files fontsource lists in unicode.json.
 */
function sourceFiles(): Array<{ file: string; ranges: Array<[number, number]> | null }> {
  const dir = fontsourceDir()
  const unicode = JSON.parse(readFileSync(join(dir, '..', 'unicode.json'), 'utf8')) as Record<string, string>
  const named = (key: string): string => {
    const id = key.replace(/^\[(\d+)\]$/, '$1')
    return `noto-sans-sc-${id}-400-normal.woff`
  }
  const order = (key: string): number => {
    if (key === 'latin') return 0
    if (key === 'latin-ext') return 1
    const n = /^\[(\d+)\]$/.exec(key)
    return n ? 2 + Number(n[1]) : 1000
  }
  const keys = Object.keys(unicode).sort((a, b) => order(a) - order(b))
  return [
    { file: 'noto-sans-sc-chinese-simplified-400-normal.woff', ranges: null },
    ...keys.map((key) => ({ file: named(key), ranges: parseUnicodeRanges(unicode[key]) })),
  ].filter((s) => existsSync(join(dir, s.file)))
}

function inRanges(code: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => code >= a && code <= b)
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

/** Rewrites head.modified to the fixed date and fixes the checksums, so builds are reproducible. */
function pinTimestamps(sfnt: Uint8Array): Uint8Array {
  const out = new Uint8Array(sfnt)
  const view = new DataView(out.buffer)
  const numTables = view.getUint16(4)
  const checksum = (offset: number, length: number): number => {
    let sum = 0
    const padded = (length + 3) & ~3
    for (let i = 0; i < padded; i += 4) {
      const at = offset + i
      const word =
        ((out[at] ?? 0) << 24) | ((out[at + 1] ?? 0) << 16) | ((out[at + 2] ?? 0) << 8) | (out[at + 3] ?? 0)
      sum = (sum + (word >>> 0)) >>> 0
    }
    return sum
  }
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16
    const tag = String.fromCharCode(...out.subarray(record, record + 4))
    if (tag !== 'head') continue
    const offset = view.getUint32(record + 8)
    const length = view.getUint32(record + 12)
    const stamp = BigInt(FIXED_TIMESTAMP) + 2_082_844_800n // seconds since 1904
    view.setBigUint64(offset + 20, stamp) // created
    view.setBigUint64(offset + 28, stamp) // modified
    view.setUint32(offset + 8, 0) // checkSumAdjustment is computed with itself zeroed
    view.setUint32(record + 4, checksum(offset, length))
    const whole = checksum(0, out.byteLength)
    view.setUint32(offset + 8, (0xb1b0afba - whole) >>> 0)
  }
  return out
}

/** Wraps an OpenType (sfnt) font as WOFF 1.0: the same tables, each zlib-compressed when that helps. */
export function sfntToWoff(sfnt: Uint8Array): Uint8Array {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
  const numTables = view.getUint16(4)
  const tables: Array<{ tag: number; checksum: number; data: Uint8Array; origLength: number }> = []
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16
    const offset = view.getUint32(record + 8)
    const length = view.getUint32(record + 12)
    const original = sfnt.subarray(offset, offset + length)
    const compressed = deflateSync(original, { level: 9 })
    tables.push({
      tag: view.getUint32(record),
      checksum: view.getUint32(record + 4),
      data: compressed.byteLength < length ? compressed : original,
      origLength: length,
    })
  }
  const pad4 = (n: number): number => (n + 3) & ~3
  let size = 44 + 20 * numTables
  const offsets = tables.map((t) => {
    const at = size
    size += pad4(t.data.byteLength)
    return at
  })
  const totalSfntSize = 12 + 16 * numTables + tables.reduce((sum, t) => sum + pad4(t.origLength), 0)
  const out = new Uint8Array(size)
  const w = new DataView(out.buffer)
  w.setUint32(0, 0x774f4646) // 'wOFF'
  w.setUint32(4, view.getUint32(0)) // flavor: 'OTTO' or 0x00010000
  w.setUint32(8, size)
  w.setUint16(12, numTables)
  w.setUint32(16, totalSfntSize)
  w.setUint16(20, 1) // major version of the font data, informational
  tables.forEach((t, i) => {
    const entry = 44 + i * 20
    w.setUint32(entry, t.tag)
    w.setUint32(entry + 4, offsets[i])
    w.setUint32(entry + 8, t.data.byteLength)
    w.setUint32(entry + 12, t.origLength)
    w.setUint32(entry + 16, t.checksum)
    out.set(t.data, offsets[i])
  })
  return out
}

/**
 * Rewrites an outline with integer coordinates and cubic curves only. TrueType sources carry
 * quadratic curves with half-unit implied points; opentype.js's CFF writer turns those into
 * fractional reals, some of which come back as NaN. Integers in font units (1/1000 em) lose
 * nothing visible and encode compactly.
 */
export function integerCubicPath(source: Path): Path {
  const path = new opentype.Path()
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  const r = Math.round
  for (const c of source.commands) {
    if (c.type === 'M' || c.type === 'L') {
      x = c.x!
      y = c.y!
      if (c.type === 'M') {
        startX = x
        startY = y
      }
      path.commands.push({ type: c.type, x: r(x), y: r(y) })
    } else if (c.type === 'Q') {
      // Degree elevation: the cubic's controls sit two thirds of the way to the quadratic's.
      const x1 = x + ((c.x1! - x) * 2) / 3
      const y1 = y + ((c.y1! - y) * 2) / 3
      const x2 = c.x! + ((c.x1! - c.x!) * 2) / 3
      const y2 = c.y! + ((c.y1! - c.y!) * 2) / 3
      x = c.x!
      y = c.y!
      path.commands.push({ type: 'C', x1: r(x1), y1: r(y1), x2: r(x2), y2: r(y2), x: r(x), y: r(y) })
    } else if (c.type === 'C') {
      x = c.x!
      y = c.y!
      path.commands.push({
        type: 'C',
        x1: r(c.x1!),
        y1: r(c.y1!),
        x2: r(c.x2!),
        y2: r(c.y2!),
        x: r(x),
        y: r(y),
      })
    } else {
      x = startX
      y = startY
      path.commands.push({ type: 'Z' })
    }
  }
  return path
}

/**
 * Noto Sans SC has no subscript digits (CO₂ needs ₂), so we draw them as their digit scaled to
 * 60% and dropped below the baseline, the way fonts usually design them.
 */
function synthesiseSubscripts(remaining: string[], glyphs: Glyph[], unitsPerEm: number): string[] {
  const made: string[] = []
  for (const char of remaining) {
    const code = char.codePointAt(0)!
    if (code < 0x2080 || code > 0x2089) continue
    const digit = glyphs.find((g) => g.unicode === 0x30 + (code - 0x2080))
    if (!digit) continue
    const scale = 0.6
    const drop = -0.12 * unitsPerEm
    const path = new opentype.Path()
    const x = (v: number | undefined): number | undefined => (v === undefined ? v : v * scale)
    const y = (v: number | undefined): number | undefined => (v === undefined ? v : v * scale + drop)
    path.commands = digit.path.commands.map((c) => ({
      ...c,
      x: x(c.x),
      y: y(c.y),
      x1: x(c.x1),
      y1: y(c.y1),
      x2: x(c.x2),
      y2: y(c.y2),
    }))
    for (const c of path.commands) {
      for (const key of ['x', 'y', 'x1', 'y1', 'x2', 'y2'] as const) if (c[key] === undefined) delete c[key]
    }
    glyphs.push(
      new opentype.Glyph({
        name: `uni${code.toString(16).toUpperCase()}`,
        unicode: code,
        advanceWidth: Math.round((digit.advanceWidth ?? unitsPerEm / 2) * scale + 0.04 * unitsPerEm),
        path: integerCubicPath(path),
      }),
    )
    made.push(char)
  }
  return made
}

/** Draws the check marks, crosses and erase key UI code uses (✓ ✕ ⌫) that Noto Sans SC lacks. */
function synthesiseSymbols(remaining: string[], glyphs: Glyph[]): string[] {
  const made: string[] = []
  for (const char of remaining) {
    const code = char.codePointAt(0)!
    const contours = symbolContours(code)
    if (!contours) continue
    const path = new opentype.Path()
    path.commands = contours.flatMap((contour) => [
      ...contour.map(([x, y], i) => ({ type: i === 0 ? ('M' as const) : ('L' as const), x, y })),
      { type: 'Z' as const },
    ])
    glyphs.push(
      new opentype.Glyph({
        name: `uni${code.toString(16).toUpperCase()}`,
        unicode: code,
        advanceWidth: SYMBOL_ADVANCE,
        path: integerCubicPath(path),
      }),
    )
    made.push(char)
  }
  return made
}

/** Subsets the fontsource files to `chars` and merges them into one font. Returns WOFF bytes. */
export async function buildFontBytes(chars: string): Promise<{
  woff: Uint8Array
  sources: FontManifest['sources']
  missing: string[]
}> {
  const dir = fontsourceDir()
  // Subscript digits are drawn from their digits, so make sure those digits are subset too.
  const digitsForSubscripts = [...chars]
    .map((c) => c.codePointAt(0)!)
    .filter((code) => code >= 0x2080 && code <= 0x2089)
    .map((code) => String.fromCodePoint(0x30 + code - 0x2080))
  let remaining = [...new Set([...chars, ...digitsForSubscripts])]
  const glyphs: Glyph[] = []
  const sources: FontManifest['sources'] = []
  let primary: Font | null = null

  for (const source of sourceFiles()) {
    if (remaining.length === 0) break
    const candidates = source.ranges
      ? remaining.filter((c) => inRanges(c.codePointAt(0)!, source.ranges!))
      : remaining
    if (candidates.length === 0) continue
    const subset = await subsetFont(readFileSync(join(dir, source.file)), candidates.join(''), {
      targetFormat: 'sfnt',
    })
    let font: Font
    try {
      font = opentype.parse(toArrayBuffer(subset))
    } catch {
      // A subset with none of the candidates has an empty cmap, which opentype.js refuses.
      continue
    }
    primary ??= font
    const provided = candidates.filter((c) => font.tables.cmap.glyphIndexMap[c.codePointAt(0)!] !== undefined)
    if (provided.length === 0) continue
    for (const char of provided) {
      const code = char.codePointAt(0)!
      const glyph = font.glyphs.get(font.tables.cmap.glyphIndexMap[code])
      glyphs.push(
        new opentype.Glyph({
          name: `uni${code.toString(16).toUpperCase().padStart(4, '0')}`,
          unicode: code,
          advanceWidth: glyph.advanceWidth ?? font.unitsPerEm,
          path: integerCubicPath(glyph.path),
        }),
      )
    }
    sources.push({ file: source.file, characters: provided.length })
    const done = new Set(provided)
    remaining = remaining.filter((c) => !done.has(c))
  }
  if (!primary) throw new Error('font: no source file provided any needed character')
  const synthesised = synthesiseSubscripts(remaining, glyphs, primary.unitsPerEm)
  if (synthesised.length > 0) {
    sources.push({ file: '(subscript digits scaled from 0-9)', characters: synthesised.length })
    remaining = remaining.filter((c) => !synthesised.includes(c))
  }
  const symbols = synthesiseSymbols(remaining, glyphs)
  if (symbols.length > 0) {
    sources.push({ file: '(check marks and crosses drawn by font-symbols.ts)', characters: symbols.length })
    remaining = remaining.filter((c) => !symbols.includes(c))
  }

  const notdef = primary.glyphs.get(0)
  const merged = new opentype.Font({
    familyName: FONT_FAMILY,
    styleName: 'Regular',
    unitsPerEm: primary.unitsPerEm,
    ascender: primary.ascender,
    descender: primary.descender,
    weightClass: 400,
    createdTimestamp: FIXED_TIMESTAMP,
    // Typo metrics follow hhea (1160/-288), so troika's "normal" line height is ~1.45 em, which
    // suits wrapped Chinese; Windows win metrics match, instead of opentype.js's glyph bounds.
    tables: { os2: { usWinAscent: primary.ascender, usWinDescent: Math.abs(primary.descender) } },
    copyright: 'Noto Sans SC: Copyright 2014-2021 Adobe, with glyphs subset by XR Showcase.',
    license: 'SIL Open Font License, Version 1.1',
    glyphs: [
      new opentype.Glyph({
        name: '.notdef',
        advanceWidth: notdef.advanceWidth ?? primary.unitsPerEm,
        path: integerCubicPath(notdef.path),
      }),
      ...glyphs,
    ],
  })
  const otf = pinTimestamps(new Uint8Array(merged.toArrayBuffer()))
  return { woff: sfntToWoff(otf), sources, missing: remaining }
}

function readManifest(path: string): FontManifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FontManifest
  } catch {
    return null
  }
}

/**
 * Builds the font when the needed characters (or the builder) changed since the last build.
 * Returns the manifest and whether work was done. Characters no source provides are reported,
 * not fatal: the glyph-coverage test fails on them with the file that uses each one.
 */
export async function buildFont(
  root: string,
  force = false,
): Promise<{ manifest: FontManifest; built: boolean; missing: Array<[string, string]> }> {
  const origins = collectNeededCharacters(root)
  const chars = characterString(origins.keys())
  const fontPath = join(root, FONT_FILE)
  const manifestPath = join(root, FONT_MANIFEST)
  const previous = readManifest(manifestPath)
  if (
    !force &&
    previous &&
    existsSync(fontPath) &&
    previous.characters === chars &&
    previous.builderVersion === BUILDER_VERSION &&
    statSync(fontPath).size === previous.bytes
  ) {
    return { manifest: previous, built: false, missing: [] }
  }
  const { woff, sources, missing } = await buildFontBytes(chars)
  mkdirSync(dirname(fontPath), { recursive: true })
  writeFileSync(fontPath, woff)
  const manifest: FontManifest = {
    file: `/${FONT_FILE.replace(/^public\//, '')}`,
    family: FONT_FAMILY,
    builderVersion: BUILDER_VERSION,
    characters: chars,
    sources,
    bytes: woff.byteLength,
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  return { manifest, built: true, missing: missing.map((c) => [c, origins.get(c) ?? '?']) }
}
