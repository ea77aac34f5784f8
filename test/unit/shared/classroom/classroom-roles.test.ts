// Role table and teacher-code checks: what students may not do, what a granted student may, and join decisions.
import { describe, expect, it } from 'vitest'
import {
  ClassroomMessages,
  isClassroomMessageType,
} from '../../../../src/shared/classroom/classroom-messages'
import {
  type ClassroomAction,
  decideJoinRole,
  mayPerform,
} from '../../../../src/shared/classroom/classroom-roles'

const teacher = { role: 'teacher' as const, controlsModel: false }
const student = { role: 'student' as const, controlsModel: false }
const granted = { role: 'student' as const, controlsModel: true }
const actions = Object.keys(ClassroomMessages) as ClassroomAction[]

describe('mayPerform', () => {
  it('lets students only send poses, quiz answers, a raised hand and voice signals', () => {
    expect(actions.filter((a) => mayPerform(student, a)).sort()).toEqual([
      'pose',
      'quiz:answer',
      'voice:hand',
      'voice:signal',
    ])
  })

  it('refuses students slide changes, quiz start and teacher controls', () => {
    for (const a of [
      'slide:set',
      'quiz:start',
      'quiz:end',
      'teacher:kick',
      'teacher:summon',
      'model:grant',
    ] as const)
      expect(mayPerform(student, a)).toBe(false)
  })

  it('lets a granted student move the model, but not place or grant it', () => {
    expect(mayPerform(granted, 'model:pose')).toBe(true)
    expect(mayPerform(granted, 'model:place')).toBe(false)
    expect(mayPerform(granted, 'model:grant')).toBe(false)
  })

  it('lets the teacher do everything except answer the quiz and raise a hand', () => {
    expect(actions.filter((a) => !mayPerform(teacher, a))).toEqual(['quiz:answer', 'voice:hand'])
  })
})

describe('decideJoinRole', () => {
  it('admits students without a code and teachers only with the right code', () => {
    expect(decideJoinRole('student', undefined, '123456')).toEqual({ ok: true, role: 'student' })
    expect(decideJoinRole('teacher', '123456', '123456')).toEqual({ ok: true, role: 'teacher' })
    expect(decideJoinRole('teacher', '123457', '123456')).toMatchObject({ ok: false })
    expect(decideJoinRole('teacher', '12345', '123456')).toMatchObject({ ok: false })
    expect(decideJoinRole('teacher', undefined, '123456')).toMatchObject({ ok: false })
    expect(decideJoinRole('teacher', '', '')).toMatchObject({ ok: false })
  })
})

describe('ClassroomMessages', () => {
  it('accepts well-formed messages and rejects malformed ones', () => {
    const pose = [0, 1.6, 0, 0, 0, 0, 1]
    expect(ClassroomMessages.pose.safeParse({ head: pose }).success).toBe(true)
    expect(ClassroomMessages.pose.safeParse({ head: [0, 1.6, 0] }).success).toBe(false)
    expect(ClassroomMessages.pose.safeParse({ head: [Number.NaN, 1, 0, 0, 0, 0, 1] }).success).toBe(false)
    expect(ClassroomMessages['slide:set'].safeParse({ index: 2 }).success).toBe(true)
    expect(ClassroomMessages['slide:set'].safeParse({ index: -1 }).success).toBe(false)
    expect(ClassroomMessages['slide:set'].safeParse({ index: '2' }).success).toBe(false)
    expect(ClassroomMessages['slide:set'].safeParse({ index: 1, extra: true }).success).toBe(false)
    expect(ClassroomMessages['annotation:add'].safeParse({ points: [0, 0, 1] }).success).toBe(false)
    expect(ClassroomMessages['quiz:answer'].safeParse({ questionId: 'q', choiceIds: [] }).success).toBe(false)
    expect(isClassroomMessageType('slide:set')).toBe(true)
    expect(isClassroomMessageType('__proto__')).toBe(false)
    expect(isClassroomMessageType(3)).toBe(false)
  })
})
