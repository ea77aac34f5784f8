// What a generated digital human's glTF holds, shared by the asset build (scripts/models/humanoid.ts),
// the runtime animator and the tests: bone names and parents, clip names and the walk's stride.
// No three.js here, so the build and unit tests import it as plain data.

/** The skeleton, parents before children. Bones rest with no rotation, so clips and code rotate in model axes. */
export const HUMANOID_BONES = [
  { name: 'Hips', parent: null },
  { name: 'Spine', parent: 'Hips' },
  { name: 'Chest', parent: 'Spine' },
  { name: 'Neck', parent: 'Chest' },
  { name: 'Head', parent: 'Neck' },
  { name: 'Jaw', parent: 'Head' },
  { name: 'EyelidL', parent: 'Head' },
  { name: 'EyelidR', parent: 'Head' },
  { name: 'ShoulderL', parent: 'Chest' },
  { name: 'UpperArmL', parent: 'ShoulderL' },
  { name: 'ForearmL', parent: 'UpperArmL' },
  { name: 'HandL', parent: 'ForearmL' },
  { name: 'ShoulderR', parent: 'Chest' },
  { name: 'UpperArmR', parent: 'ShoulderR' },
  { name: 'ForearmR', parent: 'UpperArmR' },
  { name: 'HandR', parent: 'ForearmR' },
  { name: 'ThighL', parent: 'Hips' },
  { name: 'ShinL', parent: 'ThighL' },
  { name: 'FootL', parent: 'ShinL' },
  { name: 'ThighR', parent: 'Hips' },
  { name: 'ShinR', parent: 'ThighR' },
  { name: 'FootR', parent: 'ShinR' },
] as const

export type HumanoidBone = (typeof HUMANOID_BONES)[number]['name']

/**
 * Bones no clip animates: the runtime owns them (the head turns to the visitor, the jaw opens with the
 * voice, the lids blink), so a clip never fights code and a cross-fade never leaves them half-set.
 */
export const RUNTIME_BONES = ['Head', 'Jaw', 'EyelidL', 'EyelidR'] as const satisfies readonly HumanoidBone[]

/** The clips every humanoid file carries. Loops repeat seamlessly; gestures start and end near the idle pose. */
export const HUMANOID_CLIPS = {
  idle: { loop: true },
  walk: { loop: true },
  talk: { loop: true },
  welcome: { loop: false },
  pointLeft: { loop: false },
  pointRight: { loop: false },
} as const

export type HumanoidClip = keyof typeof HUMANOID_CLIPS

/**
 * One walk cycle (two steps): its length in seconds and the ground it covers in metres at time scale 1.
 * The thighs swing ±0.42 rad on 0.82 m legs: steps of about 0.67 m. The animator scales the clip's
 * speed to the figure's, so the feet do not slide.
 */
export const WALK_CYCLE = { seconds: 1.1, stride: 1.34 } as const

/** The jaw's rotation (radians about X, opening down) at full narration level. */
export const JAW_OPEN_MAX = 0.22

/** The eyelids' rotation (radians about X) that closes them over the eyes. */
export const EYELID_CLOSED = 1.15

/**
 * Marks a figure's far-detail primitive (primitive extras, which three copies to the geometry's userData): the
 * same figure in about a quarter of the triangles, for a crowd to draw where the visitor is far from a
 * figure. It is never drawn as a mesh of its own: createHumanoid hides it, and the crowd mesh swaps it in.
 */
export const FAR_DETAIL_EXTRAS = { detail: 'far' } as const

/** Whether a primitive's extras (a geometry's userData) mark it as the figure's far detail. */
export function isFarDetail(extras: Record<string, unknown> | undefined): boolean {
  return extras?.detail === FAR_DETAIL_EXTRAS.detail
}
