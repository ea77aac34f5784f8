import { describe, expect, it } from 'vitest'
import {
  checklistText,
  mergeChecklist,
  orderPlan,
  toggleTick,
} from '../../../../src/kinds/service-hall/logic/checklist-merge'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const restaurant = ['food-licence', 'tax-invoice', 'company-setup', 'employee-insurance']

describe('checklist merge', () => {
  it('lists each material once, with every matter that needs it', () => {
    const list = mergeChecklist(hall, restaurant)
    const ids = list.items.map((i) => i.materialId)
    expect(new Set(ids).size).toBe(ids.length)
    const allRequested = restaurant.flatMap((id) => hall.matters.find((m) => m.id === id)?.materials ?? [])
    expect(ids.sort()).toEqual([...new Set(allRequested)].sort())
    expect(allRequested.length).toBeGreaterThan(ids.length)
    const idCard = list.items.find((i) => i.materialId === 'id-card')
    expect(idCard?.neededBy).toEqual(['food-licence', 'tax-invoice', 'company-setup'])
  })

  it('marks the business licence as issued on the way by enterprise start-up', () => {
    const list = mergeChecklist(hall, restaurant)
    expect(list.items.find((i) => i.materialId === 'business-licence')?.producedBy).toBe('company-setup')
    expect(list.items.find((i) => i.materialId === 'id-card')?.producedBy).toBeUndefined()
    // Without a matter that issues it, the visitor must bring it.
    const alone = mergeChecklist(hall, ['food-licence'])
    expect(alone.items.find((i) => i.materialId === 'business-licence')?.producedBy).toBeUndefined()
  })

  it('skips unknown matter ids', () => {
    expect(mergeChecklist(hall, ['nope', 'exit-entry']).matters.map((m) => m.id)).toEqual(['exit-entry'])
  })

  it('ticks and unticks items without mutating', () => {
    const none = new Set<string>()
    const one = toggleTick(none, 'id-card')
    expect(none.size).toBe(0)
    expect(one.has('id-card')).toBe(true)
    expect(toggleTick(one, 'id-card').has('id-card')).toBe(false)
  })

  it('renders plain text with windows, ticket and ticks in both languages', () => {
    const list = mergeChecklist(hall, restaurant)
    const windows = new Map(hall.layout.windows.map((w) => [w.id, w.number]))
    const zh = checklistText(list, 'zh', { windows, ticket: 'C020', ticked: new Set(['id-card']) })
    expect(zh).toContain('排队号: C020')
    expect(zh).toContain('食品经营许可 → 4号窗口')
    expect(zh).toContain('[x] 居民身份证（原件）')
    expect(zh).toContain('[ ] 营业执照（正本或副本） *办理中取得')
    expect(zh.match(/居民身份证/g)?.length).toBe(1)
    const en = checklistText(list, 'en', { windows })
    expect(en).toContain('Enterprise start-up (company registration) → window 2/3')
    // Short enough for a QR code a phone reads easily (UTF-8 bytes).
    expect(new TextEncoder().encode(zh).length).toBeLessThan(1200)
  })

  it('orders a plan so the business licence comes before the matters that need it', () => {
    expect(orderPlan(hall, restaurant)).toEqual([
      'company-setup',
      'food-licence',
      'tax-invoice',
      'employee-insurance',
    ])
    expect(orderPlan(hall, ['exit-entry', 'nope', 'residence-permit'])).toEqual([
      'exit-entry',
      'residence-permit',
    ])
  })
})
