// The digital human's body in its rest pose (a relaxed A-pose, arms 7° off the sides): about 1.7 m and
// 7 heads tall, facing +Z with its left on +X. Torso, limbs, neck and head are lofts through
// cross-sections, so joints bend smoothly under skinning; face, hair and clothes details follow the
// same section profiles. Every vertex is weighted to the bones of humanoid-contract.ts.
// Over 300 lines on purpose: torso, limbs, face, hair and clothes all read the same section profiles,
// rest joints and weight functions; split apart, each part would import most of the rest.
import { BufferAttribute, BufferGeometry, Quaternion, SphereGeometry, Vector3 } from 'three'
import { HUMANOID_BONES, type HumanoidBone } from '../../src/platform/humans/humanoid-contract'
import type { Vec3 } from './model-builder'
import {
  type BoneWeights,
  chainWeights,
  type Ring,
  SkinnedMeshBuilder,
  smoothstep,
  type WeightsAt,
} from './skinned-mesh-builder'

/** Colours (sRGB hex) and cut of a role's clothes; see HUMANOID_OUTFITS in humanoid.ts. */
export interface HumanoidOutfit {
  skin: string
  hair: string
  /** short: cropped above the ears; bob: chin-length, covering the ears; bun: short with a knot at the back. */
  hairStyle: 'short' | 'bob' | 'bun'
  /** Jacket, vest or sweater body. */
  top: string
  /** Sleeves; default `top` (a vest over a shirt has shirt sleeves). */
  sleeves?: string
  /** The shirt showing in the V of the top and at the collar. */
  shirt: string
  /** Lapels, cuffs, hem and collar edge. Default `top`. */
  trim?: string
  /** A tie or scarf in the V; none by default. */
  tie?: string
  /** A name badge on the left chest; none by default. */
  badge?: string
  trousers: string
  shoes: string
  /** Build: broad (wider shoulders, heavier limbs) or slender. Default broad. */
  figure?: Figure
}

export type Figure = 'broad' | 'slender'

/** Width scales of a figure: shoulders, waist and hips (torso sections), and limb thickness. */
const FIGURES: Record<Figure, { shoulders: number; waist: number; hips: number; limbs: number }> = {
  broad: { shoulders: 1, waist: 1, hips: 1, limbs: 1 },
  slender: { shoulders: 0.87, waist: 0.86, hips: 0.97, limbs: 0.87 },
}

export const BONE = Object.fromEntries(HUMANOID_BONES.map((b, i) => [b.name, i])) as Record<
  HumanoidBone,
  number
>

/** Rest positions of the joints in model space (metres). Bones rest unrotated. */
export type JointPositions = Record<HumanoidBone, Vec3>

const EYE_RADIUS = 0.0135
const LID_RADIUS = 0.0149
const ARM_SPREAD = 0.12 // radians off vertical in the rest pose, so the hands clear the hips
const UPPER_ARM = 0.285
const FOREARM = 0.245

/** Which side a limb is on: +1 the figure's left (+X), -1 its right. */
type Side = 1 | -1
const sideName = (side: Side) => (side > 0 ? 'L' : 'R')
const bone = (name: string) => BONE[name as HumanoidBone]

export function restJoints(figure: Figure = 'broad'): JointPositions {
  const { shoulders } = FIGURES[figure]
  const legX = legOffset(figure)
  const joints: Partial<JointPositions> = {
    Hips: [0, 0.95, 0],
    Spine: [0, 1.06, 0],
    Chest: [0, 1.2, 0],
    Neck: [0, 1.42, -0.012],
    Head: [0, 1.5, -0.012],
    Jaw: [0, 1.545, 0.005],
    EyelidL: [0.033, 1.589, EYE_Z],
    EyelidR: [-0.033, 1.589, EYE_Z],
  }
  for (const side of [1, -1] as const) {
    const s = sideName(side)
    const shoulder: Vec3 = [side * (0.168 - 0.15 * (1 - shoulders)), 1.354, -0.008]
    const down = armDirection(side)
    const elbow = add(shoulder, down, UPPER_ARM)
    Object.assign(joints, {
      [`Shoulder${s}`]: [side * 0.04, 1.39, -0.01],
      [`UpperArm${s}`]: shoulder,
      [`Forearm${s}`]: elbow,
      [`Hand${s}`]: add(elbow, down, FOREARM),
      [`Thigh${s}`]: [side * legX, 0.91, 0],
      [`Shin${s}`]: [side * legX, 0.49, 0.005],
      [`Foot${s}`]: [side * legX, 0.09, -0.01],
    })
  }
  return joints as JointPositions
}

