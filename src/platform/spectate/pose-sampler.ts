// What a watched device's visitor does, sampled once a frame in the probe stage (the pose as it will
// be drawn): the head from the camera, and in XR each input's pointer ray and a tracked hand's wrist and
// fingertips, all in the scene's world (the XR origin moves with teleports). Only while watched.
import { Matrix4, type Object3D, Quaternion, Vector3 } from 'three'
import {
  HAND_JOINTS,
  type InputPose,
  type PoseFrame,
  type PoseTuple,
} from '../../shared/venue/spectator-messages'

const position = new Vector3()
const rotation = new Quaternion()
const scale = new Vector3()
const local = new Matrix4()
const world = new Matrix4()

/** Rounded to a millimetre and a 1/10000 of a quaternion: the wire stays small, the screen cannot tell. */
const round = (v: number, step: number) => Math.round(v / step) * step

export function poseTuple(matrix: Matrix4): PoseTuple {
  matrix.decompose(position, rotation, scale)
  return [
    round(position.x, 0.001),
    round(position.y, 0.001),
    round(position.z, 0.001),
    round(rotation.x, 0.0001),
    round(rotation.y, 0.0001),
    round(rotation.z, 0.0001),
    round(rotation.w, 0.0001),
  ]
}

/** The world matrix of a pose given in the XR reference space (the XR origin's local space). */
function toWorld(transform: XRRigidTransform, origin: Object3D | undefined): Matrix4 {
  local.fromArray(transform.matrix)
  return origin ? world.multiplyMatrices(origin.matrixWorld, local) : world.copy(local)
}

function inputPose(
  source: XRInputSource,
  frame: XRFrame,
  space: XRReferenceSpace,
  origin: Object3D | undefined,
): InputPose | undefined {
  const hand = source.handedness === 'left' || source.handedness === 'right' ? source.handedness : 'none'
  const input: InputPose = { hand }
  const ray = frame.getPose(source.targetRaySpace, space)
  if (ray) input.ray = poseTuple(toWorld(ray.transform, origin))
  if (source.hand && frame.getJointPose) {
    const joints: number[] = []
    for (const name of HAND_JOINTS) {
      const joint = source.hand.get(name)
      const pose = joint && frame.getJointPose(joint, space)
      if (!pose) return input.ray ? input : undefined
      toWorld(pose.transform, origin).decompose(position, rotation, scale)
      joints.push(round(position.x, 0.001), round(position.y, 0.001), round(position.z, 0.001))
    }
    input.joints = joints
  }
  return input.ray || input.joints ? input : undefined
}

/**
 * The visitor's pose now. `frame`, `space` and `origin` are given in an XR session; on desktop and touch
 * the head is the camera and there are no inputs to show.
 */
export function samplePose(
  camera: Object3D,
  xr?: { frame: XRFrame; space: XRReferenceSpace; origin: Object3D | undefined },
): PoseFrame {
  const inputs: InputPose[] = []
  if (xr) {
    for (const source of xr.frame.session.inputSources) {
      const input = inputPose(source, xr.frame, xr.space, xr.origin)
      if (input) inputs.push(input)
      if (inputs.length === 4) break
    }
  }
  return { t: Math.max(0, Math.round(performance.now())), head: poseTuple(camera.matrixWorld), inputs }
}
