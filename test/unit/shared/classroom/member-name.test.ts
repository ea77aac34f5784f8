import { describe, expect, it } from 'vitest'
import {
  impersonatesTeacher,
  nameKey,
  normalizeMemberName,
} from '../../../../src/shared/classroom/student-name'

describe('normalizeMemberName', () => {
  it('drops bidi overrides, zero-width and control characters and folds look-alikes', () => {
    expect(normalizeMemberName('Bo\u202Egnp.exe')).toBe('Bognp.exe')
    expect(normalizeMemberName('B\u200Bo\u2060\u200D')).toBe('Bo')
    expect(normalizeMemberName('\u0007 小明 \n 同学 ')).toBe('小明 同学')
    expect(normalizeMemberName('ＢＯ')).toBe('BO')
    expect(normalizeMemberName('\u202E\u200B')).toBe('')
  })

  it('compares names case- and space-insensitively', () => {
    expect(nameKey('Bo Wang')).toBe(nameKey('bowang'))
    expect(nameKey('ｂｏ')).toBe(nameKey('BO'))
  })

  it('spots a student claiming the teacher', () => {
    expect(impersonatesTeacher('老师 Teacher')).toBe(true)
    expect(impersonatesTeacher('王老师')).toBe(true)
    expect(impersonatesTeacher('T e a c h e r')).toBe(true)
    expect(impersonatesTeacher('ＴＥＡＣＨＥＲ')).toBe(true)
    expect(impersonatesTeacher('小明')).toBe(false)
  })
})
