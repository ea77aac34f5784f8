import { describe, expect, it } from 'vitest'
import { confirmedName, NAME_MAX_LENGTH } from '../../../../src/shared/classroom/student-name'

describe('student name', () => {
  it('trims and collapses spaces', () => {
    expect(confirmedName('  lin   7 ', 'x')).toBe('lin 7')
  })

  it('keeps the previous name when the draft is empty or only spaces', () => {
    expect(confirmedName('', '学生42')).toBe('学生42')
    expect(confirmedName('   ', '学生42')).toBe('学生42')
  })

  it('cuts at 24 characters, never leaving a trailing space', () => {
    const long = 'abcdefghij klmnopqrstuv wxyz'
    const name = confirmedName(long, 'x')
    expect(Array.from(name).length).toBeLessThanOrEqual(NAME_MAX_LENGTH)
    expect(name).toBe('abcdefghij klmnopqrstuv')
  })
})
