// Asset step: a local copy of the data troika's fallback-font resolver reads when a character is
// missing from the shipped subset (e.g. a classroom nickname typed at run time). Without it the
// resolver gets a 404 from our origin and then retries its default CDN, which an offline kiosk
// must never do. We index fontsource's per-range Noto Sans SC files in the resolver's format
// (@unicode-font-resolver/client v1, bundled in troika-three-text): codepoint-index buckets,
// font-meta and font-files. Every bucket of planes 0-2 gets a file, even an empty one, so no
// lookup can 404; characters no file covers fall back to the "latin" font and draw as blanks.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseUnicodeRanges } from './build-font'

export const FONT_FALLBACK_DIR = 'public/fonts/unicode-fallback'
/** Planes with a bucket file for every 256 code points: BMP, SMP (emoji) and SIP (rare hanzi). */
const PLANES = [0, 1, 2]
const BUCKET = 256
// Bump when the generated layout changes, so an existing copy is rewritten.
const FALLBACK_VERSION = 1
/** The resolver matches this regular expression against the text's language; we serve all. */
const ANY_LANGUAGE = '.*'

const require = createRequire(import.meta.url)

export interface FallbackFont {
  id: string
  file: string
  ranges: string
  points: Array<[number, number]>
}

/** fontsource's per-range Noto Sans SC files, latin first, each with its unicode-range. */
export function fallbackFonts(): FallbackFont[] {
  const pkg = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
  const unicode = JSON.parse(readFileSync(join(pkg, 'unicode.json'), 'utf8')) as Record<string, string>
  // Latin first: where ranges overlap, the first font listed in a bucket wins.
  const keys = Object.keys(unicode).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'))
  return keys
    .map((key) => {
      const id = key.replace(/^\[(\d+)\]$/, '$1')
      return {
        id,
        file: join(pkg, 'files', `noto-sans-sc-${id}-400-normal.woff`),
        ranges: unicode[key],
        points: parseUnicodeRanges(unicode[key]),
      }
    })
    .filter((font) => existsSync(font.file))
}

/** The resolver's bitset: 6 code points per character, offset from '0'. */
export function encodeBucketBits(covered: (offset: number) => boolean): string {
  const chars: number[] = []
  for (let i = 0; i < BUCKET; i += 6) {
    let bits = 0
    for (let b = 0; b < 6 && i + b < BUCKET; b++) if (covered(i + b)) bits |= 1 << b
    chars.push(48 + bits)
  }
  // Trailing zeros may be dropped: the resolver reads a missing character as no coverage.
  while (chars.length > 0 && chars[chars.length - 1] === 48) chars.pop()
  return String.fromCharCode(...chars)
}

export function bucketPath(start: number): string {
  return `codepoint-index/plane${start >> 16}/${start.toString(16)}-${(start + BUCKET - 1).toString(16)}.json`
}

function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  return true
}

export interface FallbackResult {
  fonts: number
  buckets: number
  written: number
  built: boolean
}

/** Writes the fallback data under `outDir` (normally public/fonts/unicode-fallback). */
export function buildFontFallback(outDir: string, force = false): FallbackResult {
  const fonts = fallbackFonts()
  const pkgVersion = (
    JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans-sc/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const stampPath = join(outDir, 'stamp.json')
  const stamp = `${JSON.stringify({ version: FALLBACK_VERSION, fontsource: pkgVersion, fonts: fonts.length })}\n`
  const bucketCount = PLANES.length * (0x10000 / BUCKET)
  if (!force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { fonts: fonts.length, buckets: bucketCount, written: 0, built: false }
  }

  let written = 0
  for (const font of fonts) {
    const target = join(outDir, 'font-files', font.id, 'sans-serif.normal.400.woff')
    if (!existsSync(target) || statSync(target).size !== statSync(font.file).size) {
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(font.file, target)
      written++
    }
    const meta = [1, { id: font.id, typeforms: { 'sans-serif': { normal: [400] } }, ranges: font.ranges }]
    if (writeIfChanged(join(outDir, 'font-meta', `${font.id}.json`), `${JSON.stringify(meta)}\n`)) written++
  }

  for (const plane of PLANES) {
    for (let start = plane << 16; start < (plane + 1) << 16; start += BUCKET) {
      const end = start + BUCKET - 1
      const entries: Record<string, string> = {}
      for (const font of fonts) {
        if (!font.points.some(([a, b]) => a <= end && b >= start)) continue
        const bits = encodeBucketBits((offset) =>
          font.points.some(([a, b]) => start + offset >= a && start + offset <= b),
        )
        if (bits.length > 0) entries[font.id] = bits
      }
      const body = Object.keys(entries).length > 0 ? { [ANY_LANGUAGE]: entries } : {}
      if (writeIfChanged(join(outDir, bucketPath(start)), `${JSON.stringify([1, body])}\n`)) written++
    }
  }
  writeFileSync(stampPath, stamp)
  return { fonts: fonts.length, buckets: bucketCount, written, built: true }
}