/** How far each leg stands from the middle: closer in for a slender figure, inside its narrower hips. */
function legOffset(figure: Figure): number {
  const { hips, limbs } = FIGURES[figure]
  return 0.09 * (hips - 0.3 * (1 - limbs))
}

function armDirection(side: Side): Vec3 {
  return [side * Math.sin(ARM_SPREAD), -Math.cos(ARM_SPREAD), 0]
}

function add(a: Vec3, b: Vec3, scale = 1): Vec3 {
  return [a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale]
}

// ---- Cross-section profiles (y, half-width x, half-depth z, centre z, superellipse power) ----

type Section = [y: number, rx: number, rz: number, cz: number, power: number]

/** The head from chin to crown: a face flatter than the skull, the chin forward of the neck. */
const HEAD: Section[] = [
  [1.456, 0.012, 0.012, 0.056, 2],
  [1.466, 0.034, 0.03, 0.052, 2],
  [1.485, 0.05, 0.054, 0.037, 2],
  [1.505, 0.06, 0.071, 0.024, 2.1],
  [1.53, 0.068, 0.084, 0.013, 2.2],
  [1.56, 0.074, 0.093, 0.004, 2.2],
  [1.59, 0.078, 0.098, 0, 2.2],
  [1.62, 0.079, 0.1, -0.004, 2.1],
  [1.65, 0.075, 0.097, -0.008, 2],
  [1.675, 0.064, 0.085, -0.012, 2],
  [1.694, 0.042, 0.058, -0.015, 2],
  [1.704, 0.015, 0.02, -0.016, 2],
]

/** The torso from the crotch to the base of the neck (the jacket's hem is added per outfit). */
const TORSO: Section[] = [
  [0.8, 0.05, 0.04, 0, 2],
  [0.83, 0.125, 0.085, 0, 2],
  [0.875, 0.155, 0.1, -0.006, 2.2],
  [0.92, 0.165, 0.105, -0.008, 2.3],
  [0.96, 0.162, 0.104, -0.006, 2.3],
  [1.03, 0.148, 0.098, 0, 2.3],
  [1.12, 0.154, 0.104, 0.008, 2.4],
  [1.22, 0.166, 0.112, 0.012, 2.5],
  [1.3, 0.172, 0.11, 0.008, 2.7],
  [1.355, 0.17, 0.1, 0, 2.8],
  [1.39, 0.145, 0.088, -0.008, 2.6],
  [1.42, 0.1, 0.07, -0.01, 2.2],
  [1.435, 0.062, 0.056, -0.012, 2],
]

/** The torso's sections for a figure: widths scaled by height between its hips, waist and shoulders. */
function torsoProfile(figure: Figure): Section[] {
  const f = FIGURES[figure]
  const scale = (y: number) =>
    y <= 0.92
      ? f.hips
      : y <= 1.03
        ? lerp(f.hips, f.waist, (y - 0.92) / 0.11)
        : lerp(f.waist, f.shoulders, Math.min(1, (y - 1.03) / 0.22))
  return TORSO.map(([y, rx, rz, cz, p]) => [y, rx * scale(y), rz * (0.5 + 0.5 * scale(y)), cz, p])
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t
}

/** Linear interpolation of a profile at height y (clamped to its ends). */
function sectionAt(profile: Section[], y: number): Section {
  if (y <= profile[0][0]) return profile[0]
  for (let i = 1; i < profile.length; i++) {
    const [y1] = profile[i]
    if (y <= y1) {
      const a = profile[i - 1]
      const b = profile[i]
      const t = (y - a[0]) / (y1 - a[0])
      return a.map((v, k) => v + (b[k] - v) * t) as Section
    }
  }
  return profile[profile.length - 1]
}

