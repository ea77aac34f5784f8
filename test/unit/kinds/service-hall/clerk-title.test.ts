import { describe, expect, it } from 'vitest'
import { clerkTitle } from '../../../../src/kinds/service-hall/logic/clerk-title'
import { wrapCjk } from '../../../../src/platform/ui/cjk-line-break'

// The panel's measure: 0.39 m of text at 85 %, 0.028 m type (ClerkPanel.tsx).
const LINE_EM = (0.39 * 0.85) / 0.028
const wrap = (text: string) => wrapCjk(text, LINE_EM)

describe('the clerk panel title', () => {
  it('keeps a short title on one line', () => {
    expect(clerkTitle({ window: '2号窗口', area: '企业开办' }, wrap)).toBe('2号窗口 · 企业开办')
  })

  it("puts an area that does not fit beside the window's number whole on the next line, never split at its hyphen", () => {
    const title = clerkTitle({ window: 'Window 2', area: 'Business Start-up' }, wrap)
    expect(title).toBe('Window 2\nBusiness Start-up')
  })

  it('adds the matter as a line of its own, wrapped at the same measure', () => {
    const title = clerkTitle(
      {
        window: 'Window 2',
        area: 'Business Start-up',
        matter: 'Opening a restaurant: food business licence',
      },
      wrap,
    )
    const lines = title.split('\n')
    expect(lines.slice(0, 2)).toEqual(['Window 2', 'Business Start-up'])
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.slice(2).join(' ')).toBe('Opening a restaurant: food business licence')
    expect(lines.every((line) => !line.endsWith('-'))).toBe(true)
  })

  it("leaves the matter out where the window's area already names it", () => {
    expect(clerkTitle({ window: '2号窗口', area: '企业开办', matter: '企业开办' }, wrap)).toBe(
      '2号窗口 · 企业开办',
    )
  })
})
