// The lab bench's model station: the model the teacher placed, shared by everyone. The teacher, or the
// one student granted control, turns it by dragging (ray, hand, mouse or touch); others see it follow.
import type { ThreeEvent } from '@react-three/fiber'
import { useRef } from 'react'
import { type Group, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { useLocalize } from '../../../platform/i18n'
import { AssetBoundary, SceneModel } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { live, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { sendModelPose, setModelDragging } from '../room-actions'

/** Bench top height of the lab bench model, plus room for the model to float above it. */
const STATION_HEIGHT = 1.25
/** The station pad's top on the bench: in AR the station stands on the visitor's table instead. */
const PAD_TOP = 0.945
const up = new Vector3(0, 1, 0)
const right = new Vector3(1, 0, 0)
/** The pose the model eases towards, reused every frame. */
const target = new Quaternion()
const pitchTurn = new Quaternion()
const rot = new Quaternion()

/** `onTable`: the AR presentation's station, its pad on the placed group's ground (the real table). */
export function ModelStation({ content, onTable = false }: { content: ClassroomContent; onTable?: boolean }) {
  const [bx, by, bz] = content.layout.benchPosition
  const modelId = useClassroom((s) => s.modelId)
  const controller = useClassroom((s) => s.modelController)
  const selfId = useClassroom((s) => s.selfId)
  const role = useClassroom((s) => s.role)
  const mode = useClassroom((s) => s.mode)
  const localize = useLocalize()
  const model = content.labModels.find((m) => m.id === modelId)
  const canControl = mode === 'online' && (role === 'teacher' || controller === selfId)
  const group = useRef<Group>(null)
  const drag = useRef<{ x: number; y: number; start: Quaternion } | null>(null)
  const lastSent = useRef(0)

  useFrameStage('kindLogic', () => {
    const g = group.current
    if (!g) return
    const p = live.modelPose
    g.position.set(p[0], p[1], p[2])
    g.quaternion.slerp(target.set(p[3], p[4], p[5], p[6]), 0.35)
  })

  const onDown = (e: ThreeEvent<PointerEvent>) => {
    if (!canControl) return
    e.stopPropagation()
    ;(e.target as unknown as { setPointerCapture?(id: number): void }).setPointerCapture?.(e.pointerId)
    drag.current = {
      x: e.point.x,
      y: e.point.y,
      start: new Quaternion(live.modelPose[3], live.modelPose[4], live.modelPose[5], live.modelPose[6]),
    }
    setModelDragging(true)
  }
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const d = drag.current
    if (!d) return
    // Sideways drag turns about the vertical, up/down tilts: 1 m of pointer travel ≈ 2.5 turns.
    const yaw = (e.point.x - d.x) * 8
    const pitch = -(e.point.y - d.y) * 8
    rot.setFromAxisAngle(up, yaw).multiply(pitchTurn.setFromAxisAngle(right, pitch)).multiply(d.start)
    live.modelPose[3] = rot.x
    live.modelPose[4] = rot.y
    live.modelPose[5] = rot.z
    live.modelPose[6] = rot.w
    const now = performance.now()
    if (now - lastSent.current > 50) {
      lastSent.current = now
      sendModelPose()
    }
  }
  const onUp = () => {
    if (!drag.current) return
    drag.current = null
    setModelDragging(false)
    sendModelPose()
  }

  return (
    <group position={onTable ? [0, -PAD_TOP, 0] : [bx - 0.3, by, bz]} name="model-station">
      {/* The station pad on the bench top. */}
      <mesh position={[0, 0.93, 0]}>
        <cylinderGeometry args={[0.32, 0.34, 0.03, 32]} />
        <meshStandardMaterial color={canControl ? '#2f855a' : '#4b5563'} />
      </mesh>
      <UiText
        text={localize(S.labBench)}
        fontSize={0.06}
        position={[0, 0.96, 0.45]}
        rotation={[-Math.PI / 2.6, 0, 0]}
        color="#111827"
      />
      {model && (
        <group position={[0, STATION_HEIGHT, 0]}>
          <group
            ref={group}
            name="lab-model"
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
          >
            <AssetBoundary asset={model.src} fallback={<FallbackModel />}>
              <SceneModel src={model.src} scale={model.scale} name={`lab-model-${model.id}`} />
            </AssetBoundary>
            {/* An invisible grab sphere: the whole model is easy to hit, even its thin parts. */}
            <mesh visible={false}>
              <sphereGeometry args={[0.3, 12, 8]} />
              <meshBasicMaterial />
            </mesh>
          </group>
          <UiText
            text={localize(model.title)}
            fontSize={0.05}
            position={[0, 0.42, 0]}
            color="#111827"
            outlineWidth={0.004}
            outlineColor="#ffffff"
          />
          {controller === selfId && role === 'student' && (
            <UiText text={localize(S.youControl)} fontSize={0.04} position={[0, 0.35, 0]} color="#166534" />
          )}
        </group>
      )}
    </group>
  )
}

function FallbackModel() {
  return (
    <mesh>
      <icosahedronGeometry args={[0.18, 1]} />
      <meshStandardMaterial color="#8b5cf6" flatShading />
    </mesh>
  )
}