/** The z of a profile's front surface at (x, y), or of its back with `back`. */
function surfaceZ(profile: Section[], x: number, y: number, back = false): number {
  const [, rx, rz, cz, p] = sectionAt(profile, y)
  const f = Math.max(0, 1 - Math.abs(x / rx) ** p) ** (1 / p)
  return cz + (back ? -1 : 1) * rz * f
}

/** The eyes' centres sit this deep: the eyeball's front 3.5 mm proud of the face. */
const EYE_Z = surfaceZ(HEAD, 0.033, 1.589) + 0.0035 - EYE_RADIUS

/** Rings rising along +Y (u = +X, v = -Z, so the faces point outwards). */
function uprightRing([y, rx, rz, cz, power]: Section, color: string, x = 0): Ring {
  return { center: [x, y, cz], u: [1, 0, 0], v: [0, 0, -1], ru: rx, rv: rz, power, color }
}

// ---- Weights ----

const single =
  (b: number): WeightsAt =>
  () => [[b, 1]]

/** Torso: hips, spine and chest by height; the crotch follows the thighs, the shoulder tops the shoulders. */
const torsoWeights: WeightsAt = (p) => {
  const spine = smoothstep(0.97, 1.04, p.y)
  const chest = smoothstep(1.14, 1.24, p.y)
  const neck = smoothstep(1.41, 1.45, p.y)
  const out: Array<[number, number]> = [
    [BONE.Hips, 1 - spine],
    [BONE.Spine, spine * (1 - chest)],
    [BONE.Chest, chest * (1 - neck)],
    [BONE.Neck, neck],
  ]
  const thigh = smoothstep(0.93, 0.84, p.y) * smoothstep(0.01, 0.07, Math.abs(p.x))
  const shoulder = 0.6 * smoothstep(1.3, 1.38, p.y) * smoothstep(0.09, 0.16, Math.abs(p.x))
  const side = p.x > 0 ? 'L' : 'R'
  const scaled: Array<[number, number]> = out.map(([b, w]) => [b, w * (1 - thigh) * (1 - shoulder)])
  scaled.push([bone(`Thigh${side}`), thigh * (1 - shoulder)], [bone(`Shoulder${side}`), shoulder])
  return scaled
}

/** Face: the head, with the chin and lower lip following the jaw. */
const faceWeights: WeightsAt = (p) => {
  const jaw = smoothstep(1.532, 1.512, p.y) * smoothstep(-0.035, 0.02, p.z)
  return [
    [BONE.Jaw, jaw],
    [BONE.Head, 1 - jaw],
  ]
}

const neckWeights: WeightsAt = (p) => {
  const neck = smoothstep(1.39, 1.43, p.y)
  const head = smoothstep(1.47, 1.5, p.y)
  return [
    [BONE.Chest, 1 - neck],
    [BONE.Neck, neck * (1 - head)],
    [BONE.Head, head],
  ]
}

// ---- The body ----

export interface HumanoidBody {
  mesh: SkinnedMeshBuilder
  joints: JointPositions
}

export function buildHumanoidBody(outfit: HumanoidOutfit, linear: (hex: string) => Vec3): HumanoidBody {
  const figure = outfit.figure ?? 'broad'
  const joints = restJoints(figure)
  const profile = torsoProfile(figure)
  const { limbs } = FIGURES[figure]
  const mesh = new SkinnedMeshBuilder(linear)
  torso(mesh, profile, outfit)
  clothesFront(mesh, profile, outfit)
  for (const side of [1, -1] as const) {
    arm(mesh, joints, side, outfit, limbs)
    leg(mesh, joints, side, outfit, limbs)
  }
  neckAndHead(mesh, outfit)
  face(mesh, joints, outfit)
  hair(mesh, outfit)
  return { mesh, joints }
}

