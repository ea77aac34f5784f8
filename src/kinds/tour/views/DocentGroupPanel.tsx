// The docent's side of a group: the board in the view's centre (the code and a QR code of the join link big
// enough to scan from a visitor's phone or headset, the members, Talk, Gather and End), folded into the left
// slot. Talk sends the docent's live voice to the group (the platform's voice service; T or controller B
// held does the same).
import { endGroup, gatherGroup, groupVoice, leaveGroup } from '../../../platform/groups'
import { useLocalize } from '../../../platform/i18n'
import { Button, Panel, QrCode, UiText, ViewSlot } from '../../../platform/ui'
import { PushToTalkControls, useVoiceChat } from '../../../platform/voice-chat'
import { useXRSession } from '../../../platform/xr'
import { setGroupPanelOpen } from '../tour-store'
import { tourStrings as S } from '../tour-strings'
import { CompactGroupPanelXR } from './GroupPanelXR'
import { DocentFloorButton } from './GroupVoiceControls'

const W = 0.5

/** Talk, Gather and End, side by side: on the docent's board and on the folded panel alike. */
function DocentButtons({ y }: { y: number }) {
  const t = useLocalize()
  const { talking, mic } = useVoiceChat()
  return (
    <>
      <PushToTalkControls />
      <Button
        label={t(talking ? S.groupTalking : S.groupTalk)}
        width={0.14}
        selected={talking}
        disabled={mic !== 'on'}
        position={[-0.155, y, 0.01]}
        onPress={() => groupVoice()?.toggleTalk()}
        name="group:talk"
      />
      <Button
        label={t(S.groupGather)}
        width={0.14}
        variant="primary"
        position={[0, y, 0.01]}
        onPress={gatherGroup}
        name="group:gather"
      />
      <Button
        label={t(S.groupEnd)}
        width={0.14}
        variant="danger"
        position={[0.155, y, 0.01]}
        onPress={() => {
          endGroup()
          void leaveGroup()
        }}
        name="group:end"
      />
    </>
  )
}

export function DocentGroupPanel({
  open,
  code,
  qrText,
  status,
  reconnecting,
}: {
  open: boolean
  code: string
  qrText: string | null
  /** The members line, or the reconnecting notice. */
  status: string
  reconnecting: boolean
}) {
  const t = useLocalize()
  const inXR = useXRSession((s) => s.mode !== null)
  if (open) {
    // The board: the code and a QR code big enough to scan from a visitor's phone or headset. In the
    // docent's own headset no one else sees it, so there it is the code and the controls only, narrow
    // enough for the centre slot to draw it at full size (text ≥ 1°).
    const BW = inXR ? 0.5 : 1.0
    const BH = 0.6
    return (
      <ViewSlot slot="center" width={BW} height={BH} name="group-slot">
        <Panel width={BW} height={BH} color="#fffaf0" name="group-panel">
          {qrText && !inXR && <QrCode text={qrText} size={0.5} position={[-0.23, 0, 0.01]} name="group-qr" />}
          <group position={[inXR ? 0 : 0.26, 0, 0]}>
            <UiText text={t(S.groupCode)} fontSize={0.036} position={[0, 0.25, 0.01]} />
            <UiText
              name="group-code"
              text={code}
              fontSize={0.09}
              color="#7f1d1d"
              letterSpacing={0.08}
              position={[0, 0.175, 0.01]}
            />
            <UiText
              text={t(S.groupScan)}
              fontSize={0.03}
              maxWidth={0.42}
              color="#4b5563"
              position={[0, 0.085, 0.01]}
            />
            <UiText
              name="group-status"
              text={status}
              fontSize={0.032}
              maxWidth={0.42}
              color={reconnecting ? '#b45309' : undefined}
              position={[0, -0.01, 0.01]}
            />
            <DocentButtons y={-0.13} />
            <DocentFloorButton width={0.25} position={[-0.08, -0.235, 0.01]} />
            <Button
              label={t(S.groupHide)}
              width={0.14}
              height={0.07}
              fontSize={0.034}
              position={[0.135, -0.235, 0.01]}
              onPress={() => setGroupPanelOpen(false)}
              name="group:close"
            />
          </group>
        </Panel>
      </ViewSlot>
    )
  }

  // Folded: the group stays in view with its controls; the console's group button shows the board again.
  if (inXR) return <DocentCompactXR status={status} reconnecting={reconnecting} />
  const H = 0.38
  return (
    <ViewSlot slot="left" width={W} height={H} name="group-slot">
      <Panel width={W} height={H} color="#20232a" opacity={0.92} name="group-panel">
        <UiText
          name="group-code"
          text={`${t(S.group)} ${code}`}
          fontSize={0.042}
          color="#fff4d6"
          position={[0, 0.14, 0.01]}
        />
        <UiText
          name="group-status"
          text={status}
          fontSize={0.032}
          maxWidth={W - 0.04}
          color={reconnecting ? '#fde68a' : '#bbf7d0'}
          position={[0, 0.08, 0.01]}
        />
        <DocentButtons y={-0.02} />
        <DocentFloorButton width={W - 0.06} position={[0, -0.12, 0.01]} />
      </Panel>
    </ViewSlot>
  )
}

/**
 * Folded in a headset: the visitor's compact panel (GroupPanelXR) with the members and Gather; the board
 * (Talk, End, the floor) on demand.
 */
function DocentCompactXR({ status, reconnecting }: { status: string; reconnecting: boolean }) {
  const t = useLocalize()
  return (
    <CompactGroupPanelXR
      status={status}
      statusColor={reconnecting ? '#fde68a' : '#bbf7d0'}
      action={{ label: t(S.groupGather), variant: 'primary', onPress: gatherGroup, name: 'group:gather' }}
      onDetails={() => setGroupPanelOpen(true)}
    />
  )
}
