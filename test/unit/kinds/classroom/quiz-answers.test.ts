// The answer sheet: pending until graded, refusals take back only what was pending, and solo grading
// picks local, server or refusal from the scene it has.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  recordSolo,
  soloGrading,
  withGraded,
  withoutPending,
  withPending,
} from '../../../../src/kinds/classroom/logic/quiz-answers'
import { ClassroomContent } from '../../../../src/schema/kinds/classroom'

const quiz = ClassroomContent.parse(
  JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8')).classroom,
).quiz
const [first, second] = quiz.questions

describe('answer sheet', () => {
  it('keeps a graded answer and takes back only the pending one', () => {
    let sheet = withPending({}, 'a', ['x'])
    expect(sheet.a.pending).toBe(true)
    sheet = withGraded(sheet, { questionId: 'a', correct: true, correctChoiceIds: ['x'] })
    expect(sheet.a).toEqual({ choiceIds: ['x'], correct: true, correctChoiceIds: ['x'] })
    sheet = withPending(sheet, 'b', ['y'])
    expect(Object.keys(withoutPending(sheet))).toEqual(['a'])
  })
})

describe('solo grading', () => {
  it('grades locally with the key, asks the server without it, and refuses nonsense', () => {
    const right = first.correct ?? []
    const local = soloGrading(quiz, first.id, right)
    expect(local.by).toBe('local')
    if (local.by === 'local') expect(local.graded.correct).toBe(true)
    expect(soloGrading({ ...quiz, answersRedacted: true }, first.id, right)).toEqual({ by: 'server' })
    expect(soloGrading(quiz, first.id, ['no-such-choice']).by).toBe('refused')
  })

  it('scores each question once, a repeat replacing the earlier answer', () => {
    const graded = (q: typeof first, ok: boolean) => {
      const result = soloGrading(
        quiz,
        q.id,
        ok ? (q.correct ?? []) : [q.choices.find((c) => !q.correct?.includes(c.id))?.id ?? ''],
      )
      if (result.by !== 'local') throw new Error(`expected local grading, got ${result.by}`)
      return result.graded
    }
    let recorded = recordSolo(quiz, [], graded(first, false))
    expect(recorded.score.score).toBe(0)
    recorded = recordSolo(quiz, recorded.answers, graded(first, true))
    recorded = recordSolo(quiz, recorded.answers, graded(second, true))
    expect(recorded.answers).toHaveLength(2)
    expect(recorded.score).toEqual({
      score: first.points + second.points,
      maxScore: quiz.questions.reduce((s, q) => s + q.points, 0),
    })
  })
})
