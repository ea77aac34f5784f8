// The live quiz results beside the teacher's console (TeacherPanel): each student's score and answers,
// and how many results the server could not yet save.
import { useLocalize } from '../../../platform/i18n'
import { cutToFit, lineEm, Panel, UiText } from '../../../platform/ui'
import type { Vec3 } from '../../../schema/common'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { resultLines } from '../logic/member-row'

/** Text size and line spacing of the result rows. */
const ROW_FONT = 0.038
const ROW_LINE = 1.4

/** A `width`×`height` board; it lists as many students as fit its height, then how many more there are. */
export function ResultsBoard({ position, width, height }: { position: Vec3; width: number; height: number }) {
  const localize = useLocalize()
  const results = useClassroom((s) => s.results)
  const phase = useClassroom((s) => s.quizPhase)
  if (phase === 'idle') return null
  const rows = results?.rows ?? []
  const top = height / 2
  // Title, then rows; the bottom line is kept for the unsaved warning.
  const fits = Math.max(1, Math.floor((height - 0.26) / (ROW_FONT * ROW_LINE)))
  return (
    <Panel width={width} height={height} position={position} name="teacher-results">
      <UiText text={localize(S.results)} fontSize={0.05} position={[0, top - 0.07, 0.01]} />
      {results && results.unsaved > 0 && (
        <UiText
          name="teacher-results-unsaved"
          text={`${localize(S.resultsNotSaved)} (${results.unsaved})`}
          fontSize={0.036}
          color="#a04000"
          position={[0, -top + 0.07, 0.01]}
          maxWidth={width - 0.06}
        />
      )}
      <UiText
        name="teacher-results-text"
        text={
          rows.length === 0
            ? localize(S.noResults)
            : resultLines(rows, results?.maxScore ?? 0, fits, lineEm(width - 0.1, ROW_FONT), cutToFit)
        }
        fontSize={ROW_FONT}
        lineHeight={ROW_LINE}
        anchorY="top"
        position={[0, top - 0.15, 0.01]}
        maxWidth={width - 0.1}
      />
    </Panel>
  )
}
