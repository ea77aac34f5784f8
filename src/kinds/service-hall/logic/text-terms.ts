// Splits Chinese and English text into search terms: overlapping character pairs for Chinese (the usual
// way to index CJK without a dictionary) and lower-case words for Latin text. Shared by search and the clerk.

const HAN = /\p{Script=Han}/u
const RUN = /\p{Script=Han}+|[a-z0-9]+/giu

/** Character bigrams of every Han run (a lone character stays a unigram) and lower-case Latin words. */
export function textTerms(text: string, options: { unigrams?: boolean } = {}): string[] {
  const terms: string[] = []
  for (const match of text.matchAll(RUN)) {
    const run = match[0]
    if (!HAN.test(run)) {
      terms.push(run.toLowerCase())
      continue
    }
    const chars = [...run]
    if (chars.length === 1 || options.unigrams) terms.push(...chars)
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1])
  }
  return terms
}

export function hasHan(text: string): boolean {
  return HAN.test(text)
}
