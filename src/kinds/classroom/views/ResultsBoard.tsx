// The live quiz results beside the teacher's console (TeacherPanel): each student's score and answers,
// and how many results the server could not yet save.
import { useLocalize } from '../../../platform/i18n'
import { Panel, UiText } from '../../../platform/ui'
import type { Vec3 } from '../../../schema/common'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'

export function ResultsBoard({ position }: { position: Vec3 }) {
  const localize = useLocalize()
  const results = useClassroom((s) => s.results)
  const phase = useClassroom((s) => s.quizPhase)
  if (phase === 'idle') return null
  const rows = results?.rows ?? []
  return (
    <Panel width={0.9} height={1.2} position={position} name="teacher-results">
      <UiText text={localize(S.results)} fontSize={0.05} position={[0, 0.52, 0.01]} />
      {results && results.unsaved > 0 && (
        <UiText
          name="teacher-results-unsaved"
          text={`${localize(S.resultsNotSaved)} (${results.unsaved})`}
          fontSize={0.032}
          color="#a04000"
          position={[0, -0.55, 0.01]}
          maxWidth={0.84}
        />
      )}
      <UiText
        name="teacher-results-text"
        text={
          rows.length === 0
            ? localize(S.noResults)
            : rows
                .slice(0, 12)
                .map((r) => `${r.name}   ${r.score} / ${results?.maxScore ?? 0}   (${r.answered})`)
                .join('\n')
        }
        fontSize={0.038}
        lineHeight={1.4}
        anchorY="top"
        position={[0, 0.42, 0.01]}
        maxWidth={0.8}
      />
    </Panel>
  )
}
