// The digital-human guide: walks between stops (GuideMotionDriver, model-free so the tour runs even if the
// model fails), and a skinned glTF humanoid (the platform's humans service) that walks, welcomes, points and
// talks with the narration level, blinks, and turns its head to the visitor.
import { Billboard } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { type Group, MathUtils, Vector3 } from 'three'
import { mouthLevel, useNarrationStore } from '../../../platform/audio'
import { useFrameStage } from '../../../platform/frame'
import { type HumanoidFrame, useHumanoid } from '../../../platform/humans'
import { useLocalize } from '../../../platform/i18n'
import { getHeadPosition, usePlayer } from '../../../platform/locomotion'
import { AssetBoundary } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import type { TourContent } from '../../../schema/kinds/tour'
import {
  type GuideCueInput,
  GuideGestures,
  guideBase,
  pointingSide,
  stationPosition,
} from '../logic/guide-gestures'
import type { Sphere } from '../logic/room-visibility'
import { dispatchTour, guideAvatar, guideMotion, useTourStore } from '../tour-store'
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
        <GuideModel tour={tour} />
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

/** The guide's blinks and idle phase; fixed, so every visit (and test) sees the same rhythm. */
const GUIDE_SEED = 7
const eye = new Vector3()
const cue: GuideCueInput = { moving: false, narrating: false, speaking: false, narrationToken: 0 }
const frame: HumanoidFrame = { delta: 0, lookAt: eye, mouth: 0 }

/** The skinned guide: walks, welcomes, points, talks with the voice's level and looks at the visitor. */
function GuideModel({ tour }: { tour: TourContent }) {
  const { object, animator } = useHumanoid(tour.guide.model, GUIDE_SEED)
  const gestures = useMemo(() => new GuideGestures(), [])
  const side = useMemo(
    () => () => {
      const { stopIndex } = useTourStore.getState().tour
      const target = stationPosition(tour, tour.stops[stopIndex]?.target)
      if (!target) return null
      const g = guideMotion.position
      return pointingSide(target[0] - g.x, target[2] - g.z, guideMotion.yaw)
    },
    [tour],
  )
  useEffect(() => {
    guideAvatar.animator = animator
    return () => {
      if (guideAvatar.animator === animator) guideAvatar.animator = null
    }
  }, [animator])

  useFrameStage('kindLogic', (_, rawDelta) => {
    const narration = useNarrationStore.getState()
    const { tour: state } = useTourStore.getState()
    cue.moving = guideMotion.moving
    cue.narrating = state.phase === 'narrating'
    cue.speaking = narration.speaking
    cue.narrationToken = state.narrationToken
    animator.setBase(guideBase(cue))
    // Walking off (the visitor pressed "next" mid-welcome) cuts a gesture short: setBase('walk') does it.
    const gesture = gestures.next(cue, animator.gesturePlaying !== null, side)
    if (gesture) animator.playGesture(gesture)
    getHeadPosition(eye)
    // Up to half a second a frame: on a slow frame (software GL) a cross-fade completes, rather than
    // the 2 m walk into a stop ending before the walk clip has faded in.
    frame.delta = Math.min(rawDelta, 0.5)
    frame.mouth = cue.narrating && narration.speaking ? mouthLevel() : 0
    frame.speed = tour.guide.speed
    animator.update(frame)
  })
  return <primitive object={object} />
}
