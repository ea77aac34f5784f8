// Tells a student what the teacher did to their movement ("老师已锁定移动，请留在座位上" /
// "正在跟随老师移动"), floating above the line of sight, so a locked student knows why walking does
// nothing. Shown only while it applies.
import { useLocalize } from '../../../platform/i18n'
import { HeadFollow, Panel, UiText } from '../../../platform/ui'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { studentNotice } from '../logic/student-notice'

const W = 0.72

export function StudentNotice() {
  const localize = useLocalize()
  const notice = useClassroom(studentNotice)
  if (!notice) return null
  return (
    <HeadFollow distance={1.0} height={0.32} name="student-notice">
      <Panel width={W} height={0.13} color="#fff4d6">
        <UiText name="student-notice:text" text={localize(S[notice])} fontSize={0.034} maxWidth={W - 0.06} />
      </Panel>
    </HeadFollow>
  )
}
