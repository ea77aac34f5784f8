// The digital human's clips as functions of time, sampled into glTF animations by humanoid.ts.
// Why in the file and not made at run time: the clips are decided at build time like the rest of the
// look (any glTF viewer plays them, and a clerk or a teacher loads the same set from its own file), the
// browser only mixes them, and the unit tests read the very clips the app plays.
// Bones rest unrotated, so every angle is about the model's own axes: +X rotation swings a hanging
// limb backwards and tips a bone's top forwards, +Z swings a hanging limb to the figure's left (+X),
// +Y turns toward the figure's left. Gestures start and end in the relaxed pose idle starts from.
import { Euler, Quaternion, Vector3 } from 'three'
import {
  type HumanoidBone,
  type HumanoidClip,
  RUNTIME_BONES,
  WALK_CYCLE,
} from '../../src/platform/humans/humanoid-contract'
import type { Vec3 } from './model-builder'

/** A pose: rotations of the bones it moves and the hips' offset from rest (metres). */
export interface Pose {
  rotations: Partial<Record<HumanoidBone, Quaternion>>
  hips: Vec3
}

export interface ClipSpec {
  name: HumanoidClip
  seconds: number
  /** Samples per second; the writer then drops keys a straight line between neighbours reproduces. */
  rate: number
  pose: (t: number) => Pose
}

const TAU = Math.PI * 2
const euler = new Euler()

/** Rotation from angles about X, Y and Z (applied Z first, as three's 'XYZ' order does). */
function rot(x: number, y = 0, z = 0): Quaternion {
  return new Quaternion().setFromEuler(euler.set(x, y, z, 'XYZ'))
}

/** 0 before a, rising smoothly to 1 at b, holding, falling smoothly back to 0 from c to d. */
function envelope(t: number, a: number, b: number, c: number, d: number): number {
  const s = (e0: number, e1: number, x: number) => {
    const u = Math.min(Math.max((x - e0) / (e1 - e0), 0), 1)
    return u * u * (3 - 2 * u)
  }
  return s(a, b, t) * (1 - s(c, d, t))
}

type Side = 'L' | 'R'
const sign = (side: Side) => (side === 'L' ? 1 : -1)

/** Arms hanging loose, elbows a little bent: where idle starts and every gesture begins and ends. */
function relaxedArm(side: Side, sway = 0): Partial<Record<HumanoidBone, Quaternion>> {
  const k = sign(side)
  return {
    [`UpperArm${side}`]: rot(0.04 + sway, 0, -k * 0.03),
    [`Forearm${side}`]: rot(-0.16, k * 0.15, 0),
    [`Hand${side}`]: rot(-0.06, 0, k * 0.04),
  }
}

/** Adds `delta` to `base`, scaled by weight w (0 keeps base): the rotations compose, the offsets add. */
function layer(base: Pose, delta: Pose, w: number): Pose {
  const rotations = { ...base.rotations }
  for (const [bone, q] of Object.entries(delta.rotations) as Array<[HumanoidBone, Quaternion]>) {
    const scaled = new Quaternion().slerp(q, w)
    rotations[bone] = (rotations[bone]?.clone() ?? new Quaternion()).multiply(scaled)
  }
  return {
    rotations,
    hips: [0, 1, 2].map((i) => base.hips[i] + delta.hips[i] * w) as Vec3,
  }
}

