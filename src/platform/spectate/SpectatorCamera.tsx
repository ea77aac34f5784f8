// The spectator screen's camera, in place of the visitor's rig: from the watched visitor's own eyes (their
// head pose, smoothed), or from a slow third-person orbit around them that shows their rays and hands in the
// scene, kept on their side of walls (orbit-reach.ts). Kinds read the head pose as usual, so head-locked
// panels and "near the visitor" rules follow the visitor, as on their device. The player's origin follows
// their head too, so panels anchored at the visitor's place (the twin's HUD) stand where the visitor sees
// them, not round the screen's own spawn: a 30 cm or 20° lag put the HUD's side panels half off the screen.
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { MathUtils, type PerspectiveCamera, type Scene, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { floorHeightAt, normalizeDegrees, setHeadPosition, setHeadYaw, usePlayer } from '../locomotion/player'
import { solidHitDistance } from '../locomotion/solid-objects'
import { spectatorDebug } from './debug'
import { easeReach, orbitReach } from './orbit-reach'
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

/** The orbit's line of sight is re-cast this often (a scene raycast), or at once when the head jumps. */
const ORBIT_CAST_S = 0.1
const ORBIT_RECAST_M = 0.3
/** Hits this close to the head are the visitor's own things (their hands), not walls. */
const ORBIT_NEAR_M = 0.2

const forward = new Vector3()
const focus = new Vector3()
const desired = new Vector3()
const castFrom = new Vector3()
const orbit = { reach: ORBIT_RADIUS, hit: null as number | null, castAt: -1 }

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
      desired.set(
        focus.x + Math.sin(angle) * ORBIT_RADIUS,
        focus.y + ORBIT_HEIGHT,
        focus.z + Math.cos(angle) * ORBIT_RADIUS,
      )
      placeOrbitCamera(camera, state.scene, state.clock.elapsedTime, delta)
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

/** Puts the camera on the head → desired line, in front of walls and over the visitor's floor area. */
function placeOrbitCamera(camera: PerspectiveCamera, scene: Scene, now: number, delta: number): void {
  if (now - orbit.castAt >= ORBIT_CAST_S || castFrom.distanceTo(focus) > ORBIT_RECAST_M) {
    orbit.hit = solidHitDistance(scene, focus, desired, ORBIT_NEAR_M, { structureOnly: true })
    orbit.castAt = now
    castFrom.copy(focus)
  }
  const target = orbitReach(focus.toArray(), desired.toArray(), usePlayer.getState().floors, orbit.hit)
  orbit.reach = easeReach(orbit.reach, target, Math.min(delta, 0.1))
  const full = focus.distanceTo(desired)
  camera.position.copy(focus).lerp(desired, full > 0 ? orbit.reach / full : 0)
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
