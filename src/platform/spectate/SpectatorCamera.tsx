// The spectator screen's camera, in place of the visitor's rig: from the watched visitor's own eyes
// (their head pose, smoothed), or from a slow third-person orbit around them that shows their rays and
// hands in the scene. Kinds read the head pose as usual, so head-locked panels and "near the visitor"
// rules follow the visitor, as on their device. The player's origin follows their head too, so panels
// anchored at the visitor's place (the twin's HUD) stand where the visitor sees them, not round the
// screen's own spawn: a 30 cm or 20° lag put the HUD's side panels half off the screen.
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { MathUtils, type PerspectiveCamera, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { floorHeightAt, normalizeDegrees, setHeadPosition, setHeadYaw, usePlayer } from '../locomotion/player'
import { spectatorDebug } from './debug'
import { spectatorFollower, useSpectator } from './spectator-session'

/** A booth screen is wider than a headset's eye; this shows about what the visitor sees. */
const HEAD_FOV = 80
const ORBIT_FOV = 60
const ORBIT_RADIUS = 2.6
const ORBIT_HEIGHT = 0.9
/** One turn round the visitor per minute: slow enough to read panels. */
const ORBIT_RAD_PER_S = (Math.PI * 2) / 60

/** How far the visitor moves, or turns, before the player's origin follows: only what the eye would see. */
const ORIGIN_FOLLOW_M = 0.02
const ORIGIN_FOLLOW_DEG = 1

const forward = new Vector3()
const focus = new Vector3()

export function SpectatorCamera() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const view = useSpectator((s) => s.view)
  useEffect(() => {
    camera.fov = view === 'head' ? HEAD_FOV : ORBIT_FOV
    camera.updateProjectionMatrix()
  }, [camera, view])

  useFrameStage('locomotion', (state, delta) => {
    const pose = spectatorFollower.follow(performance.now(), Math.min(delta, 0.1))
    spectatorDebug.stale = pose?.stale ?? true
    if (!pose) return
    forward.set(0, 0, -1).applyQuaternion(pose.quaternion)
    setHeadPosition(pose.position)
    const headYaw = MathUtils.radToDeg(Math.atan2(-forward.x, -forward.z))
    setHeadYaw(headYaw)
    followOrigin(pose.position, headYaw)
    if (useSpectator.getState().view === 'head') {
      camera.position.copy(pose.position)
      camera.quaternion.copy(pose.quaternion)
    } else {
      const angle = state.clock.elapsedTime * ORBIT_RAD_PER_S
      focus.copy(pose.position)
      camera.position.set(
        focus.x + Math.sin(angle) * ORBIT_RADIUS,
        focus.y + ORBIT_HEIGHT,
        focus.z + Math.cos(angle) * ORBIT_RADIUS,
      )
      camera.lookAt(focus.x, focus.y - 0.3, focus.z)
    }
    camera.updateMatrixWorld()
    spectatorDebug.camera = [camera.position.x, camera.position.y, camera.position.z]
    spectatorDebug.cameraQuaternion = [
      camera.quaternion.x,
      camera.quaternion.y,
      camera.quaternion.z,
      camera.quaternion.w,
    ]
  })
  return null
}

/** Moves the player's origin under the visitor's head once they have stepped or turned far enough. */
function followOrigin(head: Vector3, headYaw: number): void {
  const { position, yaw, floors } = usePlayer.getState()
  const moved = Math.hypot(head.x - position[0], head.z - position[2]) > ORIGIN_FOLLOW_M
  const turned = Math.abs(normalizeDegrees(headYaw - yaw)) > ORIGIN_FOLLOW_DEG
  if (!moved && !turned) return
  const y = floorHeightAt(floors, head.x, head.z) ?? position[1]
  usePlayer.setState({ position: [head.x, y, head.z], yaw: headYaw })
}
