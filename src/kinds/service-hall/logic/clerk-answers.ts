// The window clerk's answers, offline and only from the catalogue: a matching FAQ, or the matter's own
// materials / time limit / fee / online / steps / window. Anything else gets a polite referral to the
// general window (综合窗口); the clerk never makes an answer up.
import MiniSearch from 'minisearch'
import type { LocalizedText } from '../../../schema/common'
import type { Matter, ServiceHallContent } from '../../../schema/kinds/service-hall'
import { textTerms } from './text-terms'

export type ClerkTopic = 'faq' | 'materials' | 'time' | 'fee' | 'online' | 'steps' | 'where'

export type ClerkReply =
  | { kind: 'answer'; matterId: string; topic: ClerkTopic; text: LocalizedText }
  | { kind: 'fallback'; text: LocalizedText }

type Catalogue = Pick<ServiceHallContent, 'matters' | 'materials' | 'layout'>

/** Characters that carry no topic in a question; a bigram made only of them, or holding one, is ignored. */
const FUNCTION_CHARS = new Set([
  ...'了吗呢的么怎什我你您他她吧啊是要可以能会有在和也都还就这那哪个一些请问办理',
])
const ENGLISH_STOP = new Set(
  'a an the i me my you your we our it is are am be do does did can could will would should may might must to of for in on at by with and or if what when how which who why where there this that get got have has please'.split(
    ' ',
  ),
)

/** The question's topical terms: Chinese bigrams without function characters, English words without stopwords. */
export function questionTerms(text: string): string[] {
  const terms = textTerms(text).filter((t) => {
    if (/^[a-z0-9]+$/.test(t)) return !ENGLISH_STOP.has(t) && t.length > 1
    return ![...t].some((c) => FUNCTION_CHARS.has(c))
  })
  return [...new Set(terms)]
}

const TOPIC_PATTERNS: [Exclude<ClerkTopic, 'faq'>, RegExp][] = [
  ['materials', /材料|带什么|带哪些|准备什么|要带|需要什么|证件|\b(materials?|documents?|bring|papers)\b/i],
  ['time', /多久|几天|多长时间|时限|多少天|几个工作日|\b(how long|how many days|time limit|how soon)\b/i],
  ['fee', /收费|多少钱|费用|要钱|花钱|免费|\b(cost|fees?|how much|charged?|free)\b/i],
  ['online', /网上|在线|线上|手机上|不用跑|\b(online|internet|website|app)\b/i],
  ['steps', /流程|步骤|怎么办理|如何办理|手续|\b(steps|process|procedure|how (do|can) i (apply|do it))\b/i],
  ['where', /哪个窗口|几号窗口|在哪|去哪|哪里办|哪个部门|\b(which window|where|which department)\b/i],
]

/** FAQ hits below this share of the question's topical terms are not trusted. */
const FAQ_COVERAGE = 0.5

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]/gu, '')
}

interface FaqDoc {
  id: string
  matterId: string
  index: number
  text: string
}

export class Clerk {
  private readonly faqs: MiniSearch<FaqDoc>
  private readonly faqTerms = new Map<string, Set<string>>()
  /** FAQ questions word for word (suggested questions are picked as they are written). */
  private readonly exactFaq = new Map<string, Extract<ClerkReply, { kind: 'answer' }>>()

  constructor(private readonly catalogue: Catalogue) {
    this.faqs = new MiniSearch<FaqDoc>({
      fields: ['text'],
      storeFields: ['matterId', 'index'],
      tokenize: (text) => questionTerms(text),
      processTerm: (t) => t,
    })
    const docs: FaqDoc[] = catalogue.matters.flatMap((m) =>
      m.faqs.map((faq, index) => ({
        id: `${m.id}#${index}`,
        matterId: m.id,
        index,
        text: `${faq.q.zh} ${faq.q.en}`,
      })),
    )
    for (const d of docs) this.faqTerms.set(d.id, new Set(questionTerms(d.text)))
    for (const m of catalogue.matters)
      for (const faq of m.faqs)
        for (const text of [faq.q.zh, faq.q.en])
          if (text)
            this.exactFaq.set(normalise(text), { kind: 'answer', matterId: m.id, topic: 'faq', text: faq.a })
    this.faqs.addAll(docs)
  }

