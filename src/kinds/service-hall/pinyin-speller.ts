// Spells Chinese as toneless pinyin syllables or their initials, via pinyin-pro. Its dictionary is
// ~150 KB gzipped, so the app loads this module lazily (import()) and search gains pinyin once it arrives.
import { pinyin } from 'pinyin-pro'
import type { Speller } from './matter-search'

export const pinyinSpeller: Speller = (zh, pattern) =>
  pinyin(zh, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' })
