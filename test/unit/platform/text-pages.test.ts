import { describe, expect, it } from 'vitest'
import { charWidthEm } from '../../../src/platform/ui/cjk-line-break'
import { textPages } from '../../../src/platform/ui/text-pages'

const width = (line: string) => [...line].reduce((sum, ch) => sum + charWidthEm(ch), 0)
const lines = (pages: string[]) => pages.map((p) => p.split('\n'))

// The hall's reply about a company's documents, at the clerk panel's width: wrapped whole, its fifth line
// ended "、经" and the next page began "营场所" (a page turned in the middle of a word).
const MATERIALS =
  '办理「企业开办」需要携带：居民身份证（原件）、公司登记（备案）申请书（可在自助区或网上填写）、' +
  '公司章程（全体股东签署）、经营场所使用证明（产权证明或租赁合同）。'
const EM = 12.75

describe('text pages', () => {
  it('end a page after a list item, not inside the next one', () => {
    const pages = textPages(MATERIALS, EM, 5)
    expect(pages).toHaveLength(2)
    expect(pages[0].replaceAll('\n', '').endsWith('公司章程（全体股东签署）、')).toBe(true)
    expect(pages[1].startsWith('经营场所使用证明')).toBe(true)
    for (const page of lines(pages)) {
      expect(page.length).toBeLessThanOrEqual(5)
      // Closing punctuation may hang past the edge, as wrapCjk hangs it.
      for (const line of page) expect(width(line.replace(/[，。、；：）」]$/, ''))).toBeLessThanOrEqual(EM)
    }
    expect(pages.join('').replaceAll('\n', '')).toBe(MATERIALS)
  })

  it('never break inside brackets, though they hold a comma', () => {
    // At 10 ems the bracket's "、" is the last mark that fits two lines; the page ends before the bracket.
    const text = '请携带：经营场所平面图（标明加工、就餐区域），以及管理人员名单和食品安全管理制度。'
    const pages = textPages(text, 10, 2)
    expect(pages.map((p) => p.replaceAll('\n', ''))).toEqual([
      '请携带：',
      '经营场所平面图（标明加工、就餐区域），',
      '以及管理人员名单和食品安全管理制度。',
    ])
  })

  it('end an English page after a clause, keep list numbers with their item and every word once', () => {
    const text =
      'The steps: 1. Declare the company name online or here; 2. Hand in the registration documents; ' +
      '3. Collect the business licence once approved; 4. Seal engraving and tax information are handled ' +
      'in the same visit.'
    const pages = textPages(text, EM, 5)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages.slice(0, -1)) expect(page).toMatch(/[;:,.]$/)
    for (const page of pages) expect(page).not.toMatch(/\d\.$/)
    expect(pages.join(' ').replace(/\s+/g, ' ')).toBe(text)
  })

  it('cut a clause longer than a page after its last line, and leave no page under half full', () => {
    const text = `短句，${'一'.repeat(40)}。`
    const pages = textPages(text, 8, 4)
    for (const page of lines(pages)) expect(page.length).toBeLessThanOrEqual(4)
    // "短句，" alone would be one line of four: the page is filled instead.
    expect(pages[0].split('\n')).toHaveLength(4)
    expect(pages.join('').replaceAll('\n', '')).toBe(text)
  })

  it('split a long narration into subtitle pages of two lines, in order and complete', () => {
    const zh =
      '前方的纪念碑，纪念为民族独立和人民解放献出生命的革命先烈。碑身高三十七米，正面镌刻着题词。'.repeat(2)
    const pages = textPages(zh, 25, 2)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of lines(pages)) expect(page.length).toBeLessThanOrEqual(2)
    expect(pages.join('').replaceAll('\n', '')).toBe(zh)
    const en = 'The monument ahead honours those who gave their lives. '.repeat(4).trim()
    const enPages = textPages(en, 25, 2)
    for (const page of lines(enPages)) expect(page.length).toBeLessThanOrEqual(2)
    expect(enPages.join(' ').replace(/\s+/g, ' ')).toBe(en)
  })

  it('keep a text that fits on one page', () => {
    expect(textPages('  您好，请问办什么业务？ ', EM, 5)).toEqual(['您好，请问办什么业务？'])
    expect(textPages('', EM, 5)).toEqual([''])
  })
})
