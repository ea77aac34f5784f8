// Grades quiz answers against the scene's answer key and sums scores. The server is the only caller in a
// shared room (students never receive the key before grading); solo mode calls it locally.
import type { Quiz, QuizQuestion } from '../../schema/kinds/classroom'

export interface GradedAnswer {
  questionId: string
  choiceIds: string[]
  correct: boolean
  /** Points earned: all of the question's points when right, else 0 (all-or-nothing, also for multiple choice). */
  points: number
  maxPoints: number
  /** The right choices, revealed only once this answer is graded. */
  correctChoiceIds: string[]
}

export type GradeResult = { ok: true; graded: GradedAnswer } | { ok: false; reason: string }

/** Grades one answer. Unknown question or choice ids, duplicates, or several picks on a single-choice question are refused. */
export function gradeAnswer(quiz: Quiz, questionId: string, choiceIds: readonly string[]): GradeResult {
  const question = quiz.questions.find((q) => q.id === questionId)
  if (!question) return { ok: false, reason: `unknown question "${questionId}"` }
  const picked = new Set(choiceIds)
  if (picked.size === 0) return { ok: false, reason: 'no choice picked' }
  if (picked.size !== choiceIds.length) return { ok: false, reason: 'duplicate choices' }
  const valid = new Set(question.choices.map((c) => c.id))
  for (const id of picked) if (!valid.has(id)) return { ok: false, reason: `unknown choice "${id}"` }
  if (!question.multiple && picked.size > 1) return { ok: false, reason: 'single-choice question' }
  if (!question.correct) return { ok: false, reason: 'the answer key is held by the server' }
  const key = new Set(question.correct)
  const correct = picked.size === key.size && [...picked].every((id) => key.has(id))
  return {
    ok: true,
    graded: {
      questionId,
      choiceIds: [...choiceIds].sort(),
      correct,
      points: correct ? question.points : 0,
      maxPoints: question.points,
      correctChoiceIds: [...question.correct],
    },
  }
}

export function maxScore(quiz: Quiz): number {
  return quiz.questions.reduce((sum, q) => sum + q.points, 0)
}

export interface ScoreSummary {
  score: number
  maxScore: number
  answered: number
  correct: number
  total: number
}

/** Sums one member's graded answers (one per question; later duplicates are ignored). */
export function summarize(quiz: Quiz, answers: readonly GradedAnswer[]): ScoreSummary {
  const seen = new Set<string>()
  let score = 0
  let correct = 0
  for (const a of answers) {
    if (seen.has(a.questionId)) continue
    seen.add(a.questionId)
    score += a.points
    if (a.correct) correct++
  }
  return { score, maxScore: maxScore(quiz), answered: seen.size, correct, total: quiz.questions.length }
}

/** A question as a student may see it before answering: no answer key, no explanation. */
export interface PublicQuestion {
  id: string
  prompt: QuizQuestion['prompt']
  choices: QuizQuestion['choices']
  multiple: boolean
  points: number
}

export function publicQuestions(quiz: Quiz): PublicQuestion[] {
  return quiz.questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    choices: q.choices,
    multiple: q.multiple,
    points: q.points,
  }))
}
