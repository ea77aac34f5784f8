// Turns a subtitle into what the synthesiser should read, and into sentences. eSpeak NG's Mandarin
// voice reads Arabic digits in English ("1927年" came out as "nineteen… 年"), so Chinese text gets
// its numbers in characters: years digit by digit (一九二七年), other numbers as numbers (三十五).

const DIGITS = '零一二三四五六七八九'

/** 0 ≤ n < 10^8 in Chinese numerals: 35 → 三十五, 105 → 一百零五, 12000 → 一万二千. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return String(n)
  if (n < 10) return DIGITS[n]
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  const underTenThousand = (v: number): string => {
    const units = ['千', '百', '十', '']
    let out = ''
    let zero = false
    for (let i = 0, d = 1000; i < 4; i++, d /= 10) {
      const digit = Math.floor(v / d) % 10
      if (digit === 0) {
        zero = out !== ''
        continue
      }
      if (zero) out += '零'
      zero = false
      out += DIGITS[digit] + units[i]
    }
    return out
  }
  if (n < 10000) return underTenThousand(n)
  const high = Math.floor(n / 10000)
  const low = n % 10000
  return `${underTenThousand(high).replace(/^一十/, '十')}万${low === 0 ? '' : (low < 1000 ? '零' : '') + underTenThousand(low)}`
}

/** Chinese text as the Mandarin voice should read it. */
export function speakableChinese(text: string): string {
  return (
    text
      // Years: 1927年 → 一九二七年.
      .replace(/(\d{4})(?=\s*年)/g, (y) => [...y].map((d) => DIGITS[Number(d)]).join(''))
      .replace(/(\d+)\s*%/g, (_, n: string) => `百分之${chineseNumber(Number(n))}`)
      .replace(
        /(\d+)\.(\d+)/g,
        (_, i: string, f: string) =>
          `${chineseNumber(Number(i))}点${[...f].map((d) => DIGITS[Number(d)]).join('')}`,
      )
      .replace(/\d+/g, (n) =>
        n.length > 8 ? [...n].map((d) => DIGITS[Number(d)]).join('') : chineseNumber(Number(n)),
      )
      // Quotation and title marks are not spoken.
      .replace(/[「」『』《》“”"]/g, '')
  )
}

/** Sentences, each with its closing punctuation, so pauses fall between them. */
export function sentencesOf(text: string, lang: 'zh' | 'en'): string[] {
  // English ends a sentence only before a space, so "3.5 km" stays whole.
  const parts = lang === 'zh' ? text.split(/(?<=[。！？；!?;])/) : text.split(/(?<=[.!?;])\s+/)
  return parts.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s))
}
