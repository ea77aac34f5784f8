// One student's row on the teacher's console: their name (a dot while heard, "…" while disconnected, and
// how many questions they answered) and the keys that act on them: give the floor, mute, spotlight, give
// the lab model, remove.
import { useLocalize } from '../../../platform/i18n'
import { Button, UiText } from '../../../platform/ui'
import type { LocalizedText, Vec3 } from '../../../schema/common'
import type { MemberInfo } from '../classroom-store'
import { S } from '../classroom-strings'
import { giveFloor, grantModel, muteStudent, removeMember, setSpotlight } from '../room-actions'

const KEY_H = 0.07
const TYPE = 0.036

interface RowKey {
  id: string
  label: LocalizedText
  /** Key width and the x of its centre on the console. */
  width: number
  x: number
  variant?: 'primary' | 'secondary' | 'danger'
  selected?: boolean
  onPress: () => void
}

export function MemberRow({
  member: m,
  position,
  nameX,
  speaking,
  spotlit,
  hasModel,
}: {
  member: MemberInfo
  position: Vec3
  /** Where the name starts (left-anchored) on the console. */
  nameX: number
  speaking: boolean
  spotlit: boolean
  hasModel: boolean
}) {
  const localize = useLocalize()
  const keys: RowKey[] = [
    {
      id: 'floor',
      label: S.giveFloor,
      width: 0.14,
      x: -0.29,
      variant: m.hand ? 'primary' : 'secondary',
      selected: m.floor,
      onPress: () => giveFloor(m.floor ? '' : m.id),
    },
    {
      id: 'mute',
      label: S.mute,
      width: 0.14,
      x: -0.14,
      selected: m.muted,
      onPress: () => muteStudent(m.id, !m.muted),
    },
    {
      id: 'spotlight',
      label: S.spotlight,
      width: 0.18,
      x: 0.03,
      selected: spotlit,
      onPress: () => setSpotlight(spotlit ? '' : m.id),
    },
    { id: 'grant', label: S.grant, width: 0.2, x: 0.24, selected: hasModel, onPress: () => grantModel(m.id) },
    { id: 'kick', label: S.kick, width: 0.16, x: 0.44, variant: 'danger', onPress: () => removeMember(m.id) },
  ]
  return (
    <group position={position}>
      <UiText
        text={`${speaking ? '● ' : ''}${m.name}${m.connected ? '' : ' …'}  ${m.answered}`}
        fontSize={TYPE}
        anchorX="left"
        position={[nameX, 0, 0]}
        color={m.hand ? '#1d4ed8' : spotlit ? '#b45309' : '#1d1d1f'}
      />
      {keys.map((k) => (
        <Button
          key={k.id}
          name={`teacher-${k.id}-${m.name}`}
          label={localize(k.label)}
          width={k.width}
          height={KEY_H}
          fontSize={TYPE}
          variant={k.variant}
          selected={k.selected}
          position={[k.x, 0, 0]}
          onPress={k.onPress}
        />
      ))}
    </group>
  )
}
