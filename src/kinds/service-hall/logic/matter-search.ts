// Finds matters by Chinese, full pinyin or pinyin initials ("社保", "shebao", "sbk" → 社保卡申领) and by
// English words, over names and aliases. A speller (pinyin-pro, see platform/ui/keyboard/pinyin-speller.ts)
// spells the Chinese; minisearch ranks with BM25. Without a speller, Chinese and English still work.
import MiniSearch from 'minisearch'
import type { Speller } from '../../../platform/ui'
import type { Matter } from '../../../schema/kinds/service-hall'
import { hasHan, textTerms } from './text-terms'

export interface MatterHit {
  matterId: string
  score: number
}

interface MatterDoc {
  id: string
  nameZh: string
  aliasZh: string
  en: string
  namePinyin: string
  aliasPinyin: string
  initials: string
}

/**
 * Every syllable-boundary suffix of the joined spelling, so a prefix search on the query also matches from
 * inside a name: 社保卡申领 → shebaokashenling, baokashenling, …, shenling, ling.
 */
function spellingSuffixes(
  spell: Speller | undefined,
  zh: string,
  pattern: 'pinyin' | 'first',
  minParts: number,
): string[] {
  if (!spell) return []
  const parts = spell(zh, pattern)
    .map((p) => p.toLowerCase())
    .filter((p) => /^[a-z]+$/.test(p))
  const out: string[] = []
  for (let i = 0; i + minParts <= parts.length; i++) out.push(parts.slice(i).join(''))
  return out
}

function toDoc(matter: Matter, spell?: Speller): MatterDoc {
  const aliasesZh = matter.aliases.map((a) => a.zh)
  return {
    id: matter.id,
    nameZh: matter.name.zh,
    aliasZh: aliasesZh.join(' '),
    en: [matter.name.en, ...matter.aliases.map((a) => a.en)].join(' '),
    namePinyin: spellingSuffixes(spell, matter.name.zh, 'pinyin', 1).join(' '),
    aliasPinyin: aliasesZh.flatMap((a) => spellingSuffixes(spell, a, 'pinyin', 1)).join(' '),
    initials: [matter.name.zh, ...aliasesZh].flatMap((a) => spellingSuffixes(spell, a, 'first', 2)).join(' '),
  }
}

const ZH_FIELDS = new Set(['nameZh', 'aliasZh'])

export class MatterSearch {
  private readonly index: MiniSearch<MatterDoc>

  /** `spell` adds pinyin and initials; without it only Chinese characters and English words match. */
  constructor(matters: readonly Matter[], spell?: Speller) {
    this.index = new MiniSearch<MatterDoc>({
      fields: ['nameZh', 'aliasZh', 'en', 'namePinyin', 'aliasPinyin', 'initials'],
      tokenize: (text, field) =>
        field && ZH_FIELDS.has(field) ? textTerms(text, { unigrams: true }) : text.split(/[^a-z0-9]+/i),
      processTerm: (term) => term.toLowerCase() || null,
    })
    this.index.addAll(matters.map((m) => toDoc(m, spell)))
  }

  /** Best matches first; an empty or unmatched query gives []. */
  search(query: string, limit = 5): MatterHit[] {
    const q = query.trim()
    if (!q) return []
    const results = hasHan(q)
      ? this.index.search(q, {
          fields: ['nameZh', 'aliasZh'],
          tokenize: (text) => textTerms(text),
          boost: { nameZh: 2 },
          combineWith: 'OR',
        })
      : this.index.search(q.toLowerCase(), {
          fields: ['en', 'namePinyin', 'aliasPinyin', 'initials'],
          tokenize: (text) => text.split(/[^a-z0-9]+/i).filter(Boolean),
          prefix: true,
          fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
          boost: { namePinyin: 2, initials: 1.5 },
          combineWith: 'AND',
        })
    return results.slice(0, limit).map((r) => ({ matterId: String(r.id), score: r.score }))
  }
}
