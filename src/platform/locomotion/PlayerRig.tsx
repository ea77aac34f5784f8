// Moves the visitor. In XR: the XR origin follows the player store; the right thumbstick teleports
// (forward) and snap-turns (left/right, 30° by default, comfort first); the left stick walks when
// smooth locomotion is on, behind a comfort vignette. On desktop and touch: first-person camera with drag-to-look,
// WASD/arrow keys, and a short glide to a clicked floor point.

import { createXRControllerLocomotionUpdate } from '@pmndrs/xr/internals'
import { useThree } from '@react-three/fiber'
import { useXR, useXRStore, XROrigin } from '@react-three/xr'
import { useEffect, useMemo, useRef } from 'react'
import { type Group, MathUtils, type PerspectiveCamera, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { pressClaimed, resetPressClaim } from '../input/press-claim'
import { desktopVerticalFov } from '../render/desktop-fov'
import { useSettings } from '../settings/settings-store'
import { ComfortVignette } from './ComfortVignette'
import { createDesktopLookState, listenDesktopLook } from './desktop-look-input'
import { locomotionDebug } from './locomotion-debug'
import {
  DESKTOP_EYE_HEIGHT,
  floorHeightAt,
  isOnFloor,
  setHeadPosition,
  setHeadYaw,
  usePlayer,
} from './player'
import { ThumbstickTeleport } from './ThumbstickTeleport'

const WALK_SPEED = 2.2 // m/s on desktop keys: brisk but not dizzying
const SMOOTH_SPEED = 1.5 // m/s with the left stick: slower than desktop, kinder to the inner ear
const scratch = new Vector3()
const look = new Vector3()

/** The camera's world yaw in degrees (0 looks down -Z), for recentering. */
function trackHeadYaw(camera: { getWorldDirection(v: Vector3): Vector3 }) {
  camera.getWorldDirection(look)
  setHeadYaw(MathUtils.radToDeg(Math.atan2(-look.x, -look.z)))
}

export function PlayerRig() {
  const inXR = useXR((s) => s.mode !== null)
  return inXR ? <XRRig /> : <DesktopRig />
}

function XRRig() {
  const origin = useRef<Group>(null)
  const position = usePlayer((s) => s.position)
  const yaw = usePlayer((s) => s.yaw)
  const seated = useSettings((s) => s.seated)
  const turn = useSettings((s) => s.turn)
  const smooth = useSettings((s) => s.smoothLocomotion)
  const camera = useThree((s) => s.camera)
  // Seated visitors' heads are ~0.45 m lower; lift the origin so the scene is seen from standing height.
  const lift = seated ? 0.45 : 0

  const store = useXRStore()
  // The library's useXRControllerLocomotion does this at useFrame priority 0, after every kind; the same
  // update at the locomotion stage keeps the written frame order.
  const locomotionUpdate = useMemo(() => createXRControllerLocomotionUpdate(), [])
  const onLocomotion = (velocity: Vector3, rotationVelocityY: number, delta: number) => {
    if (rotationVelocityY !== 0) {
      usePlayer.setState((s) => ({ yaw: s.yaw + MathUtils.radToDeg(rotationVelocityY) }))
    }
    if (!smooth || velocity.lengthSq() === 0) return
    // Walking stays on the floor areas, like teleport; the vignette narrows the view meanwhile.
    locomotionDebug.moving = true
    const { position: p, floors } = usePlayer.getState()
    const nx = p[0] + velocity.x * delta
    const nz = p[2] + velocity.z * delta
    const y = floorHeightAt(floors, nx, nz)
    if (y !== undefined) usePlayer.setState({ position: [nx, y, nz] })
  }
  const translation = smooth ? { speed: SMOOTH_SPEED } : false
  const rotation =
    turn.mode === 'snap'
      ? ({ type: 'snap', degrees: turn.degrees, deadZone: 0.5 } as const)
      : ({ type: 'smooth', speed: MathUtils.degToRad(90), deadZone: 0.2 } as const)
  useFrameStage('locomotion', (state, delta) =>
    locomotionUpdate(onLocomotion, store, state.camera, delta, translation, rotation, 'left', delta),
  )

  useFrameStage('playerPose', () => {
    setHeadPosition(camera.getWorldPosition(scratch))
    trackHeadYaw(camera)
  })
  return (
    <>
      <XROrigin
        ref={origin}
        name="xr-origin"
        position={[position[0], position[1] + lift, position[2]]}
        rotation-y={MathUtils.degToRad(yaw)}
      />
      <ThumbstickTeleport />
      {smooth && <ComfortVignette />}
    </>
  )
}

function DesktopRig() {
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const pitch = useRef(0)
  const glideTarget = useRef<Vector3 | null>(null)
  const teleportCount = usePlayer((s) => s.teleportCount)
  const lastTeleport = useRef(teleportCount)

  // Drag to look (mouse and touch). Small movements still count as clicks on 3D objects. The drag is
  // applied in the locomotion stage, after the 3D pointer events of the frame: a press a slider claimed
  // (claimPress) scrubs the slider and leaves the view alone.
  const input = useMemo(createDesktopLookState, [])
  useEffect(() => listenDesktopLook(input, gl.domElement, window, resetPressClaim), [gl, input])

  // Wider on a portrait screen (desktop-fov.ts); the view slots and the kinds' own fits read the same rule.
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  useEffect(() => {
    const perspective = camera as PerspectiveCamera
    if (!perspective.isPerspectiveCamera) return
    const fov = desktopVerticalFov(width / Math.max(1, height))
    if (perspective.fov === fov) return
    perspective.fov = fov
    perspective.updateProjectionMatrix()
  }, [camera, width, height])

  useFrameStage('locomotion', (_, delta) => {
    const drag = input.drag
    if ((drag.dx || drag.dy) && !pressClaimed()) {
      usePlayer.setState((s) => ({ yaw: s.yaw + drag.dx * 0.25 }))
      pitch.current = MathUtils.clamp(pitch.current + drag.dy * 0.2, -70, 70)
    }
    drag.dx = 0
    drag.dy = 0
    const state = usePlayer.getState()
    const pos = new Vector3(...state.position)
    if (state.teleportCount !== lastTeleport.current) {
      // A teleport on desktop becomes a short glide, so the visitor sees where they went.
      lastTeleport.current = state.teleportCount
      glideTarget.current = pos.clone()
    }
    const yawRad = MathUtils.degToRad(state.yaw)
    const keys = input.keys
    const forward = (has(keys, 'KeyW', 'ArrowUp') ? 1 : 0) - (has(keys, 'KeyS', 'ArrowDown') ? 1 : 0)
    const strafe = (has(keys, 'KeyD', 'ArrowRight') ? 1 : 0) - (has(keys, 'KeyA', 'ArrowLeft') ? 1 : 0)
    if (forward || strafe) {
      glideTarget.current = null
      const step = WALK_SPEED * Math.min(delta, 0.1)
      const nx = pos.x + (-Math.sin(yawRad) * forward + Math.cos(yawRad) * strafe) * step
      const nz = pos.z + (-Math.cos(yawRad) * forward - Math.sin(yawRad) * strafe) * step
      if (isOnFloor(state.floors, nx, nz)) usePlayer.setState({ position: [nx, pos.y, nz] })
    }
    // The camera eases towards the player position (a glide after a click, steady while walking).
    const eye = scratch.set(state.position[0], state.position[1] + DESKTOP_EYE_HEIGHT, state.position[2])
    if (glideTarget.current) {
      camera.position.lerp(eye, Math.min(1, delta * 6))
      if (camera.position.distanceTo(eye) < 0.02) glideTarget.current = null
    } else {
      camera.position.copy(eye)
    }
    camera.rotation.set(MathUtils.degToRad(-pitch.current), yawRad, 0, 'YXZ')
    setHeadPosition(camera.position)
    setHeadYaw(state.yaw)
  })
  return null
}

function has(keys: Set<string>, ...codes: string[]): boolean {
  return codes.some((code) => keys.has(code))
}
