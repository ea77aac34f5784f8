// What the synthesiser is given: Chinese numbers in characters (eSpeak NG's Mandarin voice reads
// Arabic digits in English), and text cut into sentences so pauses fall between them.
import { describe, expect, it } from 'vitest'
import { chineseNumber, sentencesOf, speakableChinese } from '../../../scripts/assets/speech-text'

describe('speech text', () => {
  it('writes numbers as a Chinese speaker says them', () => {
    expect([0, 7, 10, 15, 20, 35, 105, 110, 1005, 2020, 12000, 10500, 100000].map(chineseNumber)).toEqual([
      '零',
      '七',
      '十',
      '十五',
      '二十',
      '三十五',
      '一百零五',
      '一百一十',
      '一千零五',
      '二千零二十',
      '一万二千',
      '一万零五百',
      '十万',
    ])
  })

  it('reads years digit by digit, and percentages and decimals in full', () => {
    expect(speakableChinese('1927年8月1日，2万余人用时4.5小时，占50%。')).toBe(
      '一九二七年八月一日，二万余人用时四点五小时，占百分之五十。',
    )
    expect(speakableChinese('「八一」《决议》')).toBe('八一决议')
  })

  it('cuts sentences after their closing mark, keeping decimals whole in English', () => {
    expect(sentencesOf('第一句。第二句！第三？', 'zh')).toEqual(['第一句。', '第二句！', '第三？'])
    expect(sentencesOf('It is 3.5 km. Go on! Yes', 'en')).toEqual(['It is 3.5 km.', 'Go on!', 'Yes'])
    expect(sentencesOf('。。', 'zh')).toEqual([])
  })
})
