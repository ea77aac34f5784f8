// Thumbstick teleport, the default way to move in XR: push the right stick forward to show an arc
// from the controller; it lands on a reticle over a floor area, or turns red with no reticle where
// landing is refused. Letting the stick go teleports, but only onto a valid spot.
import { useXR, useXRStore } from '@react-three/xr'
import { useMemo, useRef } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  Line,
  LineBasicMaterial,
  type Mesh,
  Quaternion,
  Vector3,
} from 'three'
import type { Vec3 } from '../../schema/common'
import { useFrameStage } from '../frame'
import { locomotionDebug } from './locomotion-debug'
import { teleportPlayer, usePlayer } from './player'
import { computeTeleportArc } from './teleport-arc'

const MAX_POINTS = 81
/** Stick forward past this starts aiming (WebXR: forward is negative y). */
const AIM_THRESHOLD = -0.6
/** Back inside this counts as released. */
const RELEASE_THRESHOLD = -0.3
const VALID_COLOR = '#35d0ff'
const REFUSED_COLOR = '#ff3b30'

const origin = new Vector3()
const direction = new Vector3()
const rotation = new Quaternion()

export function ThumbstickTeleport() {
  const store = useXRStore()
  const referenceSpace = useXR((s) => s.originReferenceSpace)
  const xrOrigin = useXR((s) => s.origin)
  const reticle = useRef<Mesh>(null)
  const aiming = useRef(false)
  const lastLanding = useRef<Vec3 | null>(null)
  const line = useMemo(() => {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(MAX_POINTS * 3), 3))
    const l = new Line(geometry, new LineBasicMaterial({ color: VALID_COLOR, toneMapped: false }))
    l.name = 'teleport-arc'
    l.frustumCulled = false
    l.visible = false
    // The arc is feedback, not a target: rays must pass through it.
    l.raycast = () => {}
    return l
  }, [])

  useFrameStage('locomotion', (_, __, frame: XRFrame | undefined) => {
    const controller = store
      .getState()
      .inputSourceStates.find((s) => s.type === 'controller' && s.inputSource.handedness === 'right')
    const y =
      controller?.type === 'controller' ? (controller.gamepad['xr-standard-thumbstick']?.yAxis ?? 0) : 0
    const pose =
      controller && referenceSpace && frame?.getPose(controller.inputSource.targetRaySpace, referenceSpace)
    if (!aiming.current && y < AIM_THRESHOLD && pose) aiming.current = true
    if (aiming.current && (y > RELEASE_THRESHOLD || !controller)) {
      aiming.current = false
      const landing = lastLanding.current
      if (landing) teleportPlayer(landing, usePlayer.getState().yaw)
      lastLanding.current = null
    }
    if (!aiming.current || !pose) {
      line.visible = false
      if (reticle.current) reticle.current.visible = false
      locomotionDebug.aiming = false
      return
    }
    // The pose is in the XR origin's space; the floors are in world space.
    const p = pose.transform.position
    const o = pose.transform.orientation
    origin.set(p.x, p.y, p.z)
    rotation.set(o.x, o.y, o.z, o.w)
    direction.set(0, 0, -1).applyQuaternion(rotation)
    if (xrOrigin) {
      xrOrigin.updateWorldMatrix(true, false)
      origin.applyMatrix4(xrOrigin.matrixWorld)
      direction.transformDirection(xrOrigin.matrixWorld)
    }
    const arc = computeTeleportArc(
      [origin.x, origin.y, origin.z],
      [direction.x, direction.y, direction.z],
      usePlayer.getState().floors,
    )
    const positions = line.geometry.getAttribute('position') as BufferAttribute
    const count = Math.min(arc.points.length, MAX_POINTS)
    for (let i = 0; i < count; i++) positions.setXYZ(i, ...arc.points[i])
    positions.needsUpdate = true
    line.geometry.setDrawRange(0, count)
    ;(line.material as LineBasicMaterial).color.set(arc.valid ? VALID_COLOR : REFUSED_COLOR)
    line.visible = true
    lastLanding.current = arc.valid ? arc.landing : null
    const r = reticle.current
    if (r) {
      r.visible = arc.valid
      if (arc.valid && arc.landing) r.position.set(arc.landing[0], arc.landing[1] + 0.01, arc.landing[2])
    }
    locomotionDebug.aiming = true
    locomotionDebug.valid = arc.valid
    locomotionDebug.landing = arc.landing
  })

  return (
    <>
      <primitive object={line} />
      <mesh
        ref={reticle}
        name="teleport-reticle"
        rotation-x={-Math.PI / 2}
        visible={false}
        raycast={() => null}
      >
        <ringGeometry args={[0.18, 0.25, 32]} />
        <meshBasicMaterial color={VALID_COLOR} toneMapped={false} />
      </mesh>
    </>
  )
}
