// The class notice (logic/class-notice.ts) floating above the line of sight while it applies: "网络中断，
// 正在重连…" for anyone whose room dropped, "老师已锁定移动，请留在座位上" or "正在跟随老师移动" for a student.
// The room board says "reconnecting" too, but it is metres away and small; this is where the visitor looks.
import { useLocalize } from '../../../platform/i18n'
import { HeadFollow, Panel, UiText } from '../../../platform/ui'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { classNotice } from '../logic/class-notice'

const W = 0.72

export function ClassNotice() {
  const localize = useLocalize()
  const notice = useClassroom(classNotice)
  if (!notice) return null
  return (
    <HeadFollow distance={1.0} height={0.32} name="class-notice">
      <Panel width={W} height={0.13} color={notice === 'reconnecting' ? '#ffe4cc' : '#fff4d6'}>
        <UiText name="class-notice:text" text={localize(S[notice])} fontSize={0.034} maxWidth={W - 0.06} />
      </Panel>
    </HeadFollow>
  )
}
