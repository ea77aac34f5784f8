// Every CSV export shares one field rule: quotes where a comma, quote or line break needs them, and
// a cell a spreadsheet would run as a formula defused and quoted.
import { describe, expect, it } from 'vitest'
import { csvField } from '../../../src/server/http/csv'

describe('csvField', () => {
  it('leaves plain text, and quotes commas, quotes and line breaks', () => {
    expect(csvField('小明')).toBe('小明')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses a leading = + - @ tab or return, as text in quotes', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${lead}cmd|calc`), JSON.stringify(lead)).toBe(`"'${lead}cmd|calc"`)
  })
})
