// Everyone else in the room: a head with a visor, two hands (when tracked) and a name tag, posed each
// frame from the interpolating avatar buffer. The spotlit member gets a light cone from above.
import { useRef } from 'react'
import { type Group, type Mesh, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { UiText } from '../../../platform/ui'
import { POSE_FLOATS } from '../../../shared/classroom/classroom-messages'
import { live, type MemberInfo, useClassroom } from '../classroom-store'

const ROLE_COLOR = { teacher: '#c8102e', student: '#2f6db5' } as const

export function Avatars() {
  const members = useClassroom((s) => s.members)
  const selfId = useClassroom((s) => s.selfId)
  const spotlightId = useClassroom((s) => s.spotlightId)
  return (
    <group name="classroom-avatars">
      {members
        .filter((m) => m.id !== selfId)
        .map((m) => (
          <Avatar key={m.id} member={m} spotlit={m.id === spotlightId} />
        ))}
    </group>
  )
}

const pose = new Float32Array(POSE_FLOATS)
const q = new Quaternion()
const camPos = new Vector3()

function Avatar({ member, spotlit }: { member: MemberInfo; spotlit: boolean }) {
  const head = useRef<Group>(null)
  const left = useRef<Mesh>(null)
  const right = useRef<Mesh>(null)
  const tag = useRef<Group>(null)
  const cone = useRef<Mesh>(null)
  const color = ROLE_COLOR[member.role]

  useFrameStage('kindLogic', ({ camera }) => {
    const h = head.current
    if (!h) return
    const has = live.avatars.sample(member.id, performance.now(), pose)
    // Nobody has sent a pose yet (just joined): show nothing rather than a head on the floor.
    h.visible = has && pose[1] > 0.3
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
    if (tag.current) {
      tag.current.visible = h.visible
      tag.current.position.set(pose[0], pose[1] + 0.28, pose[2])
      // Name tags face the viewer.
      camera.getWorldPosition(camPos)
      tag.current.lookAt(camPos.x, tag.current.position.y, camPos.z)
    }
    if (cone.current) {
      cone.current.visible = h.visible && spotlit
      cone.current.position.set(pose[0], 1.6, pose[2])
    }
  })

  return (
    <group name={`avatar-${member.name}`}>
      <group ref={head} name={`avatar-head-${member.name}`}>
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
      <mesh ref={cone} visible={false}>
        <cylinderGeometry args={[0.15, 0.7, 3.2, 24, 1, true]} />
        <meshBasicMaterial color="#ffe28a" transparent opacity={0.22} depthWrite={false} />
      </mesh>
    </group>
  )
}