function torso(mesh: SkinnedMeshBuilder, profile: Section[], outfit: HumanoidOutfit): void {
  const trim = outfit.trim ?? outfit.top
  const rings: Ring[] = []
  let hemmed = false
  for (const section of profile) {
    const [y, rx, rz, cz, power] = section
    if (y < 0.87) {
      rings.push(uprightRing(section, outfit.trousers))
      continue
    }
    if (y < 0.9) continue
    if (!hemmed) {
      hemmed = true
      // The jacket's hem: a step out from the trousers, with a band of trim.
      const hem = sectionAt(profile, 0.87)
      rings.push(uprightRing(hem, outfit.trousers))
      rings.push(uprightRing([0.87, hem[1] + 0.014, hem[2] + 0.01, hem[3], hem[4]], trim))
      rings.push(uprightRing([0.885, hem[1] + 0.014, hem[2] + 0.01, hem[3], hem[4]], trim))
      rings.push(uprightRing([0.887, hem[1] + 0.014, hem[2] + 0.01, hem[3], hem[4]], outfit.top))
    }
    // Below the waist the jacket stands a little off the hips, clear of the thighs inside it.
    rings.push(uprightRing(y > 1 ? section : [y, rx + 0.012, rz + 0.008, cz, power], outfit.top))
  }
  mesh.loft(rings, 24, torsoWeights, { capStart: 0.01, capEnd: 0.004 })
}

/**
 * The front of the top: the shirt in a V, lapels along its edges, an optional tie and badge. Each is
 * a patch that follows the chest a few millimetres proud of it.
 */
function clothesFront(mesh: SkinnedMeshBuilder, profile: Section[], outfit: HumanoidOutfit): void {
  const top = 1.425
  const bottom = 1.23
  const halfWidth = (y: number) => 0.055 * Math.max(0, (y - bottom) / (top - bottom)) ** 0.9
  mesh.geometry(
    chestPatch(profile, bottom, top, (y) => [-halfWidth(y), halfWidth(y)], 0.0065),
    outfit.shirt,
    torsoWeights,
  )
  const trim = outfit.trim ?? outfit.top
  for (const side of [1, -1]) {
    const edge = (y: number): [number, number] => {
      const inner = halfWidth(y)
      const outer = inner + 0.018 - 0.006 * ((y - bottom) / (top - bottom))
      return side > 0 ? [inner, outer] : [-outer, -inner]
    }
    mesh.geometry(chestPatch(profile, bottom - 0.012, top, edge, 0.008), trim, torsoWeights)
  }
  if (outfit.tie) {
    const tieTop = top - 0.02
    const width = (y: number) => 0.008 + 0.01 * ((tieTop - y) / (tieTop - bottom)) ** 1.5
    mesh.geometry(
      chestPatch(profile, bottom + 0.012, tieTop, (y) => [-width(y), width(y)], 0.0095),
      outfit.tie,
      torsoWeights,
    )
  }
  if (outfit.badge) {
    mesh.geometry(
      chestPatch(profile, 1.262, 1.282, () => [0.075, 0.105], 0.005, 2, 2),
      outfit.badge,
      torsoWeights,
      {
        surface: 'glossy',
      },
    )
  }
}

/** A grid over the torso's front between y0 and y1, `offset` metres proud of the surface along its normal. */
function chestPatch(
  profile: Section[],
  y0: number,
  y1: number,
  span: (y: number) => [number, number],
  offset: number,
  rows = 6,
  columns = 4,
) {
  const h = 1e-3
  const rowsOfPoints: Vec3[][] = []
  for (let r = 0; r <= rows; r++) {
    const y = y0 + ((y1 - y0) * r) / rows
    const [x0, x1] = span(y)
    const row: Vec3[] = []
    for (let c = 0; c <= columns; c++) {
      const x = x0 + ((x1 - x0) * c) / columns
      const z = surfaceZ(profile, x, y)
      // Along the normal: where the chest slopes back to the neck, a z offset alone would sink in.
      const normal = new Vector3(
        -(surfaceZ(profile, x + h, y) - surfaceZ(profile, x - h, y)) / (2 * h),
        -(surfaceZ(profile, x, y + h) - surfaceZ(profile, x, y - h)) / (2 * h),
        1,
      ).normalize()
      row.push([x + normal.x * offset, y + normal.y * offset, z + normal.z * offset])
    }
    rowsOfPoints.push(row)
  }
  return gridGeometry(rowsOfPoints, false)
}

