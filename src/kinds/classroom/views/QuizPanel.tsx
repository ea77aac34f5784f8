// The student's quiz panel, floating in front of them: one question at a time from the scene data,
// graded by the server (or locally in solo mode), then their own score. No answer key is shown until
// that question is graded. It starts folded to one key, so a visitor can read the slides it would cover;
// a quiz the teacher starts opens it, and a "fold" key in its bottom row closes it again.
import { useRef, useState } from 'react'
import type { Group } from 'three'
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { Button, fitDistance, Panel, UiText, useDesktopViewShape, XR_COMFORT } from '../../../platform/ui'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { answerQuestion, restartSoloQuiz, showQuiz, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { quizFinalText, quizProgressText } from '../logic/quiz-progress'
import { useFollowPlayer } from './use-follow-player'

const DISTANCE = 1.0
/** To the right of the line of sight, so the slide stays in view; centred in a portrait window. */
const SIDE = 0.55
const HEIGHT = 1.35
const EYE = 1.6
/** The tallest question panel (four choices and a submit button), without the fold key's row. */
export const QUIZ_MAX_PANEL: [number, number] = [0.8, 0.92]
/** The row at the bottom of an unfolded quiz panel that holds its fold key. */
const KEY_ROW = 0.1
const FOLDED_KEY: [number, number] = [0.56, 0.09]

export function QuizPanel({ content }: { content: ClassroomContent }) {
  const group = useRef<Group>(null)
  const view = useDesktopViewShape()
  const side = view && view.aspect < 1 ? 0 : SIDE
  // A headset fits it into the platform's comfort field: at the desktop's 1 m it reached 44° to the right.
  // Its smallest text (0.04) still reads at 0.9° from the ≈1.6 m and 20° off-axis this gives.
  const fit = view ?? { aspect: XR_COMFORT.aspect, vFovDeg: XR_COMFORT.fovDeg }
  const height = QUIZ_MAX_PANEL[1] + KEY_ROW
  const distance = fitDistance(fit, QUIZ_MAX_PANEL[0], height, DISTANCE, side, HEIGHT - EYE)
  useFollowPlayer(group, distance, side, HEIGHT)
  const localize = useLocalize()
  const shown = useClassroom((s) => s.quizShown)
  const count = content.quiz.questions.length
  return (
    <group ref={group} name="quiz-panel">
      {shown ? (
        <QuizBody content={content} onFold={() => showQuiz(false)} />
      ) : (
        // Folded: one key where the panel's bottom right would be, clear of the slide screen.
        <Button
          name="quiz-open"
          label={fillPlaceholders(localize(S.openQuiz), { n: count })}
          width={FOLDED_KEY[0]}
          height={FOLDED_KEY[1]}
          fontSize={0.048}
          variant="primary"
          position={[QUIZ_MAX_PANEL[0] / 2 - FOLDED_KEY[0] / 2, -height / 2 + FOLDED_KEY[1] / 2, 0.01]}
          onPress={() => showQuiz(true)}
        />
      )}
    </group>
  )
}

/**
 * The quiz itself (the question, or the score), for a panel placed by its caller (AR's view slot).
 * With `onFold`, each panel grows a bottom row with a key that folds it.
 */
export function QuizBody({ content, onFold }: { content: ClassroomContent; onFold?: () => void }) {
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
  const row = onFold ? KEY_ROW : 0
  // The fold key, centred in the bottom row of a panel whose bottom edge is at `bottom`.
  const foldKey = (bottom: number) =>
    onFold && (
      <Button
        name="quiz-fold"
        label={localize(S.foldQuiz)}
        width={0.34}
        height={0.09}
        fontSize={0.046}
        position={[0, bottom + KEY_ROW / 2, 0.01]}
        onPress={onFold}
      />
    )
  if (phase === 'idle') {
    return (
      <Panel width={W} height={0.22 + row}>
        <UiText
          name="quiz-waiting"
          text={localize(S.quizWaiting)}
          fontSize={0.04}
          maxWidth={W - 0.08}
          position={[0, row / 2, 0.01]}
        />
        {foldKey(-(0.22 + row) / 2)}
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
      <Panel width={W} height={0.4 + row} name="quiz-done">
        <group position={[0, row / 2, 0]}>
          <UiText
            text={localize(quiz.title)}
            fontSize={0.04}
            position={[0, 0.13, 0.01]}
            maxWidth={W - 0.08}
          />
          <UiText
            name="quiz-score"
            text={score ? quizFinalText(score, lang) : localize(S.quizClosed)}
            fontSize={0.05}
            maxWidth={W - 0.08}
            position={[0, 0.02, 0.01]}
            color="#7f1d1d"
          />
          <UiText text={feedback} fontSize={0.04} position={[0, -0.08, 0.01]} maxWidth={W - 0.08} />
          {mode === 'solo' && (
            <Button
              name="quiz-restart"
              label={localize(S.restartQuiz)}
              position={[0, -0.15, 0.01]}
              onPress={restartSoloQuiz}
            />
          )}
        </group>
        {foldKey(-(0.4 + row) / 2)}
      </Panel>
    )
  }
  const index = quiz.questions.indexOf(current)
  const height = 0.42 + current.choices.length * 0.1 + (current.multiple ? 0.1 : 0) + row
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
        position={[0, -top + row + 0.05, 0.01]}
        color={!refused && lastAnswer?.correct ? '#166534' : '#9b1c1c'}
      />
      {foldKey(-top)}
    </Panel>
  )
}
