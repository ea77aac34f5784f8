// Sends this member's pose (head, and hands or controllers when tracked) at the scene's avatar rate,
// and applies the teacher's movement rules: locked movement, "follow me" and summon teleports.
import { useFrame } from '@react-three/fiber'
import { useXRInputSourceState } from '@react-three/xr'
import { useEffect, useRef } from 'react'
import { type Object3D, Quaternion, Vector3 } from 'three'
import { teleportPlayer, usePlayer } from '../../platform/locomotion/player'
import type { PoseTuple } from './classroom-messages'
import { live, send, setTeleportHandler, useClassroom } from './classroom-session'
import { MovementLock } from './movement-lock'

const p = new Vector3()
const q = new Quaternion()

function poseOf(object: Object3D | undefined): PoseTuple | undefined {
  if (!object) return undefined
  object.getWorldPosition(p)
  object.getWorldQuaternion(q)
  return [round(p.x), round(p.y), round(p.z), round(q.x), round(q.y), round(q.z), round(q.w)]
}

/** Millimetre precision is plenty and keeps unchanged poses byte-identical (no patch at all). */
function round(v: number): number {
  return Math.round(v * 1000) / 1000
}

export function PoseSender({ rateHz }: { rateHz: number }) {
  const leftController = useXRInputSourceState('controller', 'left')
  const rightController = useXRInputSourceState('controller', 'right')
  const leftHand = useXRInputSourceState('hand', 'left')
  const rightHand = useXRInputSourceState('hand', 'right')
  const last = useRef(0)
  const lock = useRef(new MovementLock())
  const lastFollow = useRef(0)

  // The teacher's own moves (summon, follow me) re-anchor a movement lock instead of being undone by it.
  const moveByTeacher = useRef((position: [number, number, number], yaw?: number) => {
    teleportPlayer(position, yaw)
    lock.current.movedByTeacher(usePlayer.getState().position)
  })

  useEffect(() => {
    setTeleportHandler((e) => moveByTeacher.current(e.position, e.yaw))
    return () => setTeleportHandler(undefined)
  }, [])

  useFrame(({ camera }) => {
    const now = performance.now()
    const ui = useClassroom.getState()
    if (now - last.current >= 1000 / rateHz) {
      last.current = now
      const head = poseOf(camera)
      if (head) {
        const left = poseOf(leftHand?.object ?? leftController?.object)
        const right = poseOf(rightHand?.object ?? rightController?.object)
        send('pose', { head, ...(left ? { left } : {}), ...(right ? { right } : {}) })
      }
    }
    // Locked movement: students stay where they were when the teacher locked (their own teleports
    // included); only the teacher's summon or follow moves them.
    const player = usePlayer.getState()
    const held = lock.current.hold(player.position, ui.movementLocked && ui.role === 'student')
    if (held && (player.position[0] !== held[0] || player.position[2] !== held[2])) {
      usePlayer.setState({ position: [...held] })
    }
    // Follow me: stay within 2.5 m of the teacher, arriving 1.5 m behind them.
    if (ui.followId && ui.followId !== ui.selfId && now - lastFollow.current > 500) {
      lastFollow.current = now
      const tp = new Float32Array(21)
      if (live.avatars.sample(ui.followId, now, tp)) {
        const dx = player.position[0] - tp[0]
        const dz = player.position[2] - tp[2]
        const d = Math.hypot(dx, dz)
        if (d > 2.5) moveByTeacher.current([tp[0] + (dx / d) * 1.5, 0, tp[2] + (dz / d) * 1.5])
      }
    }
  })
  return null
}
