// A student's live voice controls, floating low to the left of their line of sight (the quiz is to the
// right): raise a hand, and once the teacher gives the floor, the talk button (T or controller B held
// does the same). It says when the microphone is off: the student still hears everyone.
import { useRef } from 'react'
import type { Group } from 'three'
import { useLocalize } from '../../../platform/i18n'
import { Button, Panel, UiText } from '../../../platform/ui'
import { useVoiceChat, voiceNote } from '../../../platform/voice-chat'
import { useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { raiseHand, toggleTalk } from '../room-actions'
import { useFollowPlayer } from './use-follow-player'

const DISTANCE = 1.0
const SIDE = -0.5
const HEIGHT = 1.2
const W = 0.56

export function VoicePanel() {
  const group = useRef<Group>(null)
  const localize = useLocalize()
  const me = useClassroom((s) => s.members.find((m) => m.id === s.selfId))
  const allMuted = useClassroom((s) => s.allMuted)
  const { mic, canSpeak, talking } = useVoiceChat()
  useFollowPlayer(group, DISTANCE, SIDE, HEIGHT)
  const hand = me?.hand ?? false
  const note = voiceNote({ mic, canSpeak, muted: me?.muted ?? false, allMuted, floor: me?.floor ?? false })
  return (
    <group ref={group} name="voice-panel">
      <Panel width={W} height={0.27}>
        <Button
          name="voice-hand"
          label={localize(hand ? S.lowerHand : S.raiseHand)}
          width={0.25}
          selected={hand}
          disabled={canSpeak}
          position={[-0.135, 0.05, 0.01]}
          onPress={() => raiseHand(!hand)}
        />
        <Button
          name="voice-talk"
          label={localize(talking ? S.talking : S.talk)}
          width={0.25}
          variant="primary"
          selected={talking}
          disabled={!canSpeak || mic !== 'on'}
          position={[0.135, 0.05, 0.01]}
          onPress={toggleTalk}
        />
        <UiText
          name="voice-note"
          text={localize(S[note])}
          fontSize={0.03}
          maxWidth={W - 0.06}
          position={[0, -0.075, 0.01]}
        />
      </Panel>
    </group>
  )
}