/**
 * An indexed geometry through rows of points (row r to r + 1 runs up the surface, columns run to the
 * figure's left seen from the front), faces toward the viewer of that layout; `wrap` closes each row.
 */
export function gridGeometry(rows: Vec3[][], wrap: boolean, flip = false): BufferGeometry {
  const geometry = new BufferGeometry()
  const columns = rows[0].length
  const positions = new Float32Array(rows.length * columns * 3)
  rows.forEach((row, r) => {
    row.forEach((p, c) => {
      positions.set(p, (r * columns + c) * 3)
    })
  })
  const index: number[] = []
  const span = wrap ? columns : columns - 1
  for (let r = 0; r + 1 < rows.length; r++) {
    for (let c = 0; c < span; c++) {
      const a = r * columns + c
      const b = r * columns + ((c + 1) % columns)
      const d = b + columns
      const e = a + columns
      if (flip) index.push(a, d, b, a, e, d)
      else index.push(a, b, d, a, d, e)
    }
  }
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setIndex(index)
  return geometry
}

function arm(
  mesh: SkinnedMeshBuilder,
  joints: JointPositions,
  side: Side,
  outfit: HumanoidOutfit,
  thickness: number,
): void {
  const s = sideName(side)
  const shoulder = joints[`UpperArm${s}`]
  const elbow = joints[`Forearm${s}`]
  const wrist = joints[`Hand${s}`]
  const down = armDirection(side)
  // u × v must point down the arm: u leans out for the left arm, in for the right.
  const u: Vec3 = [Math.cos(ARM_SPREAD), side * Math.sin(ARM_SPREAD), 0]
  const v: Vec3 = [0, 0, 1]
  const inward: Vec3 = [-side * Math.cos(ARM_SPREAD), -Math.sin(ARM_SPREAD), 0]
  const sleeve = outfit.sleeves ?? outfit.top
  const cuff = outfit.trim ?? sleeve
  // The hand keeps its size; the sleeve follows the figure.
  const ring = (from: Vec3, along: number, ru: number, rv: number, color: string, curl = 0): Ring => ({
    center: add(add(from, down, along), inward, curl),
    u,
    v,
    ru: color === outfit.skin ? ru : ru * thickness,
    rv: color === outfit.skin ? rv : rv * thickness,
    color,
  })
  const rings: Ring[] = [
    ring(shoulder, -0.03, 0.026, 0.03, sleeve),
    ring(shoulder, -0.014, 0.042, 0.045, sleeve),
    ring(shoulder, 0.012, 0.049, 0.05, sleeve),
    ring(shoulder, 0.07, 0.048, 0.049, sleeve),
    ring(shoulder, 0.17, 0.045, 0.046, sleeve),
    // Close rings round the elbow, so its bend is smooth.
    ring(elbow, -0.05, 0.042, 0.044, sleeve),
    ring(elbow, -0.02, 0.04, 0.043, sleeve),
    ring(elbow, 0, 0.039, 0.042, sleeve),
    ring(elbow, 0.02, 0.04, 0.042, sleeve),
    ring(elbow, 0.05, 0.041, 0.043, sleeve),
    ring(wrist, -0.09, 0.036, 0.038, sleeve),
    ring(wrist, -0.036, 0.034, 0.036, sleeve),
    ring(wrist, -0.033, 0.034, 0.036, cuff),
    ring(wrist, -0.008, 0.035, 0.037, cuff),
    // The sleeve's opening: a step in to the wrist.
    ring(wrist, -0.006, 0.024, 0.027, outfit.skin),
    ring(wrist, 0.01, 0.022, 0.026, outfit.skin),
    // The hand: a mitt, thin across the palm (u) and wide front to back (v), fingers curling in.
    ring(wrist, 0.035, 0.018, 0.037, outfit.skin),
    ring(wrist, 0.07, 0.019, 0.042, outfit.skin, 0.002),
    ring(wrist, 0.1, 0.017, 0.041, outfit.skin, 0.006),
    ring(wrist, 0.13, 0.014, 0.037, outfit.skin, 0.013),
    ring(wrist, 0.155, 0.011, 0.03, outfit.skin, 0.021),
    ring(wrist, 0.17, 0.007, 0.018, outfit.skin, 0.028),
  ]
  const weights = chainWeights(
    [
      { bone: bone(`Shoulder${s}`), at: add(shoulder, down, -0.09) },
      { bone: bone(`UpperArm${s}`), at: add(shoulder, down, -0.03) },
      { bone: bone(`Forearm${s}`), at: elbow },
      { bone: bone(`Hand${s}`), at: wrist },
    ],
    0.05,
  )
  const group = side > 0 ? 1 : 2
  mesh.loft(rings, 14, weights, { capStart: 0.008, capEnd: 0.005, group })
  // The thumb: an ellipsoid along the front of the hand, pointing down and forward.
  const axis = new Vector3(down[0], down[1], down[2])
    .multiplyScalar(0.05)
    .add(new Vector3(0, 0, 0.03))
    .normalize()
  const thumb = new SphereGeometry(1, 8, 6)
  thumb.scale(0.011, 0.03, 0.012)
  thumb.applyQuaternion(new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), axis.clone().negate()))
  const centre = add(add(add(wrist, down, 0.05), v, 0.032), inward, 0.008)
  thumb.translate(...centre)
  mesh.geometry(thumb, outfit.skin, single(bone(`Hand${s}`)), { group })
}

