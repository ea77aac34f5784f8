// Sends this member's pose (head, and hands or controllers when tracked) at the scene's avatar rate,
// and applies the teacher's movement rules: locked movement, "follow me" and summon teleports.
// Runs at 'kindLogic', after 'playerPose', so the head pose it sends is this frame's final one.
import { useXRInputSourceState } from '@react-three/xr'
import { useEffect, useRef } from 'react'
import { type Object3D, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { teleportPlayer, usePlayer } from '../../../platform/locomotion'
import type { PoseTuple } from '../../../shared/classroom/classroom-messages'
import { followTarget } from '../../../shared/groups/follow-leader'
import { live, setTeleportHandler, useClassroom } from '../classroom-store'
import { POSE_FLOATS } from '../logic/avatar-buffer'
import { MovementLock } from '../logic/movement-lock'
import { poseTuple } from '../logic/pose-tuple'
import { sendPose } from '../room-actions'

/** How often a following student checks the distance to the teacher. */
const FOLLOW_CHECK_MS = 500
const p = new Vector3()
const q = new Quaternion()
const teacherPose = new Float32Array(POSE_FLOATS)

function poseOf(object: Object3D | undefined): PoseTuple | undefined {
  if (!object) return undefined
  object.getWorldPosition(p)
  object.getWorldQuaternion(q)
  return poseTuple(p, q)
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

  useFrameStage('kindLogic', ({ camera }) => {
    const now = performance.now()
    const ui = useClassroom.getState()
    // Tuples are built only at the send rate (10–20 Hz), never every frame.
    if (now - last.current >= 1000 / rateHz) {
      last.current = now
      const head = poseOf(camera)
      if (head) {
        sendPose(
          head,
          poseOf(leftHand?.object ?? leftController?.object),
          poseOf(rightHand?.object ?? rightController?.object),
        )
      }
    }
    // Locked movement: students stay where they were when the teacher locked (their own teleports
    // included); only the teacher's summon or follow moves them.
    const player = usePlayer.getState()
    const held = lock.current.hold(player.position, ui.movementLocked && ui.role === 'student')
    if (held && (player.position[0] !== held[0] || player.position[2] !== held[2])) {
      usePlayer.setState({ position: [...held] })
    }
    if (ui.followId && ui.followId !== ui.selfId && now - lastFollow.current > FOLLOW_CHECK_MS) {
      lastFollow.current = now
      if (live.avatars.sample(ui.followId, now, teacherPose)) {
        const to = followTarget(player.position, teacherPose[0], teacherPose[2])
        if (to) moveByTeacher.current(to)
      }
    }
  })
  return null
}
