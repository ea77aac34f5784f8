// The quiz answer key stays on the server: the copy of a classroom scene that browsers receive has
// no right choices and no explanations, and solo visitors are graded through a route instead.
import type { SceneRedactor } from '../module'

export const redactClassroomAnswers: SceneRedactor = (scene) => {
  if (scene.kind !== 'classroom') return scene
  const classroom = scene.classroom as { quiz?: { questions?: Record<string, unknown>[] } } | undefined
  if (!classroom?.quiz || !Array.isArray(classroom.quiz.questions)) return scene
  const questions = classroom.quiz.questions.map(({ correct: _c, explanation: _e, ...rest }) => rest)
  return {
    ...scene,
    classroom: { ...classroom, quiz: { ...classroom.quiz, questions, answersRedacted: true } },
  }
}