function leg(
  mesh: SkinnedMeshBuilder,
  joints: JointPositions,
  side: Side,
  outfit: HumanoidOutfit,
  thickness: number,
): void {
  const s = sideName(side)
  const x = joints[`Thigh${s}`][0]
  const section = (y: number, rx: number, rz: number, cz: number): Ring => ({
    center: [x - side * (0.91 - y) * 0.012, y, cz],
    u: [1, 0, 0],
    v: [0, 0, 1],
    ru: rx * thickness,
    rv: rz * thickness,
    color: outfit.trousers,
  })
  const rings = [
    section(0.99, 0.058, 0.07, -0.005),
    section(0.91, 0.084, 0.09, 0),
    section(0.8, 0.078, 0.083, 0.002),
    section(0.66, 0.066, 0.07, 0.004),
    section(0.53, 0.056, 0.06, 0.006),
    section(0.49, 0.054, 0.058, 0.008),
    section(0.44, 0.055, 0.06, 0.002),
    section(0.35, 0.053, 0.06, -0.008),
    section(0.24, 0.047, 0.051, -0.006),
    section(0.13, 0.046, 0.05, -0.002),
    section(0.105, 0.047, 0.051, 0),
  ]
  const chain = chainWeights(
    [
      { bone: bone(`Thigh${s}`), at: joints[`Thigh${s}`] },
      { bone: bone(`Shin${s}`), at: joints[`Shin${s}`] },
      { bone: bone(`Foot${s}`), at: joints[`Foot${s}`] },
    ],
    0.05,
  )
  const weights: WeightsAt = (p) => {
    const hips = smoothstep(0.9, 0.98, p.y)
    const w: Array<[number, number]> = chain(p).map(([b, v]) => [b, v * (1 - hips)])
    w.push([BONE.Hips, hips])
    return w as BoneWeights
  }
  mesh.loft(rings, 12, weights, { capEnd: 0 })

  // The shoe: sections along +Z from heel to toe, flat-soled.
  const shoeRing = (z: number, y: number, rx: number, ry: number): Ring => ({
    center: [x + side * z * 0.05, y, z],
    u: [1, 0, 0],
    v: [0, 1, 0],
    ru: rx,
    rv: ry,
    power: 2.6,
    color: outfit.shoes,
  })
  const shoe = [
    shoeRing(-0.06, 0.04, 0.034, 0.038),
    shoeRing(-0.035, 0.05, 0.042, 0.05),
    shoeRing(0.02, 0.05, 0.045, 0.05),
    shoeRing(0.08, 0.04, 0.047, 0.04),
    shoeRing(0.13, 0.033, 0.046, 0.033),
    shoeRing(0.165, 0.028, 0.04, 0.027),
    shoeRing(0.185, 0.024, 0.026, 0.02),
  ]
  mesh.loft(shoe, 12, single(bone(`Foot${s}`)), { capStart: 0.01, capEnd: 0.008, surface: 'glossy' })
}

