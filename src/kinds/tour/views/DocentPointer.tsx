// The docent's presence in a group tour. On the docent's device, where their pointer's ray meets the
// tour (any pointer: mouse, touch, controller or hand ray) and where they stand go out ten times a
// second when changed; on a visitor's device the pointer is a marker everyone sees, and a following
// visitor is brought after the docent when the docent moves on (the shared LeaderFollower).
import type { ThreeEvent } from '@react-three/fiber'
import { useRef } from 'react'
import type { Group } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { docentLive, shareDocentPose, useGroup } from '../../../platform/groups'
import { teleportPlayer, usePlayer } from '../../../platform/locomotion'
import { LeaderFollower } from '../../../shared/groups/follow-leader'
import { DOCENT_POSE_HZ } from '../../../shared/groups/group-messages'

/** A pointer not moved for this long counts as lowered: the marker goes away. */
const POINTER_STALE_MS = 5000
/** How often a following visitor checks the distance to the docent. */
const FOLLOW_CHECK_MS = 500

/** Where the docent's pointer last met the tour, written by pointer events, read at the kindLogic stage. */
export const docentPointer = { point: null as [number, number, number] | null, at: 0 }

/** The tour root's pointer-move handler on the docent's device (undefined elsewhere: no extra raycasts). */
export function useDocentPointerHandler(): ((e: ThreeEvent<PointerEvent>) => void) | undefined {
  const docent = useGroup((s) => s.role === 'docent' && s.code !== null)
  if (!docent) return undefined
  return (e) => {
    docentPointer.point = [e.point.x, e.point.y, e.point.z]
    docentPointer.at = performance.now()
  }
}

export function DocentPoseSender() {
  const last = useRef(0)
  useFrameStage('kindLogic', () => {
    const now = performance.now()
    if (now - last.current < 1000 / DOCENT_POSE_HZ) return
    last.current = now
    const [x, , z] = usePlayer.getState().position
    const fresh = docentPointer.point && now - docentPointer.at < POINTER_STALE_MS
    shareDocentPose([x, z], fresh ? docentPointer.point : null)
  })
  return null
}

/** What the visitor's marker shows, for the debug view: the point drawn, or null when hidden. */
export const docentMarkerShown = { point: null as [number, number, number] | null }

export function DocentMarker() {
  const marker = useRef<Group>(null)
  const seen = useRef(-1)
  const follower = useRef(new LeaderFollower())
  const lastFollow = useRef(0)
  useFrameStage('kindLogic', () => {
    const now = performance.now()
    const g = useGroup.getState()
    if (!g.selfFollowing) follower.current.reset()
    if (!docentLive.known || !g.selfFollowing || now - lastFollow.current < FOLLOW_CHECK_MS) return
    lastFollow.current = now
    const to = follower.current.update(
      usePlayer.getState().position,
      docentLive.position[0],
      docentLive.position[1],
    )
    if (to) teleportPlayer(to)
  })
  useFrameStage('uiFollow', () => {
    const m = marker.current
    if (!m || seen.current === docentLive.version) return
    seen.current = docentLive.version
    const p = docentLive.known ? docentLive.pointer : null
    m.visible = p !== null
    if (p) m.position.set(p[0], p[1], p[2])
    docentMarkerShown.point = p
  })
  return (
    <group ref={marker} name="docent-pointer" visible={false}>
      <mesh raycast={() => null}>
        <sphereGeometry args={[0.05, 16, 12]} />
        <meshBasicMaterial color="#ef4444" toneMapped={false} depthTest={false} transparent opacity={0.9} />
      </mesh>
      <mesh raycast={() => null} renderOrder={1}>
        <sphereGeometry args={[0.11, 16, 12]} />
        <meshBasicMaterial color="#fca5a5" toneMapped={false} transparent opacity={0.35} depthWrite={false} />
      </mesh>
    </group>
  )
}
