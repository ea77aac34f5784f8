// Live voice in a docent's group, by the classroom's floor rules (voice-floor.ts): a visitor raises a hand
// and, once the docent gives the floor, talks (the button, or T / controller B held); the line under says
// what they may do or that their microphone is off (they still hear everyone). The docent gives the floor
// to the first hand up, or takes it back.
import { giveGroupFloor, groupVoice, raiseGroupHand, useGroup } from '../../../platform/groups'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { Button, UiText } from '../../../platform/ui'
import { PushToTalkControls, useVoiceChat, type VoiceNote, voiceNote } from '../../../platform/voice-chat'
import { tourStrings as S, type TourStringKey } from '../tour-strings'

/** A group has no mute (the docent takes the floor back), so the classroom's mute notes never show here. */
const NOTE: Record<VoiceNote, TourStringKey> = {
  micDenied: 'groupMicDenied',
  micAsking: 'groupMicAsking',
  talkHint: 'groupTalkHint',
  listenHint: 'groupListenHint',
  youAreMuted: 'groupListenHint',
  allMutedNote: 'groupListenHint',
}

/** The note a visitor's panel shows now (the debug view reads it too). */
export function groupVoiceNote(): TourStringKey {
  const { mic, canSpeak } = useVoiceChat.getState()
  const floor = useGroup.getState().selfFloor
  return NOTE[voiceNote({ mic, canSpeak, muted: false, allMuted: false, floor })]
}

/**
 * A visitor's hand, talk button and note, around `y` on a panel `width` wide; with the T / controller B
 * push-to-talk unless the caller keeps that mounted itself (`pushToTalk` false).
 */
export function VisitorVoiceControls({
  y,
  width,
  pushToTalk = true,
}: {
  y: number
  width: number
  pushToTalk?: boolean
}) {
  const t = useLocalize()
  const hand = useGroup((g) => g.selfHand)
  const floor = useGroup((g) => g.selfFloor)
  const { mic, canSpeak, talking } = useVoiceChat()
  const note = NOTE[voiceNote({ mic, canSpeak, muted: false, allMuted: false, floor })]
  const w = (width - 0.08) / 2
  return (
    <>
      {pushToTalk && <PushToTalkControls />}
      <Button
        name="group:hand"
        label={t(hand ? S.groupLowerHand : S.groupRaiseHand)}
        width={w}
        fontSize={0.034}
        selected={hand}
        disabled={canSpeak}
        position={[-(w / 2 + 0.01), y, 0.01]}
        onPress={() => raiseGroupHand(!hand)}
      />
      <Button
        name="group:visitor-talk"
        label={t(talking ? S.groupTalking : S.groupTalk)}
        width={w}
        fontSize={0.034}
        variant="primary"
        selected={talking}
        disabled={!canSpeak || mic !== 'on'}
        position={[w / 2 + 0.01, y, 0.01]}
        onPress={() => groupVoice()?.toggleTalk()}
      />
      <UiText
        name="group-voice-note"
        text={t(S[note])}
        fontSize={0.028}
        maxWidth={width - 0.04}
        color="#fff4d6"
        position={[0, y - 0.085, 0.01]}
      />
    </>
  )
}

/** The docent's floor button: to the first hand up, or back from whoever holds it. */
export function DocentFloorButton({
  position,
  width,
}: {
  position: [number, number, number]
  width: number
}) {
  const t = useLocalize()
  const hands = useGroup((g) => g.hands)
  const floorId = useGroup((g) => g.floorId)
  const label = floorId
    ? t(S.groupEndFloor)
    : hands.length > 0
      ? fillPlaceholders(t(S.groupFloorNext), { n: hands.length })
      : t(S.groupNoHands)
  return (
    <Button
      name="group:floor"
      label={label}
      width={width}
      height={0.07}
      fontSize={0.032}
      variant={hands.length > 0 && !floorId ? 'primary' : 'secondary'}
      disabled={!floorId && hands.length === 0}
      position={position}
      onPress={() => giveGroupFloor(floorId ? '' : (hands[0] ?? ''))}
    />
  )
}
