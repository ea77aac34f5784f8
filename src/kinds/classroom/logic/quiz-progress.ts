// The quiz panel's progress line in words: which question of how many, and the points so far out of the
// quiz's total. "题 2/4 得分 1/5" put a question count beside a point count with nothing to tell
// them apart; each number now carries its unit.
import type { LocalizedText } from '../../../schema/common'

export interface QuizProgress {
  /** 0-based index of the question shown. */
  index: number
  total: number
  /** Points so far and the quiz's total points, once anything is graded. */
  score: { score: number; maxScore: number } | null
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en })

export const QUIZ_PROGRESS_STRINGS = {
  question: t('第 {n} 题（共 {total} 题）', 'Question {n} of {total}'),
  score: t('已得 {score} 分（满分 {max} 分）', 'Score: {score} of {max} points'),
  scoreOne: t('已得 {score} 分（满分 {max} 分）', 'Score: {score} of {max} point'),
  final: t('总分 {score} 分（满分 {max} 分）', 'Total: {score} of {max} points'),
} as const

const fill = (text: string, vars: Record<string, number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`))

/** "第 2 题（共 4 题） · 已得 1 分（满分 5 分）" / "Question 2 of 4 · Score: 1 of 5 points". */
export function quizProgressText(p: QuizProgress, lang: 'zh' | 'en'): string {
  const q = fill(QUIZ_PROGRESS_STRINGS.question[lang], { n: p.index + 1, total: p.total })
  if (!p.score) return q
  const key = p.score.maxScore === 1 ? 'scoreOne' : 'score'
  return `${q} · ${fill(QUIZ_PROGRESS_STRINGS[key][lang], { score: p.score.score, max: p.score.maxScore })}`
}

/** The closing line once every question is answered: "总分 4 分（满分 5 分）". */
export function quizFinalText(score: { score: number; maxScore: number }, lang: 'zh' | 'en'): string {
  return fill(QUIZ_PROGRESS_STRINGS.final[lang], { score: score.score, max: score.maxScore })
}
