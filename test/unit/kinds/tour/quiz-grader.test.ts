import { describe, expect, it } from 'vitest'
import {
  answerQuestion,
  gradeQuiz,
  isAnswerCorrect,
  nextQuestion,
  startQuiz,
} from '../../../../src/kinds/tour/logic/quiz-grader'
import type { QuizQuestion } from '../../../../src/schema/kinds/tour'

const t = (zh: string) => ({ zh, en: zh })
const questions: QuizQuestion[] = [
  { id: 'a', prompt: t('一'), options: [t('x'), t('y'), t('z')], answer: 0 },
  { id: 'b', prompt: t('二'), options: [t('x'), t('y')], answer: 1 },
  { id: 'c', prompt: t('三'), options: [t('x'), t('y'), t('z')], answer: 2 },
]

describe('quiz grader', () => {
  it('walks through three questions and scores the answers', () => {
    let s = startQuiz(questions.length)
    s = nextQuestion(answerQuestion(s, questions, 0))
    s = nextQuestion(answerQuestion(s, questions, 0))
    expect(s.finished).toBe(false)
    s = nextQuestion(answerQuestion(s, questions, 2))
    expect(s.finished).toBe(true)
    expect(s.answers).toEqual([0, 0, 2])
    expect(gradeQuiz(questions, s.answers)).toEqual({ correct: 2, total: 3, results: [true, false, true] })
  })

  it('keeps the first answer and will not move on before an answer', () => {
    let s = startQuiz(questions.length)
    expect(nextQuestion(s)).toBe(s)
    s = answerQuestion(s, questions, 1)
    expect(answerQuestion(s, questions, 0).answers[0]).toBe(1)
  })

  it('ignores choices that are not options and answers after the end', () => {
    const s = startQuiz(questions.length)
    expect(answerQuestion(s, questions, 5)).toBe(s)
    expect(answerQuestion(s, questions, -1)).toBe(s)
    expect(answerQuestion(s, questions, 0.5)).toBe(s)
    const done = { ...s, finished: true }
    expect(answerQuestion(done, questions, 0)).toBe(done)
  })

  it('counts unanswered questions as wrong', () => {
    expect(gradeQuiz(questions, [0, null, null]).correct).toBe(1)
    expect(isAnswerCorrect(questions[0], null)).toBe(false)
    expect(startQuiz(0).finished).toBe(true)
  })
})
