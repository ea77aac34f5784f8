// The classroom's HTTP contracts accept what the client sends and the server answers, and say in words
// what is wrong with anything else.
import { describe, expect, it } from 'vitest'
import {
  CSV_HEADER,
  describeIssue,
  GradeRoute,
  ResultsCsvRoute,
  SessionsRoute,
} from '../../../../src/shared/classroom/http-contracts'

describe('classroom HTTP contracts', () => {
  it('accepts a solo answer and names the field of a malformed one', () => {
    expect(GradeRoute.body.safeParse({ scene: 'classroom', questionId: 'q', choiceIds: ['a'] }).success).toBe(
      true,
    )
    const bad = GradeRoute.body.safeParse({ scene: 'classroom', questionId: 42, choiceIds: ['a'] })
    expect(bad.success).toBe(false)
    if (!bad.success) expect(describeIssue(bad.error)).toMatch(/^questionId: /)
    const badScene = GradeRoute.body.safeParse({ scene: '../etc', questionId: 'q', choiceIds: ['a'] })
    if (!badScene.success)
      expect(describeIssue(badScene.error)).toBe('scene: scene must be a scene id (a-z, 0-9, -)')
    expect(badScene.success).toBe(false)
    expect(GradeRoute.body.safeParse({ scene: 'classroom', questionId: 'q', choiceIds: [] }).success).toBe(
      false,
    )
    expect(
      GradeRoute.body.safeParse({ scene: 'classroom', questionId: 'q', choiceIds: ['a'], x: 1 }).success,
    ).toBe(false)
  })

  it('parses a grading answer and rejects one without the graded answer', () => {
    const graded = {
      questionId: 'q',
      choiceIds: ['a'],
      correct: true,
      points: 1,
      maxPoints: 1,
      correctChoiceIds: ['a'],
    }
    expect(GradeRoute.response.parse({ graded, explanation: { zh: '因为', en: 'Because' } }).graded).toEqual(
      graded,
    )
    expect(GradeRoute.response.safeParse({ graded: { correct: true } }).success).toBe(false)
  })

  it('describes the sessions list and the results CSV', () => {
    const session = {
      id: 'ABCDE-x1',
      roomCode: 'ABCDE',
      scene: 'classroom',
      startedAt: 'now',
      endedAt: null,
      answers: 3,
    }
    expect(SessionsRoute.response.parse({ sessions: [session] }).sessions[0]).toEqual(session)
    expect(ResultsCsvRoute.params.safeParse({ id: 'ABCDE-x1' }).success).toBe(true)
    expect(ResultsCsvRoute.params.safeParse({ id: 'a/b' }).success).toBe(false)
    expect(ResultsCsvRoute.response.safeParse(`\uFEFF${CSV_HEADER}\r\n`).success).toBe(true)
    expect(ResultsCsvRoute.response.safeParse('<html>').success).toBe(false)
  })
})
