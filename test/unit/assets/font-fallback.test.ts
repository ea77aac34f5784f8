// troika's fallback-font resolver, fed our generated data, must resolve every character to a font
// file on this origin and never fall back to its default CDN. The resolver is troika's own bundle;
// only `fetch` is stubbed, to read the generated files from disk.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bucketPath, buildFontFallback, encodeBucketBits } from '../../../scripts/assets/font-fallback'

interface Resolver {
  getFontsForString(
    text: string,
    options: { dataUrl: string; lang?: string },
  ): Promise<{ fontUrls: string[]; chars: Uint8Array }>
}

const BASE = 'http://kiosk.local/fonts/unicode-fallback'
let outDir: string
const requested: string[] = []

async function loadResolver(): Promise<Resolver> {
  const factory = (await import('troika-three-text/libs/unicode-font-resolver-client.factory.js' as string))
    .default as () => Resolver
  return factory()
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'font-fallback-'))
  const result = buildFontFallback(outDir, true)
  expect(result.fonts).toBeGreaterThan(90)
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url)
    if (!url.startsWith(`${BASE}/`)) return new Response('off-origin', { status: 599 })
    const path = join(outDir, url.slice(BASE.length + 1))
    if (!existsSync(path)) return new Response('missing', { status: 404 })
    return new Response(readFileSync(path, 'utf8'), { status: 200 })
  })
})

afterAll(() => {
  vi.unstubAllGlobals()
  rmSync(outDir, { recursive: true, force: true })
})

describe('offline fallback-font data', () => {
  it('resolves rare hanzi, Latin and emoji to local font files only', async () => {
    const resolver = await loadResolver()
    // 龘 and 饕 are outside the shipped subset; 😀 has no Noto Sans SC glyph at all.
    const { fontUrls, chars } = await resolver.getFontsForString('龘饕A😀', { dataUrl: BASE })
    expect(requested.every((u) => u.startsWith(BASE))).toBe(true)
    expect(fontUrls.length).toBeGreaterThanOrEqual(2)
    for (const url of fontUrls) {
      expect(url.startsWith(`${BASE}/font-files/`)).toBe(true)
      expect(existsSync(join(outDir, url.slice(BASE.length + 1))), url).toBe(true)
    }
    // 龘 (U+9F98) lives in fontsource's range file 21.
    expect(fontUrls[chars[0]]).toBe(`${BASE}/font-files/21/sans-serif.normal.400.woff`)
  })

  it('has an index file for every bucket a lookup in planes 0-2 can ask for', () => {
    for (const cp of [0x41, 0x4e2d, 0x9f98, 0x1f600, 0x20000, 0x2ffff]) {
      expect(existsSync(join(outDir, bucketPath(cp & ~0xff))), cp.toString(16)).toBe(true)
    }
  })

  it('encodes coverage six code points per character', () => {
    expect(encodeBucketBits((i) => i === 0)).toBe('1')
    expect(encodeBucketBits((i) => i === 7)).toBe('02')
    expect(encodeBucketBits(() => false)).toBe('')
  })
})
