// The tour's part of visitor analytics: the time spent at each stop, the tour told to its end, and the
// closing quiz's score. Subscribed after the tour's own start, so a visit restored by a reload does not
// count again what it counted before.
import { track } from '../../platform/analytics'
import { gradeQuiz } from './logic/quiz-grader'
import { tourContent, useTourStore } from './tour-store'

export function watchTourAnalytics(scene: string): () => void {
  let arrivedAt = performance.now()
  // Kept from the start: the tour's content is gone by the time a leaving scene stops this watch.
  const content = tourContent()
  const leaveStop = (index: number) => {
    const stop = content?.stops[index]
    if (stop)
      track({ type: 'tour-stop', scene, stop: stop.id, seconds: (performance.now() - arrivedAt) / 1000 })
  }
  const stopWatching = useTourStore.subscribe((s, previous) => {
    if (s.tour.stopIndex !== previous.tour.stopIndex) {
      if (previous.tour.stopIndex >= 0) leaveStop(previous.tour.stopIndex)
      arrivedAt = performance.now()
    }
    if (s.tour.phase === 'finished' && previous.tour.phase !== 'finished')
      track({ type: 'tour-completed', scene })
    const questions = content?.quiz?.questions
    if (questions && s.quiz.finished && !previous.quiz.finished && questions.length > 0) {
      const { correct, total } = gradeQuiz(questions, s.quiz.answers)
      track({ type: 'quiz-scored', scene, correct, total })
    }
  })
  return () => {
    stopWatching()
    const index = useTourStore.getState().tour.stopIndex
    if (index >= 0) leaveStop(index)
  }
}