/** Standing: breathing every 4 s, the weight moving from one leg to the other and back over 8 s. */
function standing(t: number, shift = 1): Pose {
  const breath = 0.5 - 0.5 * Math.cos((TAU * t) / 4)
  const w = Math.sin((TAU * t) / 8) * shift
  const roll = 0.035 * w
  const rotations: Partial<Record<HumanoidBone, Quaternion>> = {
    Hips: rot(0, 0.03 * w, roll),
    Spine: rot(-0.01 * breath, 0, -0.5 * roll),
    Chest: rot(-0.025 * breath, -0.02 * w, -0.45 * roll),
    Neck: rot(0.02 * breath, 0, 0.2 * roll),
    ShoulderL: rot(0, 0, 0.02 * breath),
    ShoulderR: rot(0, 0, -0.02 * breath),
    ...relaxedArm('L', 0.02 * Math.sin((TAU * t) / 4 + 0.6)),
    ...relaxedArm('R', 0.02 * Math.sin((TAU * t) / 4 + 1.4)),
  }
  for (const side of ['L', 'R'] as const) {
    // The loaded leg stays straight under the shifted hips; the other relaxes at the knee.
    const unloaded = Math.max(0, side === 'L' ? -w : w)
    const thighZ = -roll - 0.03 * w
    rotations[`Thigh${side}`] = rot(-0.05 * unloaded, 0, thighZ)
    rotations[`Shin${side}`] = rot(0.1 * unloaded)
    rotations[`Foot${side}`] = rot(-0.05 * unloaded, 0, -(roll + thighZ))
  }
  return { rotations, hips: [0.025 * w, -0.006 * Math.abs(w), 0] }
}

function idle(t: number): Pose {
  return standing(t)
}

/** Two steps; the left foot plants at a quarter cycle. Hips bob twice and sway over the standing foot. */
function walk(t: number): Pose {
  const phase = (TAU * t) / WALK_CYCLE.seconds
  const rotations: Partial<Record<HumanoidBone, Quaternion>> = {}
  for (const side of ['L', 'R'] as const) {
    const p = side === 'L' ? phase : phase + Math.PI
    const k = sign(side)
    const swing = Math.max(0, Math.cos(p))
    const pushOff = Math.max(0, -Math.sin(p)) ** 3
    rotations[`Thigh${side}`] = rot(-0.42 * Math.sin(p) - 0.06 * swing, 0, 0)
    rotations[`Shin${side}`] = rot(0.1 + 0.95 * swing ** 1.5 + 0.25 * pushOff)
    rotations[`Foot${side}`] = rot(0.3 * pushOff - 0.25 * swing, 0, 0)
    // Arms swing against the legs, the forward one bending more at the elbow.
    const arm = 0.32 * Math.sin(p)
    rotations[`UpperArm${side}`] = rot(arm, 0, -k * 0.06)
    rotations[`Forearm${side}`] = rot(-0.28 - 0.22 * Math.max(0, -Math.sin(p)), k * 0.2, 0)
    rotations[`Hand${side}`] = rot(-0.08, 0, k * 0.04)
  }
  rotations.Hips = rot(0, -0.08 * Math.sin(phase), 0.03 * Math.cos(phase))
  rotations.Spine = rot(0.03, 0.04 * Math.sin(phase), -0.015 * Math.cos(phase))
  rotations.Chest = rot(0.02, 0.09 * Math.sin(phase), 0)
  rotations.Neck = rot(-0.03, -0.1 * Math.sin(phase), 0)
  return { rotations, hips: [-0.015 * Math.cos(phase), 0.012 * Math.cos(2 * phase) - 0.015, 0] }
}

/** Talking hands: forearms up, hands opening in beats of 1 and 1.33 s, a slow turn of the chest. */
function talk(t: number): Pose {
  const base = standing(t, 0.5)
  const rotations: Partial<Record<HumanoidBone, Quaternion>> = {}
  for (const side of ['L', 'R'] as const) {
    const k = sign(side)
    const off = side === 'L' ? 0 : 0.37
    const beat = 0.5 + 0.5 * Math.sin(TAU * (t / 1 + off))
    const slow = Math.sin(TAU * (t / 4 + off))
    const lift = side === 'L' ? 0.8 + 0.2 * Math.sin(TAU * (t / 4)) : 1
    rotations[`UpperArm${side}`] = rot(-0.3 * lift - 0.08 * slow, 0, -k * (0.06 - 0.06 * beat))
    rotations[`Forearm${side}`] = rot(-(0.95 + 0.22 * beat) * lift, k * (0.5 + 0.25 * beat), 0)
    rotations[`Hand${side}`] = rot(0.15 - 0.2 * beat, 0, k * (0.1 * Math.sin(TAU * (t / (4 / 3) + off))))
  }
  rotations.Chest = rot(0.03, 0.05 * Math.sin((TAU * t) / 4), 0)
  return { rotations: { ...base.rotations, ...rotations }, hips: base.hips }
}

