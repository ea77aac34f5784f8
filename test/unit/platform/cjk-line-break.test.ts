import { describe, expect, it } from 'vitest'
import { charWidthEm, wrapCjk } from '../../../src/platform/ui/cjk-line-break'

const lineWidth = (line: string) => [...line].reduce((sum, ch) => sum + charWidthEm(ch), 0)

describe('Chinese line breaking', () => {
  it('breaks between Chinese characters to fit the width', () => {
    const lines = wrapCjk('南昌起义打响了武装反抗国民党反动派的第一枪', 8).split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(8)
    expect(lines.join('')).toBe('南昌起义打响了武装反抗国民党反动派的第一枪')
  })

  it('never starts a line with closing punctuation: it hangs on the line before', () => {
    // The comma falls exactly where the line is full.
    const text = '一二三四五六七八，九十'
    const lines = wrapCjk(text, 8).split('\n')
    for (const line of lines) expect('，。、；：？！）》”'.includes(line[0])).toBe(false)
    expect(lines[0]).toBe('一二三四五六七八，')
  })

  it('does not end a line with an opening bracket', () => {
    const lines = wrapCjk('一二三四五六七《八九十》', 8).split('\n')
    for (const line of lines) expect(line.endsWith('《')).toBe(false)
  })

  it('keeps Latin words whole inside Chinese text and keeps explicit newlines', () => {
    const out = wrapCjk('欢迎来到 WebXR 展示平台\n第二段', 6)
    expect(out).toContain('WebXR')
    expect(out.split('\n')).toContain('第二段')
  })

  it("leaves no character alone on a paragraph's last line: it takes the last of the line before along", () => {
    // Wrapped by width alone, the last line would be "常。".
    const text = '检查办公楼用电与空调运行，确认室内空气质量正常。'
    const lines = wrapCjk(text, 22).split('\n')
    expect(lines).toEqual(['检查办公楼用电与空调运行，确认室内空气质量', '正常。'])
    expect(lines.join('')).toBe(text)
    // Latin text and a last line of two characters are left as they are.
    expect(wrapCjk('一二三四五六七八九十', 8)).toBe('一二三四五六七八\n九十')
  })
})