function neckAndHead(mesh: SkinnedMeshBuilder, outfit: HumanoidOutfit): void {
  const neck = [1.37, 1.41, 1.45, 1.49, 1.53].map((y) =>
    uprightRing([y, 0.05, 0.048, -0.014, 2], outfit.skin),
  )
  mesh.loft(neck, 12, neckWeights)
  // A stand collar round the base of the neck.
  const trim = outfit.trim ?? outfit.top
  const collar = [
    uprightRing([1.385, 0.07, 0.066, -0.012, 2], outfit.shirt),
    uprightRing([1.435, 0.061, 0.058, -0.014, 2], outfit.shirt),
    uprightRing([1.437, 0.061, 0.058, -0.014, 2], trim),
    uprightRing([1.447, 0.06, 0.057, -0.014, 2], trim),
  ]
  mesh.loft(collar, 16, neckWeights)
  mesh.loft(
    HEAD.map((s) => uprightRing(s, outfit.skin)),
    24,
    faceWeights,
    { capStart: 0.004, capEnd: 0.002 },
  )
}

function ellipsoid(center: Vec3, radii: Vec3, widthSegments = 8, heightSegments = 6) {
  const geometry = new SphereGeometry(1, widthSegments, heightSegments)
  geometry.scale(...radii)
  geometry.translate(...center)
  return geometry
}

function face(mesh: SkinnedMeshBuilder, joints: JointPositions, outfit: HumanoidOutfit): void {
  const head = single(BONE.Head)
  for (const side of [1, -1] as const) {
    const s = sideName(side)
    const eye = joints[`Eyelid${s}`]
    mesh.geometry(ellipsoid(eye, [EYE_RADIUS, EYE_RADIUS, EYE_RADIUS], 10, 8), '#ece7de', head, {
      surface: 'glossy',
    })
    mesh.geometry(
      ellipsoid(add(eye, [0, 0.0004, EYE_RADIUS - 0.0012]), [0.0064, 0.0066, 0.0022], 10, 4),
      '#24160e',
      head,
      {
        surface: 'glossy',
      },
    )
    // Lids: shells just outside the eyeball. The upper one rotates down over the eye to blink and
    // darkens toward its edge (the lashes), so the eye reads as an almond from across a room.
    const lash = (p: Vector3) => (p.y - eye[1] < 0.5 * LID_RADIUS ? '#2a1d18' : outfit.skin)
    const upper = new SphereGeometry(LID_RADIUS, 10, 4, 0, Math.PI * 2, 0, 1.08)
    upper.translate(...eye)
    mesh.geometry(upper, lash, single(bone(`Eyelid${s}`)))
    const lower = new SphereGeometry(LID_RADIUS, 10, 3, 0, Math.PI * 2, 1.95, Math.PI - 1.95)
    lower.translate(...eye)
    mesh.geometry(lower, outfit.skin, head)
    // The brow: a thin arc of hair above the eye.
    const brow: Ring[] = [0, 1, 2, 3].map((i) => {
      const t = i / 3
      const x = side * (0.016 + 0.04 * t)
      const y = 1.611 + 0.005 * Math.sin(Math.PI * (0.2 + 0.7 * t)) - 0.003 * t
      return {
        center: [x, y, surfaceZ(HEAD, x, y) + 0.001],
        u: [0, 1, 0],
        v: [0, 0, side],
        ru: 0.0026 - 0.001 * t,
        rv: 0.0035,
        color: outfit.hair,
      }
    })
    mesh.loft(brow, 6, head, { capStart: 0.003, capEnd: 0.003 })
    // The ear.
    mesh.geometry(ellipsoid([side * 0.077, 1.572, -0.008], [0.012, 0.027, 0.018]), outfit.skin, head)
  }
  mesh.geometry(
    ellipsoid([0, 1.558, surfaceZ(HEAD, 0, 1.558) - 0.004], [0.0105, 0.02, 0.0125]),
    outfit.skin,
    head,
  )
  // The mouth: a dark slit whose lower half goes with the jaw, so it opens as the jaw drops.
  const mouthY = 1.514
  const mouth = ellipsoid([0, mouthY, surfaceZ(HEAD, 0, mouthY) - 0.006], [0.021, 0.0045, 0.01], 10, 6)
  mesh.geometry(mouth, '#4a1414', (p) => [[p.y < mouthY - 1e-4 ? BONE.Jaw : BONE.Head, 1]])
}

