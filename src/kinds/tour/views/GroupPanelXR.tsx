// A visitor's group panel in a headset. There the left view slot, shared with the XR menu, is a quarter
// metre wide: the desktop panel (0.5 m) was drawn at half size and its text read 0.65–0.7°. This form is
// designed at the slot's size (text ≥ 1°): one status line and Step out / Back to group; the code, the
// voice controls and Leave come on demand in the centre.
import { useState } from 'react'
import { leaveGroup, setFollowing, useGroup } from '../../../platform/groups'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { Button, charWidthEm, Panel, UiText, ViewSlot } from '../../../platform/ui'
import { PushToTalkControls } from '../../../platform/voice-chat'
import { setGroupPanelOpen } from '../tour-store'
import { tourStrings as S } from '../tour-strings'
import { VisitorVoiceControls } from './GroupVoiceControls'
import { XR_GROUP_LABEL, XR_GROUP_PANEL, XR_GROUP_TEXT } from './group-panel-size'

/** "Who · where" on one line when it fits the panel, else on two. */
export function statusLine(who: string, where: string | null, fontSize: number, width: number): string {
  if (!where) return who
  const one = `${who} · ${where}`
  let em = 0
  for (const ch of one) em += charWidthEm(ch)
  return em * fontSize <= width ? one : `${who}\n${where}`
}

export function VisitorGroupPanelXR() {
  const t = useLocalize()
  const g = useGroup()
  // Short words, so who and where take two lines at most in the quarter-metre panel.
  const who = t(
    g.status === 'reconnecting'
      ? S.groupReconnecting
      : !g.selfFollowing
        ? S.groupOnOwn
        : g.docentOnline
          ? S.groupFollowingShort
          : S.groupDocentAwayShort,
  )
  const [details, setDetails] = useState(false)
  const W = XR_GROUP_PANEL.width
  const n = g.stopIndex + 1
  const where =
    g.stopIndex < 0 || g.status === 'reconnecting'
      ? null
      : fillPlaceholders(t(g.selfFollowing ? S.groupStopN : S.groupAtStopN), { n })
  return (
    <>
      <CompactGroupPanelXR
        status={statusLine(who, where, XR_GROUP_TEXT, W - 0.014)}
        statusColor={g.selfFollowing ? '#bbf7d0' : '#fde68a'}
        action={{
          label: t(g.selfFollowing ? S.groupStepOut : S.groupStepIn),
          variant: g.selfFollowing ? 'secondary' : 'primary',
          onPress: () => setFollowing(!g.selfFollowing),
          name: 'group:follow',
        }}
        detailsSelected={details}
        onDetails={() => setDetails(!details)}
      />
      {details && (
        <ViewSlot slot="center" width={0.5} height={0.4} name="group-details-slot">
          <Panel width={0.5} height={0.4} color="#20232a" opacity={0.92} name="group-details">
            <UiText
              name="group-code"
              text={`${t(S.group)} ${g.code ?? ''}`}
              fontSize={0.042}
              color="#fff4d6"
              position={[0, 0.15, 0.01]}
            />
            <VisitorVoiceControls y={0.05} width={0.5} pushToTalk={false} />
            <Button
              label={t(S.groupLeave)}
              width={0.2}
              height={0.07}
              fontSize={XR_GROUP_LABEL}
              variant="danger"
              position={[-0.115, -0.14, 0.01]}
              onPress={() => {
                void leaveGroup()
                setGroupPanelOpen(false)
              }}
              name="group:leave"
            />
            <Button
              label={t(S.groupHide)}
              width={0.2}
              height={0.07}
              fontSize={XR_GROUP_LABEL}
              position={[0.115, -0.14, 0.01]}
              onPress={() => setDetails(false)}
              name="group:hide-details"
            />
          </Panel>
        </ViewSlot>
      )}
    </>
  )
}

/**
 * The group's compact panel in a headset, the visitor's and the docent's alike: in the left slot under the
 * XR menu, a status line, the one action that matters most, and a button for the rest. T or controller B
 * held talks whatever is open.
 */
export function CompactGroupPanelXR({
  status,
  statusColor,
  action,
  detailsSelected = false,
  onDetails,
}: {
  status: string
  statusColor: string
  action: { label: string; variant: 'primary' | 'secondary'; onPress: () => void; name: string }
  detailsSelected?: boolean
  onDetails: () => void
}) {
  const t = useLocalize()
  const { width: W, height: H } = XR_GROUP_PANEL
  return (
    <ViewSlot slot="left" width={W} height={H} name="group-slot">
      <Panel width={W} height={H} color="#20232a" opacity={0.92} name="group-panel">
        <PushToTalkControls />
        <UiText
          name="group-status"
          text={status}
          fontSize={XR_GROUP_TEXT}
          maxWidth={W - 0.014}
          textAlign="center"
          anchorY="top"
          color={statusColor}
          position={[0, H / 2 - 0.012, 0.01]}
        />
        <Button
          label={action.label}
          width={W - 0.02}
          height={0.07}
          fontSize={XR_GROUP_LABEL}
          variant={action.variant}
          position={[0, -0.005, 0.01]}
          onPress={action.onPress}
          name={action.name}
        />
        <Button
          label={t(S.groupDetails)}
          width={W - 0.02}
          height={0.06}
          fontSize={XR_GROUP_LABEL}
          selected={detailsSelected}
          position={[0, -0.083, 0.01]}
          onPress={onDetails}
          name="group:details"
        />
      </Panel>
    </ViewSlot>
  )
}
