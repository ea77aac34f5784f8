// The closing quiz as pure data: one question at a time, answer, see whether it was right, move on, get a score.
import type { QuizQuestion } from '../../../schema/kinds/tour'

export interface QuizSession {
  /** Index of the question on screen; equals the question count once finished. */
  current: number
  /** The chosen option per question, null while unanswered. */
  answers: (number | null)[]
  finished: boolean
}

export interface QuizScore {
  correct: number
  total: number
  /** Per question: answered right? */
  results: boolean[]
}

export function startQuiz(questionCount: number): QuizSession {
  return {
    current: 0,
    answers: Array.from({ length: questionCount }, () => null),
    finished: questionCount === 0,
  }
}

/** Records an answer to the current question. A second answer to the same question is ignored. */
export function answerQuestion(
  session: QuizSession,
  questions: readonly QuizQuestion[],
  choice: number,
): QuizSession {
  if (session.finished) return session
  const question = questions[session.current]
  if (!question || session.answers[session.current] !== null) return session
  if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) return session
  const answers = session.answers.slice()
  answers[session.current] = choice
  return { ...session, answers }
}

/** Moves to the next question once the current one is answered; past the last one the quiz is finished. */
export function nextQuestion(session: QuizSession): QuizSession {
  if (session.finished || session.answers[session.current] === null) return session
  const current = session.current + 1
  return { ...session, current, finished: current >= session.answers.length }
}

export function isAnswerCorrect(question: QuizQuestion, choice: number | null): boolean {
  return choice !== null && choice === question.answer
}

export function gradeQuiz(
  questions: readonly QuizQuestion[],
  answers: readonly (number | null)[],
): QuizScore {
  const results = questions.map((q, i) => isAnswerCorrect(q, answers[i] ?? null))
  return { correct: results.filter(Boolean).length, total: questions.length, results }
}
