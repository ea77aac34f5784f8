// The closing quiz: one question at a time with option buttons, right/wrong feedback, and the score at the
// end. Logic lives in quiz-grader.ts; this panel only shows the session and forwards presses.
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { Button, Panel, UiText } from '../../../platform/ui'
import type { QuizStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { gradeQuiz, isAnswerCorrect } from '../logic/quiz-grader'
import { advanceQuiz, answerQuiz, restartQuiz, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { StationGroup } from './RoomCulling'

const W = 1.3
const H = 1.05

export function QuizStation({ station, theme }: { station: Station; theme: TourTheme }) {
  const t = useLocalize()
  const lang = useLang()
  const quiz = useTourStore((s) => s.quiz)
  const near = useNearPlayer(station.position, 6)
  const question = station.questions[quiz.current]
  const answer = quiz.answers[quiz.current] ?? null
  const score = gradeQuiz(station.questions, quiz.answers)
  const last = quiz.current === station.questions.length - 1
  return (
    <StationGroup station={station} radius={0.95} name={`quiz:${station.id}`}>
      <Panel width={W} height={H}>
        <UiText
          text={t(station.title)}
          fontSize={0.06}
          color={theme.primary}
          position={[0, H / 2 - 0.07, 0.004]}
        />
        {near && !quiz.finished && question && (
          <group>
            <UiText
              text={fillPlaceholders(t(tourStrings.questionOf), {
                n: quiz.current + 1,
                total: station.questions.length,
              })}
              fontSize={0.035}
              color="#6b5b43"
              position={[0, H / 2 - 0.15, 0.004]}
            />
            <UiText
              text={t(question.prompt)}
              fontSize={0.045}
              maxWidth={W - 0.12}
              position={[0, H / 2 - 0.25, 0.004]}
            />
            {question.options.map((option, i) => (
              <Button
                key={`${question.id}-${i}`}
                label={t(option)}
                width={W - 0.2}
                height={0.085}
                fontSize={0.04}
                position={[0, 0.1 - i * 0.11, 0.01]}
                selected={answer === i}
                variant={answer !== null && i === question.answer ? 'primary' : 'secondary'}
                disabled={answer !== null && answer !== i && i !== question.answer}
                onPress={() => answerQuiz(i)}
                name={`quiz:option:${i}`}
              />
            ))}
            {answer !== null && (
              <group>
                <UiText
                  text={`${t(isAnswerCorrect(question, answer) ? tourStrings.right : tourStrings.wrong)} ${question.explanation ? t(question.explanation) : ''}`}
                  fontSize={0.035}
                  maxWidth={W - 0.12}
                  color={isAnswerCorrect(question, answer) ? '#1d6b2a' : theme.primary}
                  position={[0, -0.28, 0.004]}
                />
                <Button
                  label={t(last ? tourStrings.seeScore : tourStrings.nextQuestion)}
                  width={0.4}
                  variant="primary"
                  position={[0, -0.41, 0.01]}
                  onPress={advanceQuiz}
                  name="quiz:next"
                />
              </group>
            )}
          </group>
        )}
        {near && quiz.finished && (
          <group name="quiz:result">
            <UiText
              text={fillPlaceholders(t(tourStrings.score), { correct: score.correct, total: score.total })}
              fontSize={0.09}
              color={theme.primary}
              position={[0, 0.12, 0.004]}
              name="quiz:score"
            />
            <UiText
              text={score.results
                .map((ok, i) => `${i + 1}: ${t(ok ? tourStrings.resultRight : tourStrings.resultWrong)}`)
                .join('   ')}
              fontSize={0.05}
              position={[0, -0.02, 0.004]}
              key={lang}
            />
            <Button
              label={t(tourStrings.retry)}
              width={0.36}
              position={[0, -0.3, 0.01]}
              onPress={restartQuiz}
              name="quiz:retry"
            />
          </group>
        )}
      </Panel>
    </StationGroup>
  )
}
