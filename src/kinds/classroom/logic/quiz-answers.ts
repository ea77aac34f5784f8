// A student's answer sheet as plain data: an answer is pending until graded, a refusal takes pending
// answers back (so the question can be answered again), and solo mode grades locally when the scene
// carries the answer key or asks the server when the key was withheld.

import type { Quiz } from '../../../schema/kinds/classroom'
import { type GradedAnswer, gradeAnswer, summarize } from '../../../shared/classroom/quiz-grader'

export interface MyAnswer {
  choiceIds: string[]
  correct: boolean
  correctChoiceIds: string[]
  /** Sent but not yet graded; a refusal takes it back so the question can be answered again. */
  pending?: boolean
}

export type AnswerSheet = Record<string, MyAnswer>

export function withPending(sheet: AnswerSheet, questionId: string, choiceIds: string[]): AnswerSheet {
  return { ...sheet, [questionId]: { choiceIds, correct: false, correctChoiceIds: [], pending: true } }
}

/** The graded answer replaces the pending one; the choices stay what the student picked. */
export function withGraded(
  sheet: AnswerSheet,
  graded: Pick<GradedAnswer, 'questionId' | 'correct' | 'correctChoiceIds'>,
  choiceIds = sheet[graded.questionId]?.choiceIds ?? [],
): AnswerSheet {
  return {
    ...sheet,
    [graded.questionId]: { choiceIds, correct: graded.correct, correctChoiceIds: graded.correctChoiceIds },
  }
}

/** Answers that were sent but never graded are taken back. */
export function withoutPending(sheet: AnswerSheet): AnswerSheet {
  return Object.fromEntries(Object.entries(sheet).filter(([, a]) => !a.pending))
}

/** How solo mode grades one answer: here with the key, on the server without it, or refused. */
export type SoloGrading =
  | { by: 'local'; graded: GradedAnswer }
  | { by: 'server' }
  | { by: 'refused'; reason: string }

export function soloGrading(quiz: Quiz, questionId: string, choiceIds: readonly string[]): SoloGrading {
  // Served by our server, the scene has no answer key: the server grades. On a static host the browser does.
  if (quiz.answersRedacted) return { by: 'server' }
  const result = gradeAnswer(quiz, questionId, choiceIds)
  return result.ok ? { by: 'local', graded: result.graded } : { by: 'refused', reason: result.reason }
}

/** Solo mode's graded answers with this one recorded (a repeat replaces the earlier one), and the score. */
export function recordSolo(
  quiz: Quiz,
  answers: readonly GradedAnswer[],
  graded: GradedAnswer,
): { answers: GradedAnswer[]; score: { score: number; maxScore: number } } {
  const next = [...answers.filter((a) => a.questionId !== graded.questionId), graded]
  const summary = summarize(quiz, next)
  return { answers: next, score: { score: summary.score, maxScore: summary.maxScore } }
}
