// A seated clerk at every window: all bodies in one merged mesh (one draw call however many windows the
// hall has) and one instanced mouth each, which moves with the narration level while that clerk talks.
import { useLayoutEffect, useMemo, useRef } from 'react'
import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { mouthLevel } from '../../../platform/audio'
import { useFrameStage } from '../../../platform/frame'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { avatarMouthOffset, buildAvatar } from '../logic/hall-geometry'
import { CLERK_DEPTH, placeLocal } from '../logic/hall-placement'
import { useHall } from '../service-hall-store'

const UP = new Vector3(0, 1, 0)
const mouthMatrix = new Matrix4()
const mouthScale = new Vector3()

interface MouthPose {
  position: Vector3
  rotation: Quaternion
}

/** Mouth `index` opened by `level` (0 = closed), written without allocating. */
function setMouth(im: InstancedMesh, poses: readonly MouthPose[], index: number, level: number): void {
  const pose = poses[index]
  mouthMatrix.compose(pose.position, pose.rotation, mouthScale.set(1, 0.35 + level * 1.3, 0.4))
  im.setMatrixAt(index, mouthMatrix)
}

export function HallClerks({ content }: { content: ServiceHallContent }) {
  const windows = content.layout.windows
  const placements = useMemo(
    () =>
      windows.map((w) => ({
        position: placeLocal(w.position, w.rotationY, [0, 0, CLERK_DEPTH]),
        rotationY: w.rotationY,
      })),
    [windows],
  )
  const bodies = useMemo(() => {
    const one = buildAvatar({ seated: true })
    const all = mergeGeometries(
      placements.map((p) =>
        one
          .clone()
          .applyMatrix4(
            new Matrix4().compose(
              new Vector3(...p.position),
              new Quaternion().setFromAxisAngle(UP, (p.rotationY * Math.PI) / 180),
              new Vector3(1, 1, 1),
            ),
          ),
      ),
    )
    return all ?? one
  }, [placements])
  // Each mouth's fixed position and turn, worked out once; a frame only rescales the talking one.
  const mouthPoses = useMemo<MouthPose[]>(() => {
    const offset = avatarMouthOffset(true)
    return windows.map((w, i) => ({
      position: new Vector3(...placeLocal(placements[i].position, w.rotationY, offset)),
      rotation: new Quaternion().setFromAxisAngle(UP, (w.rotationY * Math.PI) / 180),
    }))
  }, [windows, placements])
  const mouths = useRef<InstancedMesh>(null)
  /** Which mouth is open and how far, as last drawn; a frame with the same values does nothing. */
  const drawn = useRef({ index: -1, level: 0 })

  useLayoutEffect(() => {
    const im = mouths.current
    if (!im) return
    for (let i = 0; i < mouthPoses.length; i++) setMouth(im, mouthPoses, i, 0)
    im.instanceMatrix.needsUpdate = true
    drawn.current = { index: -1, level: 0 }
  }, [mouthPoses])

  useFrameStage('kindLogic', () => {
    const im = mouths.current
    if (!im) return
    const { clerkWindowId } = useHall.getState()
    const index = clerkWindowId ? windows.findIndex((w) => w.id === clerkWindowId) : -1
    const level = index >= 0 ? mouthLevel() : 0
    const last = drawn.current
    if (index === last.index && level === last.level) return
    if (last.index >= 0 && last.index !== index) setMouth(im, mouthPoses, last.index, 0)
    if (index >= 0) setMouth(im, mouthPoses, index, level)
    im.instanceMatrix.needsUpdate = true
    last.index = index
    last.level = level
  })
  return (
    <group name="hall-clerks">
      <mesh geometry={bodies} name="clerk-bodies">
        <meshLambertMaterial vertexColors />
      </mesh>
      {placements.map((p, i) => (
        <group
          key={windows[i].id}
          position={placeLocal(p.position, p.rotationY, [0, 1.2, 0])}
          name={`clerk:${windows[i].id}`}
        />
      ))}
      <instancedMesh ref={mouths} args={[undefined, undefined, windows.length]} frustumCulled={false}>
        <sphereGeometry args={[0.03, 8, 4]} />
        <meshBasicMaterial color="#5a1a1a" />
      </instancedMesh>
    </group>
  )
}
