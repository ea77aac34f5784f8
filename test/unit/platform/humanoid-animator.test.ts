// The animator on the generated guide, in Node with three's own loader: cross-fades between base clips,
// gestures that play once and hand back (or are cut short by a walk), the walk paced to the ground
// speed, and the bones code owns: jaw by level, lids by the blink schedule, head toward a point within limits.
import { type AnimationClip, type Object3D, Vector3 } from 'three'
import { clone } from 'three/examples/jsm/utils/SkeletonUtils.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { guideHumanoid } from '../../../scripts/models/humanoid'
import { encodeModel } from '../../../scripts/models/model-builder'
import { LOOK_PITCH_LIMIT, LOOK_YAW_LIMIT } from '../../../src/platform/humans/head-look'
import { HumanoidAnimator, type HumanoidFrame } from '../../../src/platform/humans/humanoid-animator'
import { JAW_OPEN_MAX, WALK_CYCLE } from '../../../src/platform/humans/humanoid-contract'
import { parseModelInNode } from '../../support/gltf-in-node'

let scene: Object3D
let clips: AnimationClip[]

beforeAll(async () => {
  const bytes = await encodeModel(guideHumanoid())
  const gltf = await parseModelInNode(bytes)
  scene = gltf.scene
  clips = gltf.animations
}, 60_000)

function figure(seed = 7) {
  const root = clone(scene)
  return { root, animator: new HumanoidAnimator(root, clips, seed) }
}

function run(animator: HumanoidAnimator, seconds: number, frame: Partial<HumanoidFrame> = {}, step = 1 / 30) {
  for (let t = 0; t < seconds; t += step) animator.update({ delta: step, lookAt: null, mouth: 0, ...frame })
}

describe('humanoid animator', () => {
  it('idles, then cross-fades to the walk within a third of a second and paces it to the speed', () => {
    const { animator } = figure()
    run(animator, 1)
    expect(animator.state().dominant).toBe('idle')
    animator.setBase('walk')
    run(animator, 0.2)
    const half = animator.state().weights
    expect(half.walk).toBeGreaterThan(0.4)
    expect(half.walk + half.idle).toBeCloseTo(1, 5)
    run(animator, 0.3, { speed: 2 * (WALK_CYCLE.stride / WALK_CYCLE.seconds) })
    expect(animator.state().weights.walk).toBe(1)
    expect(animator.mixer.existingAction(clips.find((c) => c.name === 'walk')!)?.timeScale).toBeCloseTo(2, 5)
  })

  it('plays a gesture once and hands back to the base; a walk cuts it short', () => {
    const { animator } = figure()
    animator.setBase('talk')
    animator.playGesture('welcome')
    run(animator, 0.5)
    expect(animator.state().dominant).toBe('welcome')
    run(animator, 3)
    expect(animator.gesturePlaying).toBeNull()
    expect(animator.state().dominant).toBe('talk')

    animator.playGesture('pointLeft')
    run(animator, 0.5)
    animator.setBase('walk')
    animator.stopGesture()
    run(animator, 0.4)
    expect(animator.state().dominant).toBe('walk')
    expect(animator.state().seconds.walk).toBeGreaterThan(0)
  })

  it('opens the jaw with the level and closes it in silence', () => {
    const { animator } = figure()
    run(animator, 0.5, { mouth: 1 })
    expect(animator.state().jaw).toBeCloseTo(JAW_OPEN_MAX, 3)
    run(animator, 0.5, { mouth: 0.5 })
    expect(animator.state().jaw).toBeCloseTo(JAW_OPEN_MAX / 2, 3)
    run(animator, 0.5, { mouth: 0 })
    expect(animator.state().jaw).toBeLessThan(0.001)
  })

  it('blinks every 3 to 6 s', () => {
    const { animator } = figure()
    let blinks = 0
    let shut = false
    for (let t = 0; t < 30; t += 1 / 60) {
      animator.update({ delta: 1 / 60, lookAt: null, mouth: 0 })
      const closed = animator.state().lids > 0.5
      if (closed && !shut) blinks++
      shut = closed
    }
    expect(blinks).toBeGreaterThanOrEqual(5)
    expect(blinks).toBeLessThanOrEqual(10)
  })

  it('turns the head toward a point, damped, and no further than ±60° and ±20°', () => {
    const { root, animator } = figure()
    root.updateMatrixWorld(true)
    // Ahead and to the figure's left, at eye height: the head turns left only.
    const ahead = new Vector3(1.5, 1.6, 1.5)
    run(animator, 0.05, { lookAt: ahead })
    const early = animator.state().headYaw
    run(animator, 3, { lookAt: ahead })
    const settled = animator.state()
    expect(early).toBeGreaterThan(0)
    expect(early).toBeLessThan(settled.headYaw)
    expect(settled.headYaw).toBeGreaterThan(0.6)
    expect(settled.headYaw).toBeLessThan(0.9)
    // Far to the right and above: held at the limits.
    run(animator, 5, { lookAt: new Vector3(-5, 4, 0.5) })
    expect(animator.state().headYaw).toBeCloseTo(-LOOK_YAW_LIMIT, 2)
    expect(animator.state().headPitch).toBeCloseTo(-LOOK_PITCH_LIMIT, 2)
  })
})
