// The classroom's words and notices: the quiz's progress line says which number counts what (it read
// "题 2/4 得分 1/5"), and a student whose movement the teacher locked is told so.
import { describe, expect, it } from 'vitest'
import { S } from '../../../../src/kinds/classroom/classroom-strings'
import { classNotice } from '../../../../src/kinds/classroom/logic/class-notice'
import { quizFinalText, quizProgressText } from '../../../../src/kinds/classroom/logic/quiz-progress'

describe('quizProgressText', () => {
  it('names the question count and the points in both languages', () => {
    const p = { index: 1, total: 4, score: { score: 1, maxScore: 5 } }
    expect(quizProgressText(p, 'zh')).toBe('第 2 题（共 4 题） · 已得 1 分（满分 5 分）')
    expect(quizProgressText(p, 'en')).toBe('Question 2 of 4 · Score: 1 of 5 points')
  })

  it('shows no score before anything is graded, and a total at the end', () => {
    expect(quizProgressText({ index: 0, total: 4, score: null }, 'zh')).toBe('第 1 题（共 4 题）')
    expect(quizFinalText({ score: 4, maxScore: 5 }, 'en')).toBe('Total: 4 of 5 points')
    expect(quizFinalText({ score: 4, maxScore: 5 }, 'zh')).toBe('总分 4 分（满分 5 分）')
  })
})

describe('classNotice', () => {
  const base = {
    mode: 'online',
    role: 'student' as const,
    status: 'online' as const,
    movementLocked: false,
    followId: '',
  }
  it('tells a locked student, in both languages', () => {
    const notice = classNotice({ ...base, movementLocked: true })
    expect(notice).toBe('movementLocked')
    expect(S[notice!].zh).toContain('锁定')
    expect(S[notice!].en).toContain('locked')
  })

  it('tells a student being led, and tells no one else', () => {
    expect(classNotice({ ...base, followId: 'teacher-1' })).toBe('following')
    expect(classNotice(base)).toBeNull()
    expect(classNotice({ ...base, role: 'teacher', movementLocked: true })).toBeNull()
    expect(classNotice({ ...base, mode: 'solo', movementLocked: true })).toBeNull()
  })

  it('tells teacher and student alike that the room dropped, before anything else', () => {
    expect(classNotice({ ...base, status: 'reconnecting', movementLocked: true })).toBe('reconnecting')
    expect(classNotice({ ...base, role: 'teacher', status: 'reconnecting' })).toBe('reconnecting')
    expect(classNotice({ ...base, mode: 'solo', status: 'reconnecting' })).toBeNull()
    expect(S.reconnecting.zh).toContain('重连')
  })
})
