// Everyone else in the room as a digital human: the teacher's or a student's skinned figure stands under
// the head pose its member sends (the body follows the head's place and heading, walking while it moves,
// and the head bone turns to where the member looks), tracked hands as small spheres, and a name tag.
// Posed each frame from the interpolating avatar buffer; only figures drawn last frame animate, far ones
// every few frames (CrowdTicker). The spotlit member gets a light cone from above. Until a figure's model
// loads, or if it cannot, a head with a visor stands in.
import { useCallback, useMemo, useRef } from 'react'
import { type Group, type Mesh, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import {
  CrowdTicker,
  type HumanoidAnimator,
  type HumanoidFrame,
  useCrowdFigure,
} from '../../../platform/humans'
import { AssetBoundary } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import { SPEAKING_LEVEL } from '../../../platform/voice-chat'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { POSE_FLOATS } from '../../../shared/classroom/classroom-messages'
import { type AvatarFigure, avatarFigures } from '../avatar-figures'
import { classVoice, live, type MemberInfo, useClassroom } from '../classroom-store'
import { AvatarBody } from '../logic/avatar-body'

const ROLE_COLOR = { teacher: '#c8102e', student: '#2f6db5' } as const
/** Within this distance (m) of the viewer a figure animates every frame. */
const NEAR_M = 4

export function Avatars({ content }: { content: ClassroomContent }) {
  const members = useClassroom((s) => s.members)
  const selfId = useClassroom((s) => s.selfId)
  const spotlightId = useClassroom((s) => s.spotlightId)
  const ticker = useMemo(() => new CrowdTicker(content.settings.maxMembers), [content.settings.maxMembers])
  useFrameStage('kindLogic', () => ticker.nextFrame())
  return (
    <group name="classroom-avatars">
      {members
        .filter((m) => m.id !== selfId)
        .map((m, i) => (
          <Avatar
            key={m.id}
            member={m}
            spotlit={m.id === spotlightId}
            src={content.avatars[m.role]}
            ticker={ticker}
            index={i % ticker.count}
          />
        ))}
    </group>
  )
}

const pose = new Float32Array(POSE_FLOATS)
const q = new Quaternion()
const camPos = new Vector3()
const forward = new Vector3()
const lookPoint = new Vector3()
const frame: HumanoidFrame = { delta: 0, lookAt: lookPoint, mouth: 0 }

interface AvatarProps {
  member: MemberInfo
  spotlit: boolean
  src: string
  ticker: CrowdTicker
  index: number
}

function Avatar({ member, spotlit, src, ticker, index }: AvatarProps) {
  const head = useRef<Group>(null)
  const standIn = useRef<Group>(null)
  const body = useRef<Group>(null)
  const left = useRef<Mesh>(null)
  const right = useRef<Mesh>(null)
  const tag = useRef<Group>(null)
  const cone = useRef<Mesh>(null)
  const speaking = useRef<Mesh>(null)
  const motion = useMemo(() => new AvatarBody(), [])
  const color = ROLE_COLOR[member.role]

  useFrameStage('kindLogic', ({ camera }, rawDelta) => {
    const h = head.current
    if (!h) return
    const delta = Math.min(rawDelta, 0.5)
    const has = live.avatars.sample(member.id, performance.now(), pose)
    // Nobody has sent a pose yet (just joined): show nothing rather than a head on the floor.
    h.visible = has && pose[1] > 0.3
    if (body.current) body.current.visible = h.visible
    if (!has) return
    h.position.set(pose[0], pose[1], pose[2])
    h.quaternion.copy(q.set(pose[3], pose[4], pose[5], pose[6]))
    const hands = live.avatars.tracks.get(member.id)?.hands ?? 0
    if (left.current) {
      left.current.visible = h.visible && (hands & 1) === 1
      left.current.position.set(pose[7], pose[8], pose[9])
    }
    if (right.current) {
      right.current.visible = h.visible && (hands & 2) === 2
      right.current.position.set(pose[14], pose[15], pose[16])
    }
    camera.getWorldPosition(camPos)
    if (tag.current) {
      tag.current.visible = h.visible
      tag.current.position.set(pose[0], pose[1] + 0.28, pose[2])
      // Name tags face the viewer.
      tag.current.lookAt(camPos.x, tag.current.position.y, camPos.z)
    }
    if (cone.current) {
      cone.current.visible = h.visible && spotlit
      cone.current.position.set(pose[0], 1.6, pose[2])
    }
    // Live voice comes from the head, and a ring over the name tag swells with the voice as heard here.
    const voice = classVoice()
    voice?.place(member.id, pose[0], pose[1], pose[2])
    const level = voice?.levelOf(member.id) ?? 0
    if (speaking.current) {
      speaking.current.visible = h.visible && level > SPEAKING_LEVEL
      speaking.current.position.set(pose[0], pose[1] + 0.4, pose[2])
      speaking.current.scale.setScalar(0.8 + Math.min(1, level * 2) * 0.5)
      speaking.current.lookAt(camPos)
    }
    const f = avatarFigures.get(member.id)
    if (standIn.current) standIn.current.visible = f === undefined
    if (!f || !body.current) return
    // The body stands under the eyes and turns after the head (a camera looks down -Z, the figure faces +Z).
    forward.set(0, 0, -1).applyQuaternion(q)
    const m = motion.follow(pose[0], pose[1], pose[2], Math.atan2(forward.x, forward.z), delta)
    const b = body.current
    b.rotation.y = m.yaw
    b.position.set(m.x, 0, m.z)
    b.scale.setScalar(m.scale)

    f.animator.setBase(m.walking ? 'walk' : 'idle')
    const near = camPos.distanceToSquared(h.position) < NEAR_M * NEAR_M
    const step = ticker.stepFigure(index, delta, f, false, near)
    if (step === 0) return
    lookPoint.set(pose[0], pose[1], pose[2]).addScaledVector(forward, 2)
    frame.delta = step
    frame.speed = m.speed
    f.animator.update(frame)
  })

  return (
    <group name={`avatar-${member.name}`}>
      <group ref={head} name={`avatar-head-${member.name}`}>
        <group ref={standIn}>
          <mesh>
            <sphereGeometry args={[0.13, 16, 12]} />
            <meshStandardMaterial color={member.connected ? color : '#9ca3af'} roughness={0.5} />
          </mesh>
          {/* Visor shows which way the member looks (-Z is forward). */}
          <mesh position={[0, 0.02, -0.1]}>
            <boxGeometry args={[0.2, 0.07, 0.06]} />
            <meshStandardMaterial color="#111827" roughness={0.3} />
          </mesh>
        </group>
      </group>
      <group ref={body} visible={false} name={`avatar-body-${member.name}`}>
        <AssetBoundary asset={src}>
          <Figure src={src} member={member} />
        </AssetBoundary>
      </group>
      <mesh ref={left} visible={false}>
        <sphereGeometry args={[0.045, 10, 8]} />
        <meshStandardMaterial color={color} />
      </mesh>
      <mesh ref={right} visible={false}>
        <sphereGeometry args={[0.045, 10, 8]} />
        <meshStandardMaterial color={color} />
      </mesh>
      <group ref={tag}>
        <UiText
          text={member.name}
          fontSize={0.07}
          color="#111827"
          outlineWidth={0.006}
          outlineColor="#ffffff"
        />
      </group>
      <mesh ref={speaking} visible={false} name={`avatar-speaking-${member.name}`}>
        <ringGeometry args={[0.05, 0.075, 24]} />
        <meshBasicMaterial color="#22c55e" />
      </mesh>
      <mesh ref={cone} visible={false}>
        <cylinderGeometry args={[0.15, 0.7, 3.2, 24, 1, true]} />
        <meshBasicMaterial color="#ffe28a" transparent opacity={0.22} depthWrite={false} />
      </mesh>
    </group>
  )
}

/** The member's own copy of the role's model, handed to the frame loop once it is in the scene. */
function Figure({ src, member }: { src: string; member: MemberInfo }) {
  const { id, role } = member
  const make = useCallback(
    (animator: HumanoidAnimator): AvatarFigure => ({ role, animator, drawn: true }),
    [role],
  )
  const object = useCrowdFigure(src, hashSeed(id), avatarFigures, id, make)
  return <primitive object={object} />
}

/** A stable seed per member, so each breathes and blinks on its own rhythm. */
function hashSeed(id: string): number {
  let h = 7
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return h || 1
}
