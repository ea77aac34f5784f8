// The closing quiz: one question at a time with option buttons, right/wrong feedback, and the score at the
// end. Logic lives in quiz-grader.ts; this panel only shows the session and forwards presses. The sign
// stands in the hall; once the visitor is near, the questions take the view's centre slot, where they
// are legible at any window size and clear of the console and the subtitle.
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { useNearPlayer } from '../../../platform/locomotion'
import { Button, Panel, UiText, ViewSlot } from '../../../platform/ui'
import type { QuizStation as Station, TourTheme } from '../../../schema/kinds/tour'
import { gradeQuiz, isAnswerCorrect } from '../logic/quiz-grader'
import { advanceQuiz, answerQuiz, restartQuiz, useTourStore } from '../tour-store'
import { tourStrings } from '../tour-strings'
import { StationGroup } from './RoomCulling'

const W = 1.3
const H = 1.05
/** The question card in the centre slot. */
const CW = 1.0
const CH = 0.9

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
      <Panel width={W} height={H} scenery name="quiz:sign">
        <UiText
          text={t(station.title)}
          fontSize={0.08}
          color={theme.primary}
          position={[0, H / 2 - 0.09, 0.004]}
        />
      </Panel>
      {near && (
        <ViewSlot slot="center" width={CW} height={CH} name="quiz:card">
          <Panel width={CW} height={CH} name="quiz:card-panel">
            <UiText
              text={t(station.title)}
              fontSize={0.05}
              color={theme.primary}
              position={[0, CH / 2 - 0.06, 0.004]}
            />
            {!quiz.finished && question && (
              <group>
                <UiText
                  text={fillPlaceholders(t(tourStrings.questionOf), {
                    n: quiz.current + 1,
                    total: station.questions.length,
                  })}
                  fontSize={0.044}
                  color="#6b5b43"
                  position={[0, CH / 2 - 0.13, 0.004]}
                />
                <UiText
                  text={t(question.prompt)}
                  fontSize={0.045}
                  maxWidth={CW - 0.08}
                  position={[0, CH / 2 - 0.21, 0.004]}
                />
                {question.options.map((option, i) => (
                  <Button
                    key={`${question.id}-${i}`}
                    label={t(option)}
                    width={CW - 0.12}
                    height={0.085}
                    fontSize={0.046}
                    position={[0, 0.13 - i * 0.1, 0.01]}
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
                      // At 0.042 the English feedback read 0.85° on the portrait kiosk.
                      fontSize={0.045}
                      maxWidth={CW - 0.08}
                      anchorY="top"
                      color={isAnswerCorrect(question, answer) ? '#1d6b2a' : theme.primary}
                      position={[0, -0.13, 0.004]}
                    />
                    <Button
                      label={t(last ? tourStrings.seeScore : tourStrings.nextQuestion)}
                      width={0.4}
                      fontSize={0.046}
                      variant="primary"
                      position={[0, -CH / 2 + 0.065, 0.01]}
                      onPress={advanceQuiz}
                      name="quiz:next"
                    />
                  </group>
                )}
              </group>
            )}
            {quiz.finished && (
              <group name="quiz:result">
                <UiText
                  text={fillPlaceholders(t(tourStrings.score), {
                    correct: score.correct,
                    total: score.total,
                  })}
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
        </ViewSlot>
      )}
    </StationGroup>
  )
}
