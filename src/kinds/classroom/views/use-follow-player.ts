// A student's floating panels (quiz, voice) follow the player's feet and facing lazily, so they stay
// readable without being glued to the head.
import type { RefObject } from 'react'
import { type Group, MathUtils } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { usePlayer } from '../../../platform/locomotion'

/**
 * Eases the group towards `distance` m ahead of the player and `side` m to their right (negative: left), at
 * `height` m, facing the way they face; read each frame, so the numbers may change between renders.
 */
export function useFollowPlayer(
  group: RefObject<Group | null>,
  distance: number,
  side: number,
  height: number,
) {
  useFrameStage('uiFollow', (_, delta) => {
    const g = group.current
    if (!g) return
    const { position, yaw } = usePlayer.getState()
    const r = MathUtils.degToRad(yaw)
    const tx = position[0] - Math.sin(r) * distance + Math.cos(r) * side
    const tz = position[2] - Math.cos(r) * distance - Math.sin(r) * side
    const k = Math.min(1, delta * 4)
    g.position.set(g.position.x + (tx - g.position.x) * k, height, g.position.z + (tz - g.position.z) * k)
    g.rotation.y = r
  })
}
