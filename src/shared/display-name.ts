// A name people give something (a class member, a venue device) as it is shown and stored: one cleaning
// rule, so a name tag, a console row and a CSV cell never carry hidden or reordering characters.

/**
 * `raw` Unicode-normalised (NFKC: full-width or styled look-alikes fold to plain letters), without
 * control, format, bidi-override or zero-width characters, spaces collapsed, at most `maxLength`
 * characters (code points, so a Chinese name is not cut mid-character).
 */
export function cleanDisplayName(raw: string, maxLength: number): string {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
  return Array.from(cleaned).slice(0, maxLength).join('').trim()
}
