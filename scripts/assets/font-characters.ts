// Collects every character the shipped 3D font must contain: all text in scene files, every string
// literal and JSX text in src/, plus ASCII, common full-width punctuation and unit signs.
// Shared by the font step (what to subset) and the glyph-coverage test (what to check).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** Always shipped, whatever the sources use: content authors type these without touching code. */
export const BASE_CHARACTERS: string = [
  // ASCII printable (space to tilde).
  String.fromCharCode(...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i)),
  // Common full-width punctuation.
  '，。！？：；、“”‘’（）《》【】—…·￥',
  // Degree, Celsius, squared, cubed, subscript two (CO₂, m², m³, 25℃).
  '°℃²³₂',
].join('')

/** Where a character was found first, so a coverage failure can say which file to look at. */
export type CharacterOrigins = Map<string, string>

function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const files: string[] = []
  const visit = (path: string): void => {
    let entries: import('node:fs').Dirent[]
    try {
      entries = readdirSync(path, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (accept(entry.name)) files.push(full)
    }
  }
  visit(dir)
  return files.sort()
}

/** The text pieces a TS/TSX file can show to a user: string literals, template text and JSX text. */
export function stringsInSource(fileName: string, source: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      found.push(node.text)
    } else if (ts.isJsxText(node)) {
      found.push(node.getText(file))
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** Every string value (and key) in a JSON document. */
export function stringsInJson(value: unknown): string[] {
  const found: string[] = []
  const visit = (v: unknown): void => {
    if (typeof v === 'string') found.push(v)
    else if (Array.isArray(v)) v.forEach(visit)
    else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        found.push(key)
        visit(child)
      }
    }
  }
  visit(value)
  return found
}

/** Characters that never need a glyph: control characters and line/paragraph separators. */
function isDrawable(char: string): boolean {
  const code = char.codePointAt(0)!
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff) return false
  // Variation selectors and zero-width joiners modify neighbours; they have no glyph of their own.
  if ((code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d || code === 0x200b) return false
  return true
}

/**
 * Scans `scenes/**\/*.json` and `src/**\/*.{ts,tsx}` under `root`. Returns each needed character
 * with the first file (relative to root) that uses it; base characters map to '(base set)'.
 */
export function collectNeededCharacters(root: string): CharacterOrigins {
  const origins: CharacterOrigins = new Map()
  const note = (text: string, origin: string): void => {
    for (const char of text) {
      if (isDrawable(char) && !origins.has(char)) origins.set(char, origin)
    }
  }
  note(BASE_CHARACTERS, '(base set)')
  for (const file of listFiles(join(root, 'scenes'), (n) => n.endsWith('.json'))) {
    const rel = relative(root, file)
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      // A broken scene file still ships its characters; check:scenes reports the syntax error.
      parsed = readFileSync(file, 'utf8')
    }
    for (const text of stringsInJson(parsed)) note(text, rel)
  }
  for (const file of listFiles(join(root, 'src'), (n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts'))) {
    const rel = relative(root, file)
    for (const text of stringsInSource(file, readFileSync(file, 'utf8'))) note(text, rel)
  }
  return origins
}

/** The needed characters as one sorted string (by code point), stable across runs. */
export function characterString(chars: Iterable<string>): string {
  return [...new Set(chars)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('')
}
