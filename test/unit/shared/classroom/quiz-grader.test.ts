// Grading against the real classroom scene's quiz plus edge cases: wrong, partial and malformed answers.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClassroomContent } from '../../../../src/schema/kinds/classroom'
import {
  gradeAnswer,
  maxScore,
  publicQuestions,
  summarize,
} from '../../../../src/shared/classroom/quiz-grader'

const scene = JSON.parse(
  readFileSync(new URL('../../../../scenes/classroom/scene.json', import.meta.url), 'utf8'),
)
const quiz = ClassroomContent.parse(scene.classroom).quiz

describe('gradeAnswer', () => {
  it('gives full points for the right single choice and none for a wrong one', () => {
    const right = gradeAnswer(quiz, 'largest-planet', ['jupiter'])
    expect(right).toMatchObject({
      ok: true,
      graded: { correct: true, points: 1, maxPoints: 1, correctChoiceIds: ['jupiter'] },
    })
    const wrong = gradeAnswer(quiz, 'largest-planet', ['saturn'])
    expect(wrong).toMatchObject({ ok: true, graded: { correct: false, points: 0 } })
  })

  it('grades multiple choice all-or-nothing, independent of order', () => {
    expect(gradeAnswer(quiz, 'water-atoms', ['oxygen', 'hydrogen'])).toMatchObject({
      ok: true,
      graded: { correct: true, points: 2 },
    })
    expect(gradeAnswer(quiz, 'water-atoms', ['hydrogen'])).toMatchObject({
      ok: true,
      graded: { correct: false, points: 0 },
    })
    expect(gradeAnswer(quiz, 'water-atoms', ['hydrogen', 'oxygen', 'carbon'])).toMatchObject({
      ok: true,
      graded: { correct: false },
    })
  })

  it('refuses unknown questions, unknown or duplicate choices, and several picks on single choice', () => {
    expect(gradeAnswer(quiz, 'nope', ['a'])).toEqual({ ok: false, reason: 'unknown question "nope"' })
    expect(gradeAnswer(quiz, 'largest-planet', ['pluto'])).toMatchObject({ ok: false })
    expect(gradeAnswer(quiz, 'largest-planet', [])).toMatchObject({ ok: false })
    expect(gradeAnswer(quiz, 'water-atoms', ['oxygen', 'oxygen'])).toMatchObject({
      ok: false,
      reason: 'duplicate choices',
    })
    expect(gradeAnswer(quiz, 'largest-planet', ['jupiter', 'earth'])).toMatchObject({
      ok: false,
      reason: 'single-choice question',
    })
  })
})

describe('summarize', () => {
  it('sums points, counts each question once and reports the maximum', () => {
    const answers = [
      gradeAnswer(quiz, 'largest-planet', ['jupiter']),
      gradeAnswer(quiz, 'largest-planet', ['earth']),
      gradeAnswer(quiz, 'water-atoms', ['hydrogen', 'oxygen']),
      gradeAnswer(quiz, 'planet-count', ['nine']),
    ].flatMap((r) => (r.ok ? [r.graded] : []))
    expect(summarize(quiz, answers)).toEqual({ score: 3, maxScore: 5, answered: 3, correct: 2, total: 4 })
    expect(maxScore(quiz)).toBe(5)
  })
})

describe('publicQuestions', () => {
  it('never carries the answer key or explanations', () => {
    const text = JSON.stringify(publicQuestions(quiz))
    expect(text).not.toContain('correct')
    expect(text).not.toContain('explanation')
    expect(publicQuestions(quiz)).toHaveLength(quiz.questions.length)
  })
})

describe('quiz schema', () => {
  it('rejects an answer key that names a missing choice or two answers on single choice', () => {
    const base = scene.classroom
    const broken = structuredClone(base)
    broken.quiz.questions[0].correct = ['pluto']
    expect(ClassroomContent.safeParse(broken).success).toBe(false)
    const two = structuredClone(base)
    two.quiz.questions[0].correct = ['jupiter', 'earth']
    expect(ClassroomContent.safeParse(two).success).toBe(false)
  })
})
