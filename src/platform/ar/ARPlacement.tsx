// The group a kind's AR presentation renders in: first a reticle on real surfaces (WebXR hit-test from
// the right controller or hand, else the head) and a hint; a select (trigger, pinch, tap) puts the model
// there, facing the visitor. Without hit-test it goes 0.8 m in front at table height. Once placed it sits
// on a baked contact shadow that is also its grab handle (drag to slide it over the table; two hands turn and
// resize it), with a bar of turn / size / reset / place-again buttons at its front edge, and is held by an
// anchor where the browser has them.
// Poses are kept in room space (the XR origin's), so a teleport or snap turn never moves the model.
import { useThree } from '@react-three/fiber'
import { useXR, useXRHitTest, useXRInputSourceState } from '@react-three/xr'
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { Euler, type Group, Matrix4, type Object3D, Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { useLocalize } from '../i18n'
import { Button, HeadFollow, Panel, UiText } from '../ui'
import { forgetXRSwitch } from '../xr/xr-switch'
import { arShown } from './ar-debug'
import {
  type ARFootprint,
  type ARPose,
  inFrontPose,
  placeAt,
  resetPlacement,
  resetTurnAndZoom,
  restoreKeptPlacement,
  setAnchored,
  TURN_STEP,
  turnBy,
  useARPlacement,
  yawFacing,
  ZOOM_STEP,
  zoomBy,
} from './ar-placement'
import { grantedARFeatures } from './ar-session'
import { arStrings as S } from './ar-strings'
import { ContactShadow } from './ContactShadow'
import { useBaseGrips } from './use-base-grips'

export interface ARPlacementProps {
  /** Metres per model unit (1/200 for a park shown at 1:200). */
  scale: number
  footprint: ARFootprint
  children: ReactNode
}

const matrix = new Matrix4()
const v = new Vector3()
const q = new Quaternion()
const up = new Vector3()
const euler = new Euler(0, 0, 0, 'YXZ')

/** A point in the XR origin's (room) space from world space, and back. */
const toRoom = (origin: Object3D | undefined, p: Vector3) => (origin ? origin.worldToLocal(p) : p)
const originYaw = (origin: Object3D | undefined) =>
  origin ? euler.setFromQuaternion(origin.getWorldQuaternion(q)).y : 0

export function ARPlacement({ scale, footprint, children }: ARPlacementProps) {
  const phase = useARPlacement((s) => s.phase)
  // Back from a visit to VR: the model where it was left, and the way back is used up.
  useLayoutEffect(() => {
    restoreKeptPlacement()
    forgetXRSwitch()
  }, [])
  // A scene left (or AR left) starts over with the reticle next time.
  useEffect(() => () => resetPlacement(), [])
  return phase === 'placing' ? (
    <Placer />
  ) : (
    <Placed scale={scale} footprint={footprint}>
      {children}
    </Placed>
  )
}

function Placer() {
  const session = useXR((s) => s.session)
  const origin = useXR((s) => s.origin)
  const referenceSpace = useXR((s) => s.originReferenceSpace)
  const camera = useThree((s) => s.camera)
  const localize = useLocalize()
  const canHitTest = grantedARFeatures(session).includes('hit-test')
  const controller = useXRInputSourceState('controller', 'right')
  const hand = useXRInputSourceState('hand', 'right')
  const space = controller?.inputSource.targetRaySpace ?? hand?.inputSource.targetRaySpace ?? 'viewer'
  const reticle = useRef<Group>(null)
  const hit = useRef<Vector3 | null>(null)
  const [found, setFound] = useState(false)

  useXRHitTest(
    canHitTest
      ? (results) => {
          // Read in the origin's reference space, i.e. room space, where poses are kept. (The library's
          // world matrix multiplies by the origin object it found when the source was made, which can be
          // one since replaced: in the hall, whose visitor stands 8 m from the world's origin, the model
          // went 8 m from the table.)
          if (!referenceSpace) return
          // The first hit on a level surface (a table top or the floor, not a wall): the hit pose's +Y is the normal.
          let at: Vector3 | null = null
          for (const result of results) {
            const pose = result.getPose(referenceSpace)
            if (!pose) continue
            matrix.fromArray(pose.transform.matrix).decompose(v, q, up)
            if (up.set(0, 1, 0).applyQuaternion(q).y < 0.85) continue
            at = (hit.current ?? new Vector3()).copy(v)
            break
          }
          hit.current = at
          // The reticle is drawn in the world.
          const world = at && (origin ? origin.localToWorld(at.clone()) : at.clone())
          arShown.reticle = world ? [world.x, world.y, world.z] : null
          const r = reticle.current
          if (r) {
            r.visible = world !== null
            if (world) r.position.copy(world)
          }
          if ((at !== null) !== found) setFound(at !== null)
        }
      : undefined,
    space,
  )

  // No hit-test: the model goes in front of the visitor at table height as soon as the head is tracked.
  useFrameStage('kindLogic', () => {
    if (canHitTest || !session) return
    const head = toRoom(origin, camera.getWorldPosition(new Vector3()))
    const yaw = euler.setFromQuaternion(camera.getWorldQuaternion(q)).y - originYaw(origin)
    const pose = inFrontPose([head.x, head.y, head.z], yaw, 0)
    placeAt(pose.position, pose.yaw, 'in-front')
  })

  useEffect(() => {
    if (!session || !canHitTest) return
    const onSelect = () => {
      if (!hit.current) return
      const at = hit.current.clone()
      const head = toRoom(origin, camera.getWorldPosition(new Vector3()))
      placeAt([at.x, at.y, at.z], yawFacing([at.x, at.y, at.z], [head.x, head.y, head.z]), 'hit-test')
    }
    session.addEventListener('select', onSelect)
    return () => session.removeEventListener('select', onSelect)
  }, [session, canHitTest, origin, camera])

  useEffect(
    () => () => {
      arShown.reticle = null
    },
    [],
  )

  return (
    <>
      <group ref={reticle} visible={false} name="ar:reticle">
        <mesh rotation-x={-Math.PI / 2}>
          <ringGeometry args={[0.05, 0.065, 32]} />
          <meshBasicMaterial color="#ffffff" transparent opacity={0.9} depthTest={false} />
        </mesh>
      </group>
      {canHitTest && (
        // Low on the left: below the XR menu (left, eye level) and clear of a kind's HUD on the right, which the
        // first screenshots showed it covering when it was centred.
        <HeadFollow distance={1} height={-0.34} side={-0.35} name="ar:hint">
          <Panel width={0.6} height={0.2}>
            <UiText text={localize(found ? S.placeHint : S.searching)} fontSize={0.035} maxWidth={0.54} />
          </Panel>
        </HeadFollow>
      )}
    </>
  )
}

function Placed({
  scale,
  footprint,
  children,
}: Omit<ARPlacementProps, 'children'> & { children: ReactNode }) {
  const session = useXR((s) => s.session)
  const origin = useXR((s) => s.origin)
  const referenceSpace = useXR((s) => s.originReferenceSpace)
  const pose = useARPlacement((s) => s.pose)
  const localize = useLocalize()
  const group = useRef<Group>(null)
  const anchor = useRef<XRAnchor | null>(null)
  // The shadow is the handle: one pointer slides the model over the table, two turn and resize it.
  const { held: dragging, onDown, onMove, onUp } = useBaseGrips(origin)
  const canAnchor = grantedARFeatures(session).includes('anchors')

  const width = (footprint.max[0] - footprint.min[0]) * scale * pose.zoom
  const depth = (footprint.max[1] - footprint.min[1]) * scale * pose.zoom
  const centre: [number, number, number] = [
    -(footprint.min[0] + footprint.max[0]) / 2,
    0,
    -(footprint.min[1] + footprint.max[1]) / 2,
  ]

  // Anchored where the browser can: the anchor keeps the model on the real table as tracking improves.
  // Created inside a frame callback (below): an XRFrame is only usable during its own callback.
  const wantAnchor = useRef<ARPose | null>(null)
  useEffect(() => {
    if (!canAnchor || dragging) return
    wantAnchor.current = pose
    return () => {
      wantAnchor.current = null
      anchor.current?.delete()
      anchor.current = null
      setAnchored(false)
    }
  }, [canAnchor, dragging, pose])

  useFrameStage('kindLogic', (_, __, frame: XRFrame | undefined) => {
    const g = group.current
    if (!g) return
    const wanted = wantAnchor.current
    if (wanted && frame?.createAnchor && referenceSpace) {
      wantAnchor.current = null
      const [x, y, z] = wanted.position
      q.setFromEuler(euler.set(0, wanted.yaw, 0))
      frame
        .createAnchor(new XRRigidTransform({ x, y, z }, { x: q.x, y: q.y, z: q.z, w: q.w }), referenceSpace)
        ?.then((a) => {
          // A pose changed (or the model went) while the browser made it: this anchor holds nothing.
          if (useARPlacement.getState().pose !== wanted || useARPlacement.getState().phase !== 'placed')
            return a.delete()
          anchor.current = a
          setAnchored(true)
        })
        .catch(() => setAnchored(false))
    }
    let yaw = pose.yaw
    v.set(...pose.position)
    const held =
      anchor.current && referenceSpace && frame?.getPose(anchor.current.anchorSpace, referenceSpace)
    if (held) {
      const p = held.transform.position
      v.set(p.x, p.y, p.z)
      const o = held.transform.orientation
      yaw = euler.setFromQuaternion(q.set(o.x, o.y, o.z, o.w)).y
    }
    origin?.updateWorldMatrix(true, false)
    if (origin) origin.localToWorld(v)
    g.position.copy(v)
    g.rotation.set(0, originYaw(origin) + yaw, 0)
    arShown.root = g
  })
  useEffect(
    () => () => {
      arShown.root = null
    },
    [],
  )

  const bar = 0.4
  return (
    <group ref={group} name="ar:placed">
      <ContactShadow width={width} depth={depth} onDown={onDown} onMove={onMove} onUp={onUp} />
      <group scale={scale * pose.zoom} name="ar:model">
        <group position={centre}>{children}</group>
      </group>
      <group position={[0, 0.03, depth / 2 + 0.09]} rotation-x={-0.6} scale={bar} name="ar:controls">
        <Panel width={1.5} height={0.16}>
          {BAR.map(([label, onPress, name], i) => (
            <Button
              key={name}
              label={localize(S[label])}
              width={0.22}
              position={[-0.6 + i * 0.24, 0, 0.01]}
              onPress={onPress}
              name={name}
              variant={name === 'ar:place-again' ? 'primary' : 'secondary'}
            />
          ))}
        </Panel>
      </group>
    </group>
  )
}

/** The bar under the placed model: its label, what it does, and its name for tests. */
const BAR: readonly [keyof typeof S, () => void, string][] = [
  ['turnLeft', () => turnBy(TURN_STEP), 'ar:turn-left'],
  ['turnRight', () => turnBy(-TURN_STEP), 'ar:turn-right'],
  ['smaller', () => zoomBy(1 / ZOOM_STEP), 'ar:smaller'],
  ['larger', () => zoomBy(ZOOM_STEP), 'ar:larger'],
  ['reset', resetTurnAndZoom, 'ar:reset'],
  ['placeAgain', resetPlacement, 'ar:place-again'],
]
