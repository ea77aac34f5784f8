// The digital-human guide: walks between stops (GuideMotionDriver, model-free so the tour runs even if the
// model fails), and a glTF humanoid that idles, talks with the narration level and turns to face the visitor.
import { Billboard } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { type Group, MathUtils, type Object3D, Vector3 } from 'three'
import { useNarrationStore } from '../../../platform/audio'
import { useFrameStage } from '../../../platform/frame'
import { useLocalize } from '../../../platform/i18n'
import { getHeadPosition, usePlayer } from '../../../platform/locomotion'
import { AssetBoundary, useSceneModel } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import type { TourContent } from '../../../schema/kinds/tour'
import type { Sphere } from '../logic/room-visibility'
import { dispatchTour, guideMotion, useTourStore } from '../tour-store'
import { useRoomCulling } from './RoomCulling'

/** Distance (m) at which a free-walking visitor counts as "arrived" at the stop. */
const NEAR_RADIUS = 2.5
const head = new Vector3()
const toTarget = new Vector3()

/**
 * Advances the guide along its walk and reports arrival and a nearby visitor to the sequencer. It turns
 * to the head pose PlayerRig writes, so it runs at 'kindLogic', after 'playerPose'.
 */
export function GuideMotionDriver({ tour }: { tour: TourContent }) {
  useFrameStage('kindLogic', (_, rawDelta) => {
    // Wall-clock pace even at low frame rates (software GL, a busy headset); only a stalled tab is capped.
    const delta = Math.min(rawDelta, 1)
    const m = guideMotion
    if (m.moving) {
      toTarget.subVectors(m.target, m.position).setY(0)
      const distance = toTarget.length()
      const step = tour.guide.speed * delta
      if (distance <= Math.max(step, 0.02)) {
        m.position.copy(m.target)
        m.moving = false
        m.sinceArrival = 0
        dispatchTour({ type: 'guideArrived' })
      } else {
        m.position.addScaledVector(toTarget.normalize(), step)
        m.yaw = turnTowards(m.yaw, Math.atan2(toTarget.x, toTarget.z), delta * 8)
      }
    } else {
      m.sinceArrival += delta
      getHeadPosition(head)
      const toVisitor = head.sub(m.position)
      if (toVisitor.lengthSq() > 0.01)
        m.yaw = turnTowards(m.yaw, Math.atan2(toVisitor.x, toVisitor.z), delta * 3)
    }
    const { tour: state } = useTourStore.getState()
    if (state.phase === 'waiting') {
      const stop = tour.stops[state.stopIndex]
      const p = usePlayer.getState().position
      if (Math.hypot(p[0] - stop.visitorPosition[0], p[2] - stop.visitorPosition[2]) < NEAR_RADIUS) {
        dispatchTour({ type: 'visitorNear' })
      }
    }
  })
  return null
}

function turnTowards(current: number, target: number, maxStep: number): number {
  const diff = MathUtils.euclideanModulo(target - current + Math.PI, Math.PI * 2) - Math.PI
  return current + MathUtils.clamp(diff, -maxStep, maxStep)
}

/** The guide's space (body and name label), following it as it walks between the rooms; one reused sphere. */
const guideCenter: [number, number, number] = [0, 0, 0]
const guideSpheres: readonly Sphere[] = [{ center: guideCenter, radius: 1.3 }]
const guideBounds = (): readonly Sphere[] => {
  const p = guideMotion.position
  guideCenter[0] = p.x
  guideCenter[1] = p.y + 1
  guideCenter[2] = p.z
  return guideSpheres
}

export function TourGuide({ tour }: { tour: TourContent }) {
  const t = useLocalize()
  const root = useRef<Group>(null)
  useRoomCulling(root, guideBounds)
  useFrameStage('kindLogic', () => {
    const g = root.current
    if (!g) return
    g.position.copy(guideMotion.position)
    g.rotation.y = guideMotion.yaw
  })
  return (
    <group ref={root} name="tour-guide">
      <AssetBoundary asset={tour.guide.model} fallback={<GuideFallback />}>
        <GuideModel src={tour.guide.model} />
      </AssetBoundary>
      <GuideNameLabel name={t(tour.guide.name)} />
    </group>
  )
}

/** Label distance (m) at which the name is drawn at its design size: 0.07 m, a cap of about 1.2°. */
const LABEL_DESIGN_DISTANCE = 2.5
const labelWorld = new Vector3()
const eyeWorld = new Vector3()

/**
 * The guide's name above its head. It faces the visitor (it turned with the guide's body, so from the
 * side it was a sliver) and keeps about the same angular size from 1.5 m to 10 m, so it is neither tiny
 * across the plaza nor huge and cut off by the top of the view up close.
 */
