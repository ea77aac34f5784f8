// The signs that make the hall readable at a glance: its name, each window's number and business area
// (a tap on one asks the guide for the way there), and labels over the desk, machine and waiting area.
import { useLayoutEffect, useRef } from 'react'
import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three'
import { logPointer } from '../../../platform/debug'
import { useLang, useLocalize } from '../../../platform/i18n'
import { pulseSelectingController } from '../../../platform/input'
import { usePlayer } from '../../../platform/locomotion'
import { UiBatch, UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { HALL_COLORS } from '../logic/hall-geometry'
import { placeLocal } from '../logic/hall-placement'
import { routeTo } from '../service-hall-store'
import { strings } from '../service-hall-strings'

export function HallSigns({ content }: { content: ServiceHallContent }) {
  const lang = useLang()
  const l = useLocalize()
  const { layout } = content
  const hz = layout.size[1] / 2
  // A tap on a window's sign asks the guide for the way there, like asking staff in a real hall.
  const openClerkAt = (windowId: string) => {
    const p = usePlayer.getState().position
    routeTo({ kind: 'window', windowId }, [p[0], p[2]])
  }
  return (
    <group name="hall-signs">
      {/* The hall's name and its ten window signs in one draw call per eye. */}
      <UiBatch>
        <UiText
          text={l(content.hallName)}
          fontSize={0.5}
          fixedSize
          color="#ffffff"
          position={[0, 3.75, -hz + 0.13]}
          name="sign:hall-name"
        />
        <SignPlates content={content} onPress={openClerkAt} />
        {layout.windows.map((w) => {
          const text = lang === 'zh' ? `${w.number}号 ${w.area.zh}` : `${w.number} ${l(w.area)}`
          return (
            <group
              key={w.id}
              name={`window-sign:${w.id}`}
              position={placeLocal(w.position, w.rotationY, [0, 2.35, -0.015])}
              rotation-y={(w.rotationY * Math.PI) / 180}
            >
              <UiText
                text={text}
                fontSize={lang === 'zh' ? 0.105 : 0.075}
                maxWidth={0.86}
                fixedSize
                color={w.general ? '#ffd166' : '#7fe0ff'}
                textAlign="center"
              />
            </group>
          )
        })}
        <PlaceLabel
          text={`${l(strings.guidanceDesk)}`}
          position={placeLocal(layout.guidanceDesk.position, layout.guidanceDesk.rotationY, [0, 2.1, 0])}
          rotationY={layout.guidanceDesk.rotationY}
        />
        <PlaceLabel
          text={l(strings.selfService)}
          position={placeLocal(layout.selfService.position, layout.selfService.rotationY, [0, 2.2, 0])}
          rotationY={layout.selfService.rotationY}
        />
        <PlaceLabel
          text={l(strings.ticketMachine)}
          position={placeLocal(layout.ticketMachine.position, layout.ticketMachine.rotationY, [0, 1.95, 0])}
          rotationY={layout.ticketMachine.rotationY}
          size={0.12}
        />
        <PlaceLabel
          text={l(strings.waitingArea)}
          position={placeLocal(layout.waitingArea.position, layout.waitingArea.rotationY, [
            0,
            0.03,
            layout.waitingArea.size[1] / 2 + 0.15,
          ])}
          rotationY={layout.waitingArea.rotationY + 180}
          flat
          size={0.25}
        />
      </UiBatch>
    </group>
  )
}

/** One instanced plate behind every window sign; pressing a sign asks the guide for the way there. */
function SignPlates({
  content,
  onPress,
}: {
  content: ServiceHallContent
  onPress: (windowId: string) => void
}) {
  const windows = content.layout.windows
  const plates = useRef<InstancedMesh>(null)
  useLayoutEffect(() => {
    const im = plates.current
    if (!im) return
    const m = new Matrix4()
    windows.forEach((w, i) => {
      m.compose(
        new Vector3(...placeLocal(w.position, w.rotationY, [0, 2.35, -0.02])),
        new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), (w.rotationY * Math.PI) / 180),
        new Vector3(1, 1, 1),
      )
      im.setMatrixAt(i, m)
    })
    im.instanceMatrix.needsUpdate = true
    im.computeBoundingSphere()
  }, [windows])
  return (
    <instancedMesh
      ref={plates}
      args={[undefined, undefined, windows.length]}
      name="window-sign-plates"
      userData={{ interactive: true, label: 'window-sign' }}
      onClick={(e) => {
        e.stopPropagation()
        const w = e.instanceId === undefined ? undefined : windows[e.instanceId]
        if (!w) return
        // Logged like every platform control's click, so a press that missed the sign is visible.
        logPointer(`click:window-sign:${w.id}:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
        pulseSelectingController()
        onPress(w.id)
      }}
    >
      <planeGeometry args={[0.9, 0.3]} />
      <meshBasicMaterial color="#10161d" toneMapped={false} />
    </instancedMesh>
  )
}

function PlaceLabel({
  text,
  position,
  rotationY,
  size = 0.16,
  flat = false,
}: {
  text: string
  position: [number, number, number]
  rotationY: number
  size?: number
  flat?: boolean
}) {
  return (
    <group position={position} rotation-y={(rotationY * Math.PI) / 180}>
      <group rotation-x={flat ? -Math.PI / 2 : 0}>
        <UiText
          text={text}
          fontSize={size}
          fixedSize
          color={flat ? HALL_COLORS.wallBand : HALL_COLORS.accent}
          // No outline on the floor: the hall's text batch then draws it (an outlined text draws on its own).
          outlineWidth={flat ? undefined : size * 0.08}
          outlineColor="#ffffff"
        />
      </group>
    </group>
  )
}
