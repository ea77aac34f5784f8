// The teacher console's member list: a heading with the class's size and page, the page keys, and one page
// of student rows (MemberRow). The console keeps one height for any class, so the list pages
// (logic/member-row.ts: two a page, in the order they joined; a page key is marked when a raised hand waits
// on the page it leads to).
import { useLocalize } from '../../../platform/i18n'
import { Button, UiText } from '../../../platform/ui'
import { type MemberInfo, showMemberPage } from '../classroom-store'
import { S } from '../classroom-strings'
import { MEMBER_ROW } from '../logic/console-size'
import { MEMBER_KEY_H, MEMBER_TYPE, memberPage } from '../logic/member-row'
import { MemberRow } from './MemberRow'

/** The page keys at the heading row's right end (`at`: centres from the right edge, in key widths). */
const PAGE_KEY_W = 0.1
const PAGE_KEY_GAP = 0.012
/** The arrows are small glyphs in any font: drawn larger than the row's words, still inside the key's height. */
const ARROW_TYPE = MEMBER_TYPE * 1.4
const PAGE_KEYS = [
  { name: 'teacher-members-prev', label: '‹', step: -1, at: 1.5 },
  { name: 'teacher-members-next', label: '›', step: 1, at: 0.5 },
] as const

export function MemberList({
  students,
  top,
  left,
  right,
  speaking,
  spotlightId,
  modelController,
  page: asked,
}: {
  students: MemberInfo[]
  /** The heading row's centre line, and the console's inner edges, in console metres. */
  top: number
  left: number
  right: number
  /** Members heard now, the spotlit one and the one holding the lab model. */
  speaking: string[]
  spotlightId: string
  modelController: string
  /** The page asked for (the store's memberPage); clamped to the pages there are. */
  page: number
}) {
  const localize = useLocalize()
  const page = memberPage(students, asked)
  const pageNote = page.pages > 1 ? `   ${page.page + 1} / ${page.pages}` : ''
  return (
    <>
      <UiText
        name="teacher-members-heading"
        text={`${localize(S.members)} (${students.length})${pageNote}`}
        fontSize={MEMBER_TYPE}
        position={[left, top, 0.01]}
        anchorX="left"
      />
      {page.pages > 1 &&
        PAGE_KEYS.map(({ name, label, step, at }) => (
          <Button
            key={name}
            name={name}
            label={label}
            width={PAGE_KEY_W}
            height={MEMBER_KEY_H}
            fontSize={ARROW_TYPE}
            variant={(step < 0 ? page.handBefore : page.handAfter) ? 'primary' : 'secondary'}
            disabled={step < 0 ? page.page === 0 : page.page === page.pages - 1}
            position={[right - PAGE_KEY_W * at - PAGE_KEY_GAP * (at - 0.5), top, 0.01]}
            onPress={() => showMemberPage(page.page + step)}
          />
        ))}
      {page.rows.map((m, i) => (
        <MemberRow
          key={m.id}
          member={m}
          position={[0, top - MEMBER_ROW * (i + 1), 0.01]}
          left={left}
          right={right}
          speaking={speaking.includes(m.id)}
          spotlit={spotlightId === m.id}
          hasModel={modelController === m.id}
        />
      ))}
    </>
  )
}