function GuideNameLabel({ name }: { name: string }) {
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera)
  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
    g.getWorldPosition(labelWorld)
    camera.getWorldPosition(eyeWorld)
    const d = labelWorld.distanceTo(eyeWorld)
    g.scale.setScalar(MathUtils.clamp(d / LABEL_DESIGN_DISTANCE, 0.6, 4))
  })
  return (
    <Billboard position={[0, 2.0, 0]}>
      <group ref={group} name="tour-guide:label">
        <UiText
          text={name}
          fontSize={0.07}
          color="#fff4d6"
          outlineWidth={0.006}
          outlineColor="#5a1010"
          anchorY="bottom"
          fixedSize
        />
      </group>
    </Billboard>
  )
}

/** A plain stand-in while (or if) the humanoid model is unavailable, so the visitor still sees the guide. */
function GuideFallback() {
  return (
    <mesh position={[0, 0.85, 0]}>
      <capsuleGeometry args={[0.22, 1.2, 4, 8]} />
      <meshStandardMaterial color="#2f4a3a" />
    </mesh>
  )
}

interface Rig {
  body?: Object3D
  head?: Object3D
  mouth?: Object3D
  armL?: Object3D
  armR?: Object3D
  legL?: Object3D
  legR?: Object3D
}

function GuideModel({ src }: { src: string }) {
  const gltf = useSceneModel(src)
  const { object, rig, rest } = useMemo(() => {
    const object = gltf.scene.clone(true)
    const rig: Rig = {
      body: object.getObjectByName('Body'),
      head: object.getObjectByName('Head'),
      mouth: object.getObjectByName('Mouth'),
      armL: object.getObjectByName('ArmL'),
      armR: object.getObjectByName('ArmR'),
      legL: object.getObjectByName('LegL'),
      legR: object.getObjectByName('LegR'),
    }
    const rest = {
      bodyY: rig.body?.position.y ?? 0,
      mouthY: rig.mouth?.scale.y ?? 1,
      headY: rig.head?.rotation.y ?? 0,
    }
    return { object, rig, rest }
  }, [gltf.scene])
  const phase = useRef(0)

  useFrameStage('kindLogic', (state, rawDelta) => {
    const delta = Math.min(rawDelta, 0.1)
    const time = state.clock.elapsedTime
    const walking = guideMotion.moving
    const narration = useNarrationStore.getState()
    const talking = narration.speaking && useTourStore.getState().tour.phase === 'narrating'
    phase.current += delta * (walking ? 7.5 : 0)
    const swing = walking ? Math.sin(phase.current) * 0.45 : 0
    if (rig.legL) rig.legL.rotation.x = MathUtils.damp(rig.legL.rotation.x, swing, 12, delta)
    if (rig.legR) rig.legR.rotation.x = MathUtils.damp(rig.legR.rotation.x, -swing, 12, delta)
    // Idle: breathing; walking: a small bounce per step.
    if (rig.body) {
      const bob = walking ? Math.abs(Math.sin(phase.current)) * 0.025 : Math.sin(time * 1.6) * 0.006
      rig.body.position.y = rest.bodyY + bob
    }
    // Arms: swing while walking, gesture while talking, hang relaxed otherwise.
    const gesture = talking ? -0.55 + Math.sin(time * 2.1) * 0.25 : 0
    if (rig.armL)
      rig.armL.rotation.x = MathUtils.damp(
        rig.armL.rotation.x,
        walking ? -swing * 0.8 : Math.sin(time * 1.3) * 0.04,
        8,
        delta,
      )
    if (rig.armR)
      rig.armR.rotation.x = MathUtils.damp(rig.armR.rotation.x, walking ? swing * 0.8 : gesture, 6, delta)
    if (rig.armR) rig.armR.rotation.z = MathUtils.damp(rig.armR.rotation.z, talking ? -0.25 : 0, 6, delta)
    // Mouth follows the narration level; head nods gently while talking.
    if (rig.mouth) {
      const open = talking ? 0.25 + narration.level * 1.1 : 0.25
      rig.mouth.scale.y = MathUtils.damp(rig.mouth.scale.y, rest.mouthY * open, 20, delta)
    }
    if (rig.head) {
      rig.head.rotation.x = talking ? Math.sin(time * 3.2) * 0.06 : Math.sin(time * 0.7) * 0.03
      rig.head.rotation.y = rest.headY + Math.sin(time * 0.4) * 0.08
    }
  })
  return <primitive object={object} />
}
