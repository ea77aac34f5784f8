// Spells Chinese as toneless pinyin syllables or their initials, via pinyin-pro, so text typed on the
// Latin virtual keyboard ("shebao", "sbk") can be matched against Chinese. Its dictionary is ~150 KB
// gzipped, so callers load this module lazily (import()) and gain pinyin once it arrives.
import { pinyin } from 'pinyin-pro'

/** Toneless pinyin syllables ('pinyin') or their first letters ('first') of the Chinese in `zh`. */
export type Speller = (zh: string, pattern: 'pinyin' | 'first') => string[]

export const pinyinSpeller: Speller = (zh, pattern) =>
  pinyin(zh, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' })
