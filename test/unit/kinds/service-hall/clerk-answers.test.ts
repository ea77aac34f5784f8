import { describe, expect, it } from 'vitest'
import { Clerk, questionTerms } from '../../../../src/kinds/service-hall/logic/clerk-answers'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const clerk = new Clerk(hall)

describe('clerk answers', () => {
  it.each([
    // [question, matter the visitor came for, expected topic, expected matter, text the answer must contain]
    ['需要带什么材料？', 'social-security-card', 'materials', 'social-security-card', '居民身份证（原件）'],
    ['多久能办好？', 'social-security-card', 'time', 'social-security-card', '当场办结'],
    ['要收费吗？', 'real-estate-registration', 'fee', 'real-estate-registration', '80元'],
    ['可以网上办吗？', 'company-setup', 'online', 'company-setup', '全程网上'],
    ['社保卡丢了怎么办？', 'social-security-card', 'faq', 'social-security-card', '挂失'],
    ['护照要多少钱？', 'residence-permit', 'fee', 'exit-entry', '120元'],
    ['在哪里办公积金', 'social-security-card', 'where', 'housing-fund-withdrawal', '8号窗口'],
    ['试用期也要交社保吗', 'employee-insurance', 'faq', 'employee-insurance', '试用期包含在劳动合同期限内'],
    ['老年人可以优先吗', 'enquiry', 'faq', 'enquiry', '七十岁以上'],
    ['食品经营许可证有效期多久？', 'food-licence', 'faq', 'food-licence', '五年'],
  ])('%s → %s', (question, matterId, topic, answeredMatter, expected) => {
    const reply = clerk.answer(question, { matterId })
    expect(reply.kind).toBe('answer')
    if (reply.kind !== 'answer') return
    expect(reply.topic).toBe(topic)
    expect(reply.matterId).toBe(answeredMatter)
    expect(reply.text.zh).toContain(expected)
  })

  it('answers English questions in English too', () => {
    const reply = clerk.answer('How long is a passport valid?', { matterId: 'exit-entry' })
    expect(reply.kind === 'answer' && reply.topic).toBe('faq')
    expect(reply.text.en).toContain('ten years')
    const materials = clerk.answer('Which documents do I need to bring?', {
      matterId: 'social-security-card',
    })
    expect(materials.text.en).toContain('Resident ID card')
  })

  it.each([
    '今天天气怎么样？',
    '附近有什么好吃的餐厅？',
    'Can you book me a train ticket to Beijing?',
    '帮我写一份年终总结',
    '',
  ])('falls back politely to the general window for "%s"', (question) => {
    const reply = clerk.answer(question, { matterId: 'social-security-card' })
    expect(reply.kind).toBe('fallback')
    expect(reply.text.zh).toContain('1号综合窗口')
    expect(reply.text.en).toContain('general window')
  })

  it('answers the suggested questions it offers', () => {
    for (const matter of hall.matters) {
      for (const q of clerk.suggestedQuestions(matter.id)) {
        const reply = clerk.answer(q.zh, { matterId: matter.id })
        expect(reply.kind, `${matter.id}: ${q.zh}`).toBe('answer')
        expect(reply.kind === 'answer' && reply.matterId, `${matter.id}: ${q.zh}`).toBe(matter.id)
      }
    }
  })

  it('answers from the catalogue text, never beyond it', () => {
    const reply = clerk.answer('可以帮家人代办吗？', { matterId: 'social-security-card' })
    const faqAnswers = hall.matters.flatMap((m) => m.faqs.map((f) => f.a.zh))
    expect(faqAnswers).toContain(reply.text.zh)
  })

  it('drops function words from question terms', () => {
    expect(questionTerms('需要带什么材料？')).toEqual(['材料'])
    expect(questionTerms('What is the fee?')).toEqual(['fee'])
  })
})
