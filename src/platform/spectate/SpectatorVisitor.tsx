// The watched visitor as the spectator screen draws them: each pointer ray as a short beam from the
// controller or hand, each tracked hand as its wrist and fingertips joined by lines, and in the orbit
// view their head. One line segments object and one instanced mesh: a few draw calls whatever they do.
import { useEffect, useMemo } from 'react'
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  MeshBasicMaterial,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three'
import { HAND_JOINTS } from '../../shared/venue/spectator-messages'
import { useFrameStage } from '../frame'
import { spectatorDebug } from './debug'
import { spectatorFollower, useSpectator } from './spectator-session'

const RAY_LENGTH = 2.5
const MAX_SEGMENTS = 4 + 4 * (HAND_JOINTS.length - 1)
const MAX_DOTS = 4 * HAND_JOINTS.length + 1
const RAY_COLOR = new Color('#ffd166')
const HAND_COLOR = new Color('#8ecae6')

const origin = new Vector3()
const direction = new Vector3()
const rotation = new Quaternion()
const matrix = new Matrix4()
const scale = new Vector3()
const hidden = new Matrix4().makeScale(0, 0, 0)

export function SpectatorVisitor() {
  const view = useSpectator((s) => s.view)
  const parts = useMemo(() => {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(MAX_SEGMENTS * 6), 3))
    geometry.setAttribute('color', new BufferAttribute(new Float32Array(MAX_SEGMENTS * 6), 3))
    const lines = new LineSegments(
      geometry,
      new LineBasicMaterial({ vertexColors: true, depthTest: false, transparent: true }),
    )
    lines.name = 'spectator-rays'
    lines.frustumCulled = false
    lines.renderOrder = 10
    const dots = new InstancedMesh(
      new SphereGeometry(1, 10, 8),
      new MeshBasicMaterial({ color: HAND_COLOR, depthTest: false, transparent: true }),
      MAX_DOTS,
    )
    dots.name = 'spectator-hands'
    dots.frustumCulled = false
    dots.renderOrder = 10
    return { lines, dots }
  }, [])
  useEffect(
    () => () => {
      parts.lines.geometry.dispose()
      ;(parts.lines.material as LineBasicMaterial).dispose()
      parts.dots.geometry.dispose()
      ;(parts.dots.material as MeshBasicMaterial).dispose()
      parts.dots.dispose()
    },
    [parts],
  )

  useFrameStage('uiFollow', () => {
    // The camera (locomotion stage) moved the follower this frame; its pose is read, not worked out again.
    const pose = spectatorFollower.current()
    const positions = parts.lines.geometry.getAttribute('position') as BufferAttribute
    const colors = parts.lines.geometry.getAttribute('color') as BufferAttribute
    let segment = 0
    let dot = 0
    let rays = 0
    let hands = 0
    const line = (a: Vector3, b: Vector3, color: Color) => {
      positions.setXYZ(segment * 2, a.x, a.y, a.z)
      positions.setXYZ(segment * 2 + 1, b.x, b.y, b.z)
      colors.setXYZ(segment * 2, color.r, color.g, color.b)
      colors.setXYZ(segment * 2 + 1, color.r, color.g, color.b)
      segment++
    }
    const ball = (p: Vector3, radius: number) => {
      parts.dots.setMatrixAt(dot++, matrix.compose(p, rotation.identity(), scale.setScalar(radius)))
    }
    for (const input of pose?.inputs ?? []) {
      if (input.joints) {
        hands++
        const j = input.joints
        const wrist = origin.set(j[0], j[1], j[2])
        ball(wrist, 0.018)
        for (let k = 1; k < HAND_JOINTS.length; k++) {
          direction.set(j[k * 3], j[k * 3 + 1], j[k * 3 + 2])
          line(wrist, direction, HAND_COLOR)
          ball(direction, 0.011)
        }
      } else if (input.ray) {
        rays++
        const r = input.ray
        origin.set(r[0], r[1], r[2])
        rotation.set(r[3], r[4], r[5], r[6]).normalize()
        direction.set(0, 0, -RAY_LENGTH).applyQuaternion(rotation).add(origin)
        line(origin, direction, RAY_COLOR)
        ball(origin, 0.02)
      }
    }
    // In the orbit view the visitor's head is a small disc of light to follow.
    if (pose && view === 'orbit') ball(pose.position, 0.09)
    for (let k = dot; k < MAX_DOTS; k++) parts.dots.setMatrixAt(k, hidden)
    parts.lines.geometry.setDrawRange(0, segment * 2)
    positions.needsUpdate = true
    colors.needsUpdate = true
    parts.dots.instanceMatrix.needsUpdate = true
    parts.dots.count = Math.max(dot, 1)
    spectatorDebug.rays = rays
    spectatorDebug.hands = hands
  })

  return (
    <>
      <primitive object={parts.lines} />
      <primitive object={parts.dots} />
    </>
  )
}
