// The student's quiz panel, floating in front of them: one question at a time from the scene data,
// graded by the server (or locally in solo mode), then their own score. No answer key is shown until
// that question is graded.
import { useRef, useState } from 'react'
import type { Group } from 'three'
import { useLang, useLocalize } from '../../../platform/i18n'
import { useDesktopViewShape } from '../../../platform/render'
import { Button, Panel, UiText, XR_COMFORT } from '../../../platform/ui'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { answerQuestion, restartSoloQuiz, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { quizFinalText, quizProgressText } from '../logic/quiz-progress'
import { fitDistance } from '../logic/view-fit'
import { useFollowPlayer } from './use-follow-player'

const DISTANCE = 1.0
/** To the right of the line of sight, so the slide stays in view; centred in a portrait window. */
const SIDE = 0.55
const HEIGHT = 1.35
const EYE = 1.6
/** The tallest question panel (four choices and a submit button). */
export const QUIZ_MAX_PANEL: [number, number] = [0.8, 0.92]

export function QuizPanel({ content }: { content: ClassroomContent }) {
  const group = useRef<Group>(null)
  const view = useDesktopViewShape()
  const side = view && view.aspect < 1 ? 0 : SIDE
  // A headset fits it into the platform's comfort field: at the desktop's 1 m it reached 44° to the right.
  // Its smallest text (0.04) still reads at 0.9° from the ≈1.6 m and 20° off-axis this gives.
  const fit = view ?? { aspect: XR_COMFORT.aspect, vFovDeg: XR_COMFORT.fovDeg }
  const distance = fitDistance(fit, QUIZ_MAX_PANEL[0], QUIZ_MAX_PANEL[1], DISTANCE, side, HEIGHT - EYE)
  useFollowPlayer(group, distance, side, HEIGHT)
  return (
    <group ref={group} name="quiz-panel">
      <QuizBody content={content} />
    </group>
  )
}

/** The quiz itself (the question, or the score), for a panel placed by its caller (AR's view slot). */
export function QuizBody({ content }: { content: ClassroomContent }) {
  const localize = useLocalize()
  const lang = useLang()
  const phase = useClassroom((s) => s.quizPhase)
  const mode = useClassroom((s) => s.mode)
  const answers = useClassroom((s) => s.myAnswers)
  const score = useClassroom((s) => s.myScore)
  const refused = useClassroom((s) => s.answerRefused)
  const [picked, setPicked] = useState<string[]>([])
  const quiz = content.quiz
  const W = 0.8
  if (phase === 'idle') {
    return (
      <Panel width={W} height={0.22}>
        <UiText
          name="quiz-waiting"
          text={localize(S.quizWaiting)}
          fontSize={0.04}
          maxWidth={W - 0.08}
          position={[0, 0, 0.01]}
        />
      </Panel>
    )
  }
  const current = quiz.questions.find((q) => !answers[q.id])
  const last = [...quiz.questions].reverse().find((q) => answers[q.id])
  const lastAnswer = last ? answers[last.id] : undefined
  const feedback =
    lastAnswer && lastAnswer.correctChoiceIds.length > 0
      ? `${localize(lastAnswer.correct ? S.correct : S.wrong)}${
          lastAnswer.correct || !last
            ? ''
            : ` → ${last.choices
                .filter((c) => lastAnswer.correctChoiceIds.includes(c.id))
                .map((c) => localize(c.text))
                .join('、')}`
        }`
      : ''
  if (!current || phase === 'closed') {
    return (
      <Panel width={W} height={0.4} name="quiz-done">
        <UiText text={localize(quiz.title)} fontSize={0.04} position={[0, 0.13, 0.01]} maxWidth={W - 0.08} />
        <UiText
          name="quiz-score"
          text={score ? quizFinalText(score, lang) : localize(S.quizClosed)}
          fontSize={0.05}
          maxWidth={W - 0.08}
          position={[0, 0.02, 0.01]}
          color="#7f1d1d"
        />
        <UiText text={feedback} fontSize={0.035} position={[0, -0.08, 0.01]} maxWidth={W - 0.08} />
        {mode === 'solo' && (
          <Button
            name="quiz-restart"
            label={localize(S.restartQuiz)}
            position={[0, -0.15, 0.01]}
            onPress={restartSoloQuiz}
          />
        )}
      </Panel>
    )
  }
  const index = quiz.questions.indexOf(current)
  const height = 0.42 + current.choices.length * 0.1 + (current.multiple ? 0.1 : 0)
  const top = height / 2
  return (
    <Panel width={W} height={height} name="quiz-question">
      <UiText
        name="quiz-progress"
        text={quizProgressText({ index, total: quiz.questions.length, score }, lang)}
        fontSize={0.04}
        maxWidth={W - 0.08}
        position={[0, top - 0.05, 0.01]}
        color="#6b7280"
      />
      <UiText
        name="quiz-prompt"
        text={localize(current.prompt)}
        fontSize={0.042}
        maxWidth={W - 0.08}
        position={[0, top - 0.14, 0.01]}
      />
      {current.choices.map((c, i) => (
        <Button
          key={c.id}
          name={`quiz-choice-${current.id}-${c.id}`}
          label={localize(c.text)}
          width={W - 0.12}
          height={0.085}
          selected={picked.includes(c.id)}
          position={[0, top - 0.28 - i * 0.1, 0.01]}
          onPress={() => {
            if (!current.multiple) {
              setPicked([])
              answerQuestion(current.id, [c.id])
            } else setPicked((p) => (p.includes(c.id) ? p.filter((x) => x !== c.id) : [...p, c.id]))
          }}
        />
      ))}
      {current.multiple && (
        <Button
          name="quiz-submit"
          label={localize(S.submit)}
          variant="primary"
          disabled={picked.length === 0}
          position={[0, top - 0.28 - current.choices.length * 0.1, 0.01]}
          onPress={() => {
            answerQuestion(current.id, picked)
            setPicked([])
          }}
        />
      )}
      <UiText
        name="quiz-feedback"
        text={refused ? localize(S.answerRefused) : feedback}
        fontSize={0.04}
        maxWidth={W - 0.08}
        position={[0, -top + 0.05, 0.01]}
        color={!refused && lastAnswer?.correct ? '#166534' : '#9b1c1c'}
      />
    </Panel>
  )
}
