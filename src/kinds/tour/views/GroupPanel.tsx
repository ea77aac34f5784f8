// The docent-led group panel: outside a group (the view's "left" slot), open one (docent) or join by code
// on the in-VR keyboard; a docent's board in the centre shows the code and a QR code of the join link, the
// members and Gather / End, and folds into the left slot; a visitor's (left) shows the group, whether they
// follow, and Step out / Back to group.
import { useEffect, useState } from 'react'
import { enterGroup, groupJoinUrl, leaveGroup, setFollowing, useGroup } from '../../../platform/groups'
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { Button, FIELD_LAYOUT, Panel, theme, UiText, ViewSlot, VirtualKeyboard } from '../../../platform/ui'
import { useXRSession } from '../../../platform/xr'
import { GROUP_MAX_DEVICES } from '../../../shared/groups/group-messages'
import { cleanRoomCode } from '../../../shared/groups/room-code'
import { setGroupPanelOpen, useTourStore } from '../tour-store'
import { tourStrings as S } from '../tour-strings'
import { DocentGroupPanel } from './DocentGroupPanel'
import { VisitorGroupPanelXR } from './GroupPanelXR'
import { VisitorVoiceControls } from './GroupVoiceControls'

const W = 0.5

/** The link the docent's QR code shows now (null when none), for the debug view. */
export const groupQrShown = { text: null as string | null }

export function GroupPanel({ scene }: { scene: string }) {
  const open = useTourStore((s) => s.groupPanelOpen)
  const g = useGroup()
  const [draft, setDraft] = useState<string | null>(null)
  const t = useLocalize()
  const lang = useLang()
  const inXR = useXRSession((s) => s.mode !== null)
  const qrText =
    g.role === 'docent' && g.code ? groupJoinUrl(window.location.origin, scene, g.code, lang) : null
  // The docent's board in a headset has no QR code: no one else sees it.
  const qrShown = open && qrText !== null && !inXR
  useEffect(() => {
    groupQrShown.text = qrShown ? qrText : null
    return () => {
      groupQrShown.text = null
    }
  }, [qrShown, qrText])
  // While in a group its panel stays (a visitor: whom they follow, step out; a docent: the folded board).
  if (!open && g.status === 'none') return null

  if (draft !== null)
    return (
      <ViewSlot slot="center" width={0.9} height={0.66} name="group-code-slot">
        <Panel width={0.9} height={0.66} name="group-code-panel">
          <UiText text={t(S.groupTypeCode)} fontSize={0.04} maxWidth={0.84} position={[0, 0.28, 0.01]} />
          <UiText
            name="group-code-draft"
            text={`${draft}_`}
            fontSize={0.055}
            color={theme.text}
            position={[0, 0.2, 0.01]}
          />
          <VirtualKeyboard
            value={draft}
            onChange={(v) => setDraft(cleanRoomCode(v))}
            onSubmit={(typed) => {
              setDraft(null)
              if (typed.length >= 5) void enterGroup(scene, typed)
            }}
            onCancel={() => setDraft(null)}
            maxLength={8}
            layout={FIELD_LAYOUT}
            announceKeys
            width={0.84}
            position={[0, -0.08, 0.01]}
            name="group-keyboard"
          />
        </Panel>
      </ViewSlot>
    )

  const problem =
    g.problem === 'full'
      ? S.groupFull
      : g.problem === 'not-found'
        ? S.groupNotFound
        : g.problem === 'ended'
          ? S.groupEnded
          : g.problem === 'refused'
            ? S.groupRefused
            : g.problem === 'offline'
              ? S.groupOffline
              : null

  if (g.status === 'none' || (g.status === 'connecting' && !g.code)) {
    const connecting = g.status === 'connecting'
    const H = 0.44
    return (
      <ViewSlot slot="left" width={W} height={H} name="group-slot">
        <Panel width={W} height={H} color="#20232a" opacity={0.92} name="group-panel">
          <UiText text={t(S.group)} fontSize={0.045} color="#fff4d6" position={[0, 0.17, 0.01]} />
          <UiText
            name="group-status"
            text={connecting ? t(S.groupConnecting) : problem ? t(problem) : ''}
            fontSize={0.032}
            color={problem ? '#fca5a5' : '#fff4d6'}
            maxWidth={W - 0.04}
            position={[0, 0.115, 0.01]}
          />
          <Button
            label={t(S.groupLead)}
            width={W - 0.06}
            fontSize={0.036}
            variant="primary"
            disabled={connecting}
            position={[0, 0.035, 0.01]}
            onPress={() => void enterGroup(scene)}
            name="group:lead"
          />
          <Button
            label={t(S.groupJoinByCode)}
            width={W - 0.06}
            fontSize={0.036}
            disabled={connecting}
            position={[0, -0.065, 0.01]}
            onPress={() => setDraft('')}
            name="group:join"
          />
          <Button
            label={t(S.close)}
            width={0.22}
            height={0.07}
            fontSize={0.034}
            position={[0, -0.16, 0.01]}
            onPress={() => setGroupPanelOpen(false)}
            name="group:close"
          />
        </Panel>
      </ViewSlot>
    )
  }

  const reconnecting = g.status === 'reconnecting'
  const members = fillPlaceholders(t(S.groupMembers), {
    members: g.members,
    max: GROUP_MAX_DEVICES,
    following: g.following,
  })

  if (g.role === 'docent')
    return (
      <DocentGroupPanel
        open={open}
        code={g.code ?? ''}
        qrText={qrText}
        status={reconnecting ? t(S.groupReconnecting) : members}
        reconnecting={reconnecting}
      />
    )

  // A visitor: always shown while in a group, so they know whom they follow and can step out, and ask to speak.
  const H = 0.5
  const status = reconnecting
    ? t(S.groupReconnecting)
    : !g.selfFollowing
      ? t(S.groupOnOwn)
      : g.docentOnline
        ? t(S.groupFollowing)
        : t(S.groupDocentAway)
  if (inXR) return <VisitorGroupPanelXR />
  return (
    <ViewSlot slot="left" width={W} height={H} name="group-slot">
      <Panel width={W} height={H} color="#20232a" opacity={0.92} name="group-panel">
        <UiText
          name="group-code"
          text={`${t(S.group)} ${g.code ?? ''}`}
          fontSize={0.042}
          color="#fff4d6"
          position={[0, 0.2, 0.01]}
        />
        <UiText
          name="group-status"
          text={status}
          fontSize={0.034}
          maxWidth={W - 0.04}
          color={g.selfFollowing ? '#bbf7d0' : '#fde68a'}
          position={[0, 0.14, 0.01]}
        />
        <Button
          label={t(g.selfFollowing ? S.groupStepOut : S.groupStepIn)}
          width={W - 0.06}
          fontSize={0.036}
          variant={g.selfFollowing ? 'secondary' : 'primary'}
          position={[0, 0.065, 0.01]}
          onPress={() => setFollowing(!g.selfFollowing)}
          name="group:follow"
        />
        <VisitorVoiceControls y={-0.02} width={W} />
        <Button
          label={t(S.groupLeave)}
          width={0.22}
          height={0.07}
          fontSize={0.034}
          position={[0, -0.195, 0.01]}
          onPress={() => {
            void leaveGroup()
            setGroupPanelOpen(false)
          }}
          name="group:leave"
        />
      </Panel>
    </ViewSlot>
  )
}
