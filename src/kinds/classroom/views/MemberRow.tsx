// One student's row on the teacher's console: their name (a dot while heard, "…" while disconnected, and
// how many questions they answered) and the keys that act on them: give the floor, mute, spotlight, give
// the lab model, remove. Where each goes, and at what size, is logic/member-row.ts.
import { useLocalize } from '../../../platform/i18n'
import { Button, cutToFit, UiText } from '../../../platform/ui'
import type { LocalizedText, Vec3 } from '../../../schema/common'
import type { MemberInfo } from '../classroom-store'
import { S } from '../classroom-strings'
import { MEMBER_KEY_H, MEMBER_TYPE, type MemberKeyId, memberKeys, memberLine } from '../logic/member-row'
import { giveFloor, grantModel, muteStudent, removeMember, setSpotlight } from '../room-actions'

/** Room kept between the name and the first key. */
const NAME_GAP = 0.02

interface RowKey {
  label: LocalizedText
  variant?: 'primary' | 'secondary' | 'danger'
  selected?: boolean
  onPress: () => void
}

export function MemberRow({
  member: m,
  position,
  left,
  right,
  speaking,
  spotlit,
  hasModel,
}: {
  member: MemberInfo
  position: Vec3
  /** The console's inner edges: the name starts at `left`, the last key ends at `right`. */
  left: number
  right: number
  speaking: boolean
  spotlit: boolean
  hasModel: boolean
}) {
  const localize = useLocalize()
  const keys: Record<MemberKeyId, RowKey> = {
    floor: {
      label: S.giveFloor,
      variant: m.hand ? 'primary' : 'secondary',
      selected: m.floor,
      onPress: () => giveFloor(m.floor ? '' : m.id),
    },
    mute: { label: S.mute, selected: m.muted, onPress: () => muteStudent(m.id, !m.muted) },
    spotlight: { label: S.spotlight, selected: spotlit, onPress: () => setSpotlight(spotlit ? '' : m.id) },
    grant: { label: S.grant, selected: hasModel, onPress: () => grantModel(m.id) },
    kick: { label: S.kick, variant: 'danger', onPress: () => removeMember(m.id) },
  }
  const places = memberKeys(right)
  const nameEm = (places[0].x - places[0].width / 2 - NAME_GAP - left) / MEMBER_TYPE
  return (
    <group position={position}>
      <UiText
        text={cutToFit(m.name, memberLine(m, speaking), nameEm)}
        fontSize={MEMBER_TYPE}
        anchorX="left"
        position={[left, 0, 0]}
        color={m.hand ? '#1d4ed8' : spotlit ? '#b45309' : '#1d1d1f'}
      />
      {places.map(({ id, width, x }) => (
        <Button
          key={id}
          name={`teacher-${id}-${m.name}`}
          label={localize(keys[id].label)}
          width={width}
          height={MEMBER_KEY_H}
          fontSize={MEMBER_TYPE}
          variant={keys[id].variant}
          selected={keys[id].selected}
          position={[x, 0, 0]}
          onPress={keys[id].onPress}
        />
      ))}
    </group>
  )
}
