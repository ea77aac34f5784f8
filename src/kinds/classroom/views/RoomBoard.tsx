// A board beside the screen with the room code and a QR code of the join link, so students in the room
// (or a second device) can join this class by scanning or typing five characters.
import { useLocalize } from '../../../platform/i18n'
import { Panel, QrCode, UiText } from '../../../platform/ui'
import type { Vec3 } from '../../../schema/common'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'

export function joinUrl(scene: string, code: string): string {
  return `${window.location.origin}/?scene=${encodeURIComponent(scene)}&room=${encodeURIComponent(code)}`
}

export function RoomBoard({ scene, position }: { scene: string; position: Vec3 }) {
  const code = useClassroom((s) => s.code)
  const mode = useClassroom((s) => s.mode)
  // While the room is away (dropped, server restarting) the board says so; the class comes back by itself.
  const reconnecting = useClassroom((s) => s.status === 'reconnecting')
  const localize = useLocalize()
  if (mode !== 'online' || !code) return null
  return (
    <Panel width={0.9} height={1.25} position={position} name="room-board">
      <UiText text={localize(S.roomCode)} fontSize={0.05} position={[0, 0.55, 0.01]} />
      <UiText
        name="room-code"
        text={code}
        fontSize={0.11}
        position={[0, 0.44, 0.01]}
        color="#7f1d1d"
        letterSpacing={0.1}
      />
      <QrCode text={joinUrl(scene, code)} size={0.7} position={[0, -0.05, 0.01]} name="room-qr" />
      <UiText
        name="room-status"
        text={localize(reconnecting ? S.reconnecting : S.scanToJoin)}
        fontSize={0.045}
        color={reconnecting ? '#b45309' : undefined}
        maxWidth={0.85}
        position={[0, -0.52, 0.01]}
      />
    </Panel>
  )
}