  /** The general window's number, for the fallback. */
  generalWindowNumber(): number {
    return this.catalogue.layout.windows.find((w) => w.general)?.number ?? 1
  }

  /** Questions a visitor can pick at this matter's window: the standard topics, then its FAQs. */
  suggestedQuestions(matterId: string): LocalizedText[] {
    const matter = this.matter(matterId)
    if (!matter) return []
    return [
      { zh: '需要带什么材料？', en: 'Which documents do I need to bring?' },
      { zh: '多久能办好？', en: 'How long does it take?' },
      { zh: '要收费吗？', en: 'Is there a fee?' },
      { zh: '可以网上办吗？', en: 'Can I do it online?' },
      ...matter.faqs.map((f) => f.q),
    ]
  }

  /**
   * Answers `question` asked at a window. `matterId` is the matter the visitor came for; a question that
   * names another matter (by name or alias) is answered about that one instead.
   */
  answer(question: string, context: { matterId?: string; windowId?: string } = {}): ClerkReply {
    const q = question.trim()
    if (!q) return this.fallback()
    const exact = this.exactFaq.get(normalise(q))
    if (exact) return exact
    const mentioned = this.mentionedMatter(q, context.windowId)
    const matter = mentioned ?? this.matter(context.matterId) ?? this.windowMatter(context.windowId)
    // The words that named the matter say which matter, not what about it; they must not make an FAQ match.
    const nameTerms = new Set(
      mentioned
        ? [mentioned.name, ...mentioned.aliases].flatMap((t) => questionTerms(`${t.zh} ${t.en}`))
        : [],
    )
    const terms = questionTerms(q).filter((t) => !nameTerms.has(t))

    // A close FAQ match wins over a generic topic ("社保卡丢了怎么办" is not about the steps), but one shared
    // word is only enough when the FAQ belongs to the matter in hand ("多久" alone is a time question).
    const faq = this.bestFaq(terms, matter?.id)
    if (faq && faq.coverage >= 0.75 && (faq.matched >= 2 || faq.reply.matterId === matter?.id))
      return faq.reply
    const topic = TOPIC_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0]
    if (topic && matter)
      return { kind: 'answer', matterId: matter.id, topic, text: this.topicAnswer(matter, topic) }
    if (faq && faq.coverage >= FAQ_COVERAGE) return faq.reply
    return this.fallback()
  }

  /** Every answer this clerk can give, named, so each can be voiced ahead of time. */
  allAnswers(): { id: string; text: LocalizedText }[] {
    const topics: Exclude<ClerkTopic, 'faq'>[] = ['materials', 'time', 'fee', 'online', 'steps', 'where']
    return [
      ...this.catalogue.matters.flatMap((m) => [
        ...topics.map((topic) => ({ id: `clerk-${m.id}-${topic}`, text: this.topicAnswer(m, topic) })),
        ...m.faqs.map((faq, i) => ({ id: `clerk-${m.id}-faq-${i + 1}`, text: faq.a })),
      ]),
      { id: 'clerk-fallback', text: this.fallback().text },
    ]
  }

  fallback(): ClerkReply {
    const n = this.generalWindowNumber()
    return {
      kind: 'fallback',
      text: {
        zh: `抱歉，这个问题我这里没有准确的答案。请到${n}号综合窗口咨询工作人员，他们会帮您。`,
        en: `Sorry, I don't have a reliable answer to that here. Please ask the staff at the general window, number ${n}; they will help you.`,
      },
    }
  }

  private matter(id: string | undefined): Matter | undefined {
    return id ? this.catalogue.matters.find((m) => m.id === id) : undefined
  }

  private windowMatter(windowId: string | undefined): Matter | undefined {
    return windowId ? this.catalogue.matters.find((m) => m.windows.includes(windowId)) : undefined
  }

  /** The matter whose name or alias appears in the question; the longest match wins, this window's first. */
  private mentionedMatter(question: string, windowId?: string): Matter | undefined {
    const lower = question.toLowerCase()
    let best: { matter: Matter; length: number } | undefined
    for (const matter of this.catalogue.matters) {
      const names = [matter.name, ...matter.aliases]
        .flatMap((t) => [t.zh, t.en.toLowerCase()])
        .filter((n) => n.length >= 2)
      for (const name of names) {
        if (!lower.includes(name)) continue
        const length = name.length + (windowId && matter.windows.includes(windowId) ? 0.5 : 0)
        if (!best || length > best.length) best = { matter, length }
      }
    }
    return best?.matter
  }

  private bestFaq(
    terms: string[],
    preferMatterId?: string,
  ): { coverage: number; matched: number; reply: Extract<ClerkReply, { kind: 'answer' }> } | undefined {
    if (terms.length === 0) return undefined
    const hits = this.faqs.search(terms.join(' '), {
      combineWith: 'OR',
      boostDocument: (_id, _term, stored) => (stored?.matterId === preferMatterId ? 1.5 : 1),
    })
    let best:
      | { coverage: number; matched: number; score: number; matterId: string; index: number }
      | undefined
    for (const hit of hits.slice(0, 5)) {
      const faqTerms = this.faqTerms.get(String(hit.id)) ?? new Set<string>()
      const matched = terms.filter((t) => faqTerms.has(t)).length
      const coverage = matched / terms.length
      if (!best || coverage > best.coverage || (coverage === best.coverage && hit.score > best.score))
        best = {
          coverage,
          matched,
          score: hit.score,
          matterId: String(hit.matterId),
          index: Number(hit.index),
        }
    }
    const matter = best && this.matter(best.matterId)
    if (!best || !matter) return undefined
    return {
      coverage: best.coverage,
      matched: best.matched,
      reply: { kind: 'answer', matterId: matter.id, topic: 'faq', text: matter.faqs[best.index].a },
    }
  }

  private topicAnswer(matter: Matter, topic: Exclude<ClerkTopic, 'faq'>): LocalizedText {
    const name = matter.name
    switch (topic) {
      case 'materials': {
        const items = matter.materials
          .map((id) => this.catalogue.materials.find((m) => m.id === id))
          .filter((m) => m !== undefined)
        return {
          zh: `办理「${name.zh}」需要携带：${items.map((m) => (m.note ? `${m.name.zh}（${m.note.zh}）` : m.name.zh)).join('、')}。`,
          en: `For ${name.en}, please bring: ${items.map((m) => (m.note?.en ? `${m.name.en} (${m.note.en})` : m.name.en)).join('; ')}.`,
        }
      }
      case 'time': {
        const { statutoryDays, promisedDays } = matter.timeLimit
        return {
          zh: `「${name.zh}」法定办理时限为${statutoryDays}个工作日，本中心承诺${promisedDays === 0 ? '当场办结' : `${promisedDays}个工作日内办结`}。`,
          en: `The statutory time limit for ${name.en} is ${statutoryDays} working days; this centre promises ${promisedDays === 0 ? 'to finish it on the spot' : `to finish within ${promisedDays} working days`}.`,
        }
      }
      case 'fee':
        return { zh: `「${name.zh}」的收费：${matter.fee.zh}。`, en: `Fee for ${name.en}: ${matter.fee.en}.` }
      case 'online': {
        const zh = { full: '可以全程网上办理', partial: '可以部分网上办理', none: '需要到现场办理' }[
          matter.online.mode
        ]
        const en = { full: 'Yes, fully online', partial: 'Partly online', none: 'It must be done in person' }[
          matter.online.mode
        ]
        return { zh: `${zh}：${matter.online.note.zh}。`, en: `${en}: ${matter.online.note.en}.` }
      }
      case 'steps':
        return {
          zh: `办理流程：${matter.steps.map((s, i) => `${i + 1}. ${s.zh}`).join('；')}。`,
          en: `The steps: ${matter.steps.map((s, i) => `${i + 1}. ${s.en}`).join('; ')}.`,
        }
      case 'where': {
        const windows = matter.windows
          .map((id) => this.catalogue.layout.windows.find((w) => w.id === id))
          .filter((w) => w !== undefined)
        return {
          zh: `「${name.zh}」由${matter.department.zh}办理，请到${windows.map((w) => `${w.number}号窗口（${w.area.zh}）`).join('或')}。`,
          en: `${name.en} is handled by the ${matter.department.en}; please go to ${windows.map((w) => `window ${w.number} (${w.area.en})`).join(' or ')}.`,
        }
      }
    }
  }
}
