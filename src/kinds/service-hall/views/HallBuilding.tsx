// The physical hall: the merged static shell, the instanced window counters and seat rows, clerks at
// every window, and the signs that make it readable at a glance (window numbers and business areas).
import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { useNarrationStore } from '../../../platform/audio'
import { useLang, useLocalize } from '../../../platform/i18n'
import { pulseSelectingController } from '../../../platform/input'
import { getPlayerPosition } from '../../../platform/locomotion'
import { InstancedModel, type Placement } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { avatarMouthOffset, buildAvatar, buildHallShell, HALL_COLORS } from '../logic/hall-geometry'
import { routeTo, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'

/** Clerks sit this far behind the counter's centre line. */
export const CLERK_DEPTH = -0.6

function turn(
  origin: readonly number[],
  rotationY: number,
  local: [number, number, number],
): [number, number, number] {
  const a = (rotationY * Math.PI) / 180
  return [
    origin[0] + local[0] * Math.cos(a) + local[2] * Math.sin(a),
    origin[1] + local[1],
    origin[2] - local[0] * Math.sin(a) + local[2] * Math.cos(a),
  ]
}

export { turn as placeLocal }

/** Seat rows filling the waiting area: two blocks either side of a central aisle, rows 1.2 m apart. */
function seatPlacements(content: ServiceHallContent): Placement[] {
  const w = content.layout.waitingArea
  const rows = Math.max(1, Math.floor(w.size[1] / 1.2))
  const perSide = Math.max(1, Math.floor((w.size[0] / 2 - 0.5) / 2.4))
  const out: Placement[] = []
  for (let r = 0; r < rows; r++) {
    const z = (r - (rows - 1) / 2) * 1.2
    for (let k = 0; k < perSide; k++) {
      const x = 0.5 + 1.2 + k * 2.4
      for (const s of [-1, 1])
        out.push({ position: turn(w.position, w.rotationY, [s * x, 0, z]), rotationY: w.rotationY })
    }
  }
  return out
}

export function HallBuilding({ content }: { content: ServiceHallContent }) {
  const { layout } = content
  const shell = useMemo(() => buildHallShell(layout), [layout])
  const windowPlacements = useMemo(
    () => layout.windows.map((w) => ({ position: w.position, rotationY: w.rotationY })),
    [layout.windows],
  )
  const seats = useMemo(() => seatPlacements(content), [content])
  return (
    <group name="service-hall">
      <mesh geometry={shell} name="hall-shell">
        <meshLambertMaterial vertexColors />
      </mesh>
      <InstancedModel src={layout.models.window} placements={windowPlacements} name="hall-windows" />
      <InstancedModel src={layout.models.seatRow} placements={seats} name="hall-seats" />
      <Clerks content={content} />
      <HallSigns content={content} />
    </group>
  )
}

function Clerks({ content }: { content: ServiceHallContent }) {
  const windows = content.layout.windows
  const placements = useMemo(
    () =>
      windows.map((w) => ({
        position: turn(w.position, w.rotationY, [0, 0, CLERK_DEPTH]),
        rotationY: w.rotationY,
      })),
    [windows],
  )
  // Every clerk's body in one geometry: one draw call however many windows the hall has.
  const bodies = useMemo(() => {
    const one = buildAvatar({ seated: true })
    const all = mergeGeometries(
      placements.map((p) =>
        one
          .clone()
          .applyMatrix4(
            new Matrix4().compose(
              new Vector3(...p.position),
              new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), (p.rotationY * Math.PI) / 180),
              new Vector3(1, 1, 1),
            ),
          ),
      ),
    )
    return all ?? one
  }, [placements])
  const mouths = useRef<InstancedMesh>(null)
  const m = useMemo(() => new Matrix4(), [])
  useFrame(() => {
    const im = mouths.current
    if (!im) return
    const { clerkWindowId } = useHall.getState()
    const level = useNarrationStore.getState().level
    const offset = avatarMouthOffset(true)
    windows.forEach((w, i) => {
      const talking = w.id === clerkWindowId ? level : 0
      const p = turn(placements[i].position, w.rotationY, offset)
      m.compose(
        new Vector3(...p),
        new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), (w.rotationY * Math.PI) / 180),
        new Vector3(1, 0.35 + talking * 1.3, 0.4),
      )
      im.setMatrixAt(i, m)
    })
    im.instanceMatrix.needsUpdate = true
  })
  return (
    <group name="hall-clerks">
      <mesh geometry={bodies} name="clerk-bodies">
        <meshLambertMaterial vertexColors />
      </mesh>
      {placements.map((p, i) => (
        <group
          key={windows[i].id}
          position={turn(p.position, p.rotationY, [0, 1.2, 0])}
          name={`clerk:${windows[i].id}`}
        />
      ))}
      <instancedMesh ref={mouths} args={[undefined, undefined, windows.length]} frustumCulled={false}>
        <sphereGeometry args={[0.03, 8, 4]} />
        <meshBasicMaterial color="#5a1a1a" />
      </instancedMesh>
    </group>
  )
}

function HallSigns({ content }: { content: ServiceHallContent }) {
  const lang = useLang()
  const l = useLocalize()
  const { layout } = content
  const hz = layout.size[1] / 2
  // A tap on a window's sign asks the guide for the way there, like asking staff in a real hall.
  const openClerkAt = (windowId: string) => {
    const p = getPlayerPosition()
    routeTo({ kind: 'window', windowId }, [p.x, p.z])
  }
  return (
    <group name="hall-signs">
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
            position={turn(w.position, w.rotationY, [0, 2.35, -0.015])}
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
        position={turn(layout.guidanceDesk.position, layout.guidanceDesk.rotationY, [0, 2.1, 0])}
        rotationY={layout.guidanceDesk.rotationY}
      />
      <PlaceLabel
        text={l(strings.selfService)}
        position={turn(layout.selfService.position, layout.selfService.rotationY, [0, 2.2, 0])}
        rotationY={layout.selfService.rotationY}
      />
      <PlaceLabel
        text={l(strings.ticketMachine)}
        position={turn(layout.ticketMachine.position, layout.ticketMachine.rotationY, [0, 1.95, 0])}
        rotationY={layout.ticketMachine.rotationY}
        size={0.12}
      />
      <PlaceLabel
        text={l(strings.waitingArea)}
        position={turn(layout.waitingArea.position, layout.waitingArea.rotationY, [
          0,
          0.03,
          layout.waitingArea.size[1] / 2 + 0.15,
        ])}
        rotationY={layout.waitingArea.rotationY + 180}
        flat
        size={0.25}
      />
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
        new Vector3(...turn(w.position, w.rotationY, [0, 2.35, -0.02])),
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
      userData={{ interactive: true, label: 'window signs' }}
      onClick={(e) => {
        e.stopPropagation()
        const w = e.instanceId === undefined ? undefined : windows[e.instanceId]
        if (!w) return
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
          outlineWidth={flat ? 0 : size * 0.08}
          outlineColor="#ffffff"
        />
      </group>
    </group>
  )
}
