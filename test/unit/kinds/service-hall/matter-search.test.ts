import { describe, expect, it } from 'vitest'
import { MatterSearch } from '../../../../src/kinds/service-hall/logic/matter-search'
import { pinyinSpeller } from '../../../../src/platform/ui/keyboard/pinyin-speller'
import { loadGovHall } from './gov-hall-scene'

const search = new MatterSearch(loadGovHall().matters, pinyinSpeller)

describe('matter search', () => {
  it.each([
    ['社保', 'social-security-card'],
    ['shebao', 'social-security-card'],
    ['sbk', 'social-security-card'],
    ['护照', 'exit-entry'],
    ['huzhao', 'exit-entry'],
    ['公积金', 'housing-fund-withdrawal'],
    ['gjj', 'housing-fund-withdrawal'],
    ['开公司', 'company-setup'],
    ['居住证', 'residence-permit'],
    ['jzz', 'residence-permit'],
    ['budongchan', 'real-estate-registration'],
    ['医保报销', 'medical-reimbursement'],
    ['上户口', 'birth-registration'],
    ['tuixiu', 'pension-claim'],
    ['passport', 'exit-entry'],
    ['food licence', 'food-licence'],
    ['Social Security', 'social-security-card'],
    ['税', 'tax-invoice'],
  ])('"%s" finds %s first', (query, expected) => {
    expect(search.search(query)[0]?.matterId).toBe(expected)
  })

  it('finds a matter from the middle of its pinyin', () => {
    expect(search.search('shenling').map((h) => h.matterId)).toContain('social-security-card')
  })

  it('returns nothing for empty or unrelated queries', () => {
    expect(search.search('   ')).toEqual([])
    expect(search.search('xyzzyq')).toEqual([])
    expect(search.search('天气')).toEqual([])
  })

  it('ranks better matches higher', () => {
    const hits = search.search('医保报销')
    expect(hits.length).toBeGreaterThan(1)
    expect(hits[0].score).toBeGreaterThan(hits[1].score)
  })

  it('still finds Chinese and English before the speller has loaded', () => {
    const plain = new MatterSearch(loadGovHall().matters)
    expect(plain.search('社保')[0]?.matterId).toBe('social-security-card')
    expect(plain.search('passport')[0]?.matterId).toBe('exit-entry')
    expect(plain.search('sbk')).toEqual([])
  })
})