/** A share w (0..1) of rotation q, from no rotation. */
function partial(q: Quaternion, w: number): Quaternion {
  return new Quaternion().slerp(q, w)
}

/** Welcome: both arms open forward and out, palms up, with a small bow. */
function welcome(t: number): Pose {
  const open = envelope(t, 0.15, 0.75, 1.65, 2.5)
  const bow = envelope(t, 0.35, 0.9, 1.2, 1.8)
  const rotations: Partial<Record<HumanoidBone, Quaternion>> = {
    Spine: rot(0.05 * bow),
    Chest: rot(0.1 * bow),
    Neck: rot(0.08 * bow),
  }
  for (const side of ['L', 'R'] as const) {
    const k = sign(side)
    rotations[`UpperArm${side}`] = partial(rot(-0.5, 0, k * 0.5), open)
    rotations[`Forearm${side}`] = partial(rot(-0.55, k * 0.9, 0), open)
    rotations[`Hand${side}`] = partial(rot(0.15, 0, k * 0.15), open)
  }
  return layer(standing(t), { rotations, hips: [0, 0, 0] }, 1)
}

const REST_ARM_L = new Vector3(Math.sin(0.12), -Math.cos(0.12), 0)
const POINT_L = new Vector3(0.78, 0.02, 0.62).normalize()
const REACH_L = new Quaternion().setFromUnitVectors(REST_ARM_L, POINT_L)
const STRAIGHT_FOREARM = rot(-0.05, 0, 0)
const POINTING_HAND = rot(0, 0, -0.12)

/** Point to the figure's left: the left arm swings up to shoulder height toward the left front, the chest turns with it. */
function pointLeft(t: number): Pose {
  const e = envelope(t, 0.1, 0.7, 1.7, 2.4)
  const stance = standing(t, 0.4)
  const relaxed = relaxedArm('L')
  const rotations = { ...stance.rotations }
  // The pointing arm moves from the relaxed one to its own pose; the chest turns on top of the stance.
  rotations.UpperArmL = relaxed.UpperArmL!.clone().slerp(REACH_L, e)
  rotations.ForearmL = relaxed.ForearmL!.clone().slerp(STRAIGHT_FOREARM, e)
  rotations.HandL = relaxed.HandL!.clone().slerp(POINTING_HAND, e)
  const turn: Partial<Record<HumanoidBone, Quaternion>> = {
    Spine: rot(0, 0.08 * e, 0),
    Chest: rot(0, 0.16 * e, 0),
    ShoulderL: rot(0, 0, 0.08 * e),
  }
  return layer({ rotations, hips: stance.hips }, { rotations: turn, hips: [0, 0, 0] }, 1)
}

/** The mirror image of a pose: left and right bones swap, turns and sideways swings reverse. */
export function mirrorPose(pose: Pose): Pose {
  const rotations: Partial<Record<HumanoidBone, Quaternion>> = {}
  for (const [bone, q] of Object.entries(pose.rotations) as Array<[HumanoidBone, Quaternion]>) {
    const other = bone.endsWith('L')
      ? `${bone.slice(0, -1)}R`
      : bone.endsWith('R')
        ? `${bone.slice(0, -1)}L`
        : bone
    rotations[other as HumanoidBone] = new Quaternion(q.x, -q.y, -q.z, q.w)
  }
  return { rotations, hips: [-pose.hips[0], pose.hips[1], pose.hips[2]] }
}

export const HUMANOID_CLIP_SPECS: ClipSpec[] = [
  { name: 'idle', seconds: 8, rate: 10, pose: idle },
  { name: 'walk', seconds: WALK_CYCLE.seconds, rate: 30, pose: walk },
  { name: 'talk', seconds: 8, rate: 15, pose: talk },
  { name: 'welcome', seconds: 2.6, rate: 20, pose: welcome },
  { name: 'pointLeft', seconds: 2.4, rate: 20, pose: pointLeft },
  { name: 'pointRight', seconds: 2.4, rate: 20, pose: (t) => mirrorPose(pointLeft(t)) },
]

/** Bones the clips may never key (the runtime drives them). */
export const UNKEYED_BONES: readonly HumanoidBone[] = RUNTIME_BONES
