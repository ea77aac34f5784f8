// Joining: pick student or teacher (teachers key in the code on a 3D keypad, usable with rays, hands,
// mouse and touch), optionally a name typed on the platform's 3D keyboard (a DOM prompt cannot open
// inside an immersive session), then join the shared class — or explore alone without a server.

import type { ReactNode } from 'react'
import { useState } from 'react'
import { useLocalize } from '../../../platform/i18n'
import {
  Button,
  FIELD_LAYOUT,
  FlatLayerGroup,
  fitDistance,
  Panel,
  theme,
  UiText,
  useDesktopViewShape,
  VirtualKeyboard,
  XR_COMFORT,
  xrCentreDistance,
} from '../../../platform/ui'
import { useXRSession } from '../../../platform/xr'
import type { Vec3 } from '../../../schema/common'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import type { ClassroomRole } from '../../../shared/classroom/classroom-roles'
import { confirmedName, NAME_MAX_LENGTH } from '../../../shared/classroom/student-name'
import { joinClass, startSolo, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { joinStatus, KEYPAD_KEYS, pressKeypad, roomCodeFrom } from '../logic/join-form'

/** The panel's height for both roles (the keypad's place is always kept). */
export const JOIN_PANEL_HEIGHT = 1.3

function urlParam(name: string): string {
  return new URLSearchParams(window.location.search).get(name)?.trim() ?? ''
}

/** The panel's distance from the spawn point (index.tsx places it there) and the design eye height. */
const BASE_DISTANCE = 1.2
const EYE = 1.6
const XR_DISTANCE = xrCentreDistance(1.0, JOIN_PANEL_HEIGHT)
const XR_PITCH = (XR_COMFORT.pitchDeg * Math.PI) / 180

export function JoinPanel({
  scene,
  content,
  position: placed,
}: {
  scene: string
  content: ClassroomContent
  position: Vec3
}) {
  const localize = useLocalize()
  // A narrow (portrait) window sees a narrow slice: the panel steps back until it fits.
  const distance = fitDistance(
    useDesktopViewShape(),
    1.0,
    JOIN_PANEL_HEIGHT,
    BASE_DISTANCE,
    0,
    placed[1] - EYE,
  )
  // In a VR headset it faces the eye down the comfort field's centre line, between the XR menu's column
  // and the right one: at desktop height it reached above the field and under the menu. (In AR a view
  // slot places it: ClassroomAR.)
  const xr = useXRSession((s) => s.mode === 'immersive-vr')
  const spawnZ = placed[2] + BASE_DISTANCE
  const position: Vec3 = xr
    ? [placed[0], EYE + XR_DISTANCE * Math.sin(XR_PITCH), spawnZ - XR_DISTANCE * Math.cos(XR_PITCH)]
    : [placed[0], placed[1], placed[2] - (distance - BASE_DISTANCE)]
  const rotation: Vec3 = [xr ? XR_PITCH : 0, 0, 0]
  const mode = useClassroom((s) => s.mode)
  const message = useClassroom((s) => s.message)
  const [role, setRole] = useState<ClassroomRole>('student')
  const [code, setCode] = useState('')
  const [name, setName] = useState(() =>
    confirmedName(urlParam('name'), `${localize(S.student)}${Math.floor(10 + Math.random() * 90)}`),
  )
  // The name being typed; null while the keyboard is closed.
  const [draft, setDraft] = useState<string | null>(null)
  const roomCode = roomCodeFrom(urlParam('room'))
  const busy = mode === 'connecting'
  const status = statusText(joinStatus(mode, message), localize)
  if (draft !== null) {
    return (
      <Placed position={position} rotation={rotation}>
        <Panel width={1.0} height={JOIN_PANEL_HEIGHT} name="join-panel">
          <group position={[0, 0.22, 0]}>
            <UiText text={localize(S.name)} fontSize={0.05} position={[0, 0.31, 0.01]} />
            <mesh position={[0, 0.2, 0.005]}>
              <planeGeometry args={[0.9, 0.09]} />
              <meshBasicMaterial color="#ffffff" toneMapped={false} />
            </mesh>
            {/* The caret is ASCII, so every character shown is typed Latin or the name the panel already had. */}
            <UiText
              name="join-name-draft"
              text={`${draft}_`}
              fontSize={0.045}
              color={theme.text}
              maxWidth={0.86}
              position={[0, 0.2, 0.01]}
            />
            <VirtualKeyboard
              value={draft}
              onChange={setDraft}
              onSubmit={(typed) => {
                setName(confirmedName(typed, name))
                setDraft(null)
              }}
              onCancel={() => setDraft(null)}
              maxLength={NAME_MAX_LENGTH}
              layout={FIELD_LAYOUT}
              announceKeys
              width={0.9}
              position={[0, -0.1, 0.01]}
              name="join-keyboard"
            />
          </group>
        </Panel>
      </Placed>
    )
  }
  // One layout for both roles: the keypad's place is kept while "学生" is chosen, so choosing "教师"
  // moves nothing under the pointer (the next press lands where the visitor aimed).
  return (
    <Placed position={position} rotation={rotation}>
      <Panel width={1.0} height={JOIN_PANEL_HEIGHT} name="join-panel">
        <UiText text={localize(S.joinTitle)} fontSize={0.06} position={[0, 0.55, 0.01]} />
        {roomCode && (
          <UiText
            text={`${localize(S.roomCode)}: ${roomCode}`}
            fontSize={0.04}
            position={[0, 0.485, 0.01]}
            color="#6b7280"
          />
        )}
        <Button
          name="join-name"
          label={`${localize(S.name)}: ${name}`}
          width={0.8}
          position={[0, 0.4, 0.01]}
          onPress={() => setDraft(name)}
        />
        <Button
          name="join-role-student"
          label={localize(S.student)}
          width={0.38}
          selected={role === 'student'}
          position={[-0.2, 0.29, 0.01]}
          onPress={() => setRole('student')}
        />
        <Button
          name="join-role-teacher"
          label={localize(S.teacher)}
          width={0.38}
          selected={role === 'teacher'}
          position={[0.2, 0.29, 0.01]}
          onPress={() => setRole('teacher')}
        />
        <group position={[0, 0.17, 0.01]} name="join-keypad-area">
          {role === 'teacher' ? (
            <>
              <UiText
                text={`${localize(S.teacherCode)}: ${'•'.repeat(code.length)}`}
                fontSize={0.04}
                position={[0, 0, 0]}
              />
              {KEYPAD_KEYS.map((k, i) => (
                <Button
                  key={k}
                  name={`join-key-${k === '退格' ? 'back' : k}`}
                  label={k === '退格' ? localize(S.keypadBack) : k === 'C' ? localize(S.keypadClear) : k}
                  width={0.2}
                  height={0.08}
                  position={[(i % 3) * 0.22 - 0.22, -0.09 - Math.floor(i / 3) * 0.095, 0]}
                  onPress={() => setCode((c) => pressKeypad(c, k))}
                />
              ))}
            </>
          ) : (
            <UiText
              name="join-teacher-hint"
              text={localize(S.teacherOnly)}
              fontSize={0.04}
              maxWidth={0.8}
              position={[0, -0.2, 0]}
              color="#6b7280"
            />
          )}
        </group>
        <group position={[0, -0.42, 0.01]}>
          <Button
            name="join-submit"
            label={localize(S.join)}
            variant="primary"
            width={0.38}
            disabled={busy || (role === 'teacher' && code.length === 0)}
            position={[-0.2, 0, 0]}
            onPress={() =>
              void joinClass(
                {
                  scene,
                  name,
                  role,
                  teacherCode: role === 'teacher' ? code : undefined,
                  roomCode: roomCode || undefined,
                },
                content,
              )
            }
          />
          <Button
            name="join-solo"
            label={localize(S.solo)}
            width={0.38}
            disabled={busy}
            position={[0.2, 0, 0]}
            onPress={() => startSolo(content, scene)}
          />
          <UiText
            name="join-status"
            text={status}
            fontSize={0.04}
            maxWidth={0.9}
            position={[0, -0.1, 0]}
            color="#9b1c1c"
          />
        </group>
      </Panel>
    </Placed>
  )
}

/**
 * Where the panel stands. In a headset it is one picture per eye, redrawn only when it changes (as the hall's
 * navigator): its background, keys (two sizes) and texts were four draws per eye in a class's VR frame before
 * a visitor joins.
 */
function Placed({ position, rotation, children }: { position: Vec3; rotation: Vec3; children: ReactNode }) {
  return (
    <group position={position} rotation={rotation} name="join-stand">
      <FlatLayerGroup>{children}</FlatLayerGroup>
    </group>
  )
}

function statusText(status: ReturnType<typeof joinStatus>, localize: ReturnType<typeof useLocalize>): string {
  switch (status.kind) {
    case 'connecting':
      return localize(S.connecting)
    case 'kicked':
      return localize(S.kicked)
    case 'ended':
      return localize(S.classEnded)
    case 'offline':
      return localize(S.offline)
    case 'failed':
      return `${localize(S.joinFailed)}${status.detail}`
    default:
      return ''
  }
}