/**
 * The hair's edge on the head: how high it sits at the front (forehead), the sides (temples) and the
 * back; its thickness and lift on top; how far the fringe dips to one side.
 */
const HAIRLINES = {
  short: { front: 1.652, side: 1.598, back: 1.512, thickness: 0.011, lift: 0.012, sweep: 0.012 },
  bob: { front: 1.645, side: 1.5, back: 1.49, thickness: 0.016, lift: 0.012, sweep: 0.025 },
  bun: { front: 1.656, side: 1.6, back: 1.52, thickness: 0.008, lift: 0.006, sweep: 0.02 },
} as const

/** The hair: a sculpted shell over the skull from its hairline to the crown, fuller on top. */
function hair(mesh: SkinnedMeshBuilder, outfit: HumanoidOutfit): void {
  const line = HAIRLINES[outfit.hairStyle]
  const centre = new Vector3(0, 1.585, -0.01)
  const columns = 24
  const rows = 8
  const crown = HEAD[HEAD.length - 2][0]
  const grid: Vec3[][] = []
  for (let r = 0; r <= rows; r++) {
    const t = r / rows
    const row: Vec3[] = []
    for (let c = 0; c < columns; c++) {
      const a = (c / columns) * Math.PI * 2
      const front = Math.sin(a)
      // A fringe swept to the figure's right: the front edge dips over the right brow.
      const sweep = line.sweep * Math.max(0, -Math.cos(a) + 0.3) * Math.max(0, front)
      const edge =
        front >= 0
          ? line.side + (line.front - line.side) * front ** 1.6 - sweep
          : line.side + (line.back - line.side) * (-front) ** 1.2
      const y = edge + (crown - edge) * (1 - (1 - t) ** 1.4)
      const [, rx, rz, cz, p] = sectionAt(HEAD, y)
      const ca = Math.cos(a)
      const sa = Math.sin(a)
      const point = new Vector3(
        Math.sign(ca) * Math.abs(ca) ** (2 / p) * rx,
        y,
        cz + Math.sign(sa) * Math.abs(sa) ** (2 / p) * rz,
      )
      // Thin at the hairline, full a few centimetres in, lifted on top.
      const offset = 0.002 + line.thickness * smoothstep(0, 0.3, t) + line.lift * t * t
      const out = point.clone().sub(centre).normalize().multiplyScalar(offset)
      row.push(point.add(out).toArray() as Vec3)
    }
    grid.push(row)
  }
  const top = new Vector3(0, HEAD[HEAD.length - 1][0] + 0.003 + line.thickness + line.lift, -0.016)
  grid.push(Array.from({ length: columns }, () => top.toArray() as Vec3))
  mesh.geometry(gridGeometry(grid, true, true), outfit.hair, single(BONE.Head))
  if (outfit.hairStyle === 'bun') {
    mesh.geometry(ellipsoid([0, 1.64, -0.112], [0.042, 0.04, 0.036], 10, 8), outfit.hair, single(BONE.Head))
  }
}
