// Drives one digital human (a clone of a humanoid glTF, humanoid-contract.ts) below React: a base clip
// (idle, walk, talk) and one-shot gestures (welcome, point left or right) cross-faded by weights it
// ramps itself, then the bones code owns: the head turned toward a point, the jaw opened by the voice's
// level, the lids blinking. Nothing is allocated per frame.
import {
  type AnimationAction,
  type AnimationClip,
  AnimationMixer,
  LoopOnce,
  LoopRepeat,
  MathUtils,
  Matrix4,
  type Object3D,
  Vector3,
} from 'three'
import { seededRandom } from '../../shared/seeded-random'
import { BlinkSchedule } from './blink-schedule'
import { lookAngles } from './head-look'
import {
  EYELID_CLOSED,
  HUMANOID_CLIPS,
  type HumanoidClip,
  JAW_OPEN_MAX,
  WALK_CYCLE,
} from './humanoid-contract'

export type BaseClip = 'idle' | 'walk' | 'talk'
export type GestureClip = 'welcome' | 'pointLeft' | 'pointRight'

/** Seconds a cross-fade between clips takes. */
const FADE_S = 0.35
/** How quickly the head follows its target (per second, exponential). */
const LOOK_RATE = 4
/** How quickly the jaw follows the voice: fast, but smoothing the 20 Hz level updates. */
const JAW_RATE = 28

/** Ground speed (m/s) of the walk clip at time scale 1. */
const WALK_SPEED = WALK_CYCLE.stride / WALK_CYCLE.seconds

const CLIP_NAMES = Object.keys(HUMANOID_CLIPS) as HumanoidClip[]

export interface HumanoidFrame {
  /** Seconds since the last frame (the caller caps stalls). */
  delta: number
  /** A world point to look at, or null to face ahead. */
  lookAt: Vector3 | null
  /** 0..1: the voice's level; the jaw opens with it. */
  mouth: number
  /** Ground speed (m/s) while walking, so the feet keep pace. Default: the walk cycle's own speed. */
  speed?: number
}

/** What the animator is doing, for debug views. */
export interface HumanoidState {
  base: BaseClip
  gesture: GestureClip | null
  /** The clip with the most weight right now. */
  dominant: HumanoidClip
  weights: Record<HumanoidClip, number>
  /** Seconds (animation time) each clip has been the dominant one since the figure appeared. */
  seconds: Record<HumanoidClip, number>
  /** Jaw opening in radians. */
  jaw: number
  /** Lid closure 0..1. */
  lids: number
  headYaw: number
  headPitch: number
}

const inverse = new Matrix4()
const local = new Vector3()
const angles = { yaw: 0, pitch: 0 }

export class HumanoidAnimator {
  readonly mixer: AnimationMixer
  private readonly actions: Record<HumanoidClip, AnimationAction>
  private readonly weights: Record<HumanoidClip, number>
  private readonly seconds: Record<HumanoidClip, number>
  private dominant: HumanoidClip = 'idle'
  private base: BaseClip = 'idle'
  private gesture: GestureClip | null = null
  private readonly neck: Object3D
  private readonly head: Object3D
  private readonly jaw: Object3D
  private readonly lids: [Object3D, Object3D]
  private readonly blink: BlinkSchedule
  private lidClosure = 0
  private headYaw = 0
  private headPitch = 0
  private time = 0
  /**
   * Set by every `update`: the bones may have moved since the figure last recomputed its world matrices.
   * The figure clears it when it does (pose-updates.ts), so a figure its crowd skips costs no matrix work.
   */
  posed = true

  /** `root` is this figure's own clone (SkeletonUtils.clone); `seed` varies its idle phase and blinks. */
  constructor(
    readonly root: Object3D,
    clips: readonly AnimationClip[],
    seed = 1,
  ) {
    const bone = (name: string) => {
      const found = root.getObjectByName(name)
      if (!found) throw new Error(`humanoid has no bone named ${name}`)
      return found
    }
    this.neck = bone('Neck')
    this.head = bone('Head')
    this.head.rotation.order = 'YXZ'
    this.jaw = bone('Jaw')
    this.lids = [bone('EyelidL'), bone('EyelidR')]
    this.mixer = new AnimationMixer(root)
    const random = seededRandom(seed)
    this.blink = new BlinkSchedule(seed)
    const actions: Partial<Record<HumanoidClip, AnimationAction>> = {}
    const weights: Partial<Record<HumanoidClip, number>> = {}
    const seconds: Partial<Record<HumanoidClip, number>> = {}
    for (const name of CLIP_NAMES) {
      const clip = clips.find((c) => c.name === name)
      if (!clip)
        throw new Error(`humanoid has no clip named ${name} (has ${clips.map((c) => c.name).join(', ')})`)
      const action = this.mixer.clipAction(clip)
      if (HUMANOID_CLIPS[name].loop) action.setLoop(LoopRepeat, Number.POSITIVE_INFINITY)
      else {
        action.setLoop(LoopOnce, 1)
        action.clampWhenFinished = true
      }
      weights[name] = name === 'idle' ? 1 : 0
      seconds[name] = 0
      action.setEffectiveWeight(weights[name])
      action.play()
      actions[name] = action
    }
    this.actions = actions as Record<HumanoidClip, AnimationAction>
    this.weights = weights as Record<HumanoidClip, number>
    this.seconds = seconds as Record<HumanoidClip, number>
    // Figures standing together should not breathe in step.
    this.actions.idle.time = random() * this.actions.idle.getClip().duration
    this.actions.talk.time = random() * this.actions.talk.getClip().duration
  }

  /** The loop to return to when no gesture plays. */
  setBase(base: BaseClip): void {
    this.base = base
    // Nobody strides off mid-wave: a walk cuts a gesture short. A guide sent on while its welcome
    // played walked its last metres in the gesture's pose, feet still.
    if (base === 'walk') this.gesture = null
  }

  /**
   * Plays a one-shot gesture from its start (again, if it was playing), then fades back to the base.
   * Not while walking: the gesture waits for the figure to stand.
   */
  playGesture(gesture: GestureClip): void {
    if (this.base === 'walk') return
    this.gesture = gesture
    this.actions[gesture].reset()
  }

  /** Cuts a gesture short (the figure walks off mid-welcome): it fades out into the base from here. */
  stopGesture(): void {
    this.gesture = null
  }

  get gesturePlaying(): GestureClip | null {
    return this.gesture
  }

  update(frame: HumanoidFrame): void {
    const { delta } = frame
    this.posed = true
    this.time += delta
    const gesture = this.gesture
    if (gesture) {
      const action = this.actions[gesture]
      if (action.time >= action.getClip().duration - FADE_S) this.gesture = null
    }
    const step = delta / FADE_S
    for (const name of CLIP_NAMES) {
      const target = name === (this.gesture ?? this.base) ? 1 : 0
      const w = this.weights[name]
      const next = w + MathUtils.clamp(target - w, -step, step)
      if (next !== w) {
        this.weights[name] = next
        this.actions[name].setEffectiveWeight(next)
      }
    }
    for (const name of CLIP_NAMES) if (this.weights[name] > this.weights[this.dominant]) this.dominant = name
    this.seconds[this.dominant] += delta
    this.actions.walk.timeScale = frame.speed === undefined ? 1 : frame.speed / WALK_SPEED
    this.mixer.update(delta)

    // The head turns in the neck's frame, so it keeps looking while the chest turns under it.
    let yaw = 0
    let pitch = 0
    if (frame.lookAt) {
      this.neck.updateWorldMatrix(true, false)
      inverse.copy(this.neck.matrixWorld).invert()
      local.copy(frame.lookAt).applyMatrix4(inverse).sub(this.head.position)
      lookAngles(local.x, local.y, local.z, angles)
      yaw = angles.yaw
      pitch = angles.pitch
    }
    this.headYaw = MathUtils.damp(this.headYaw, yaw, LOOK_RATE, delta)
    this.headPitch = MathUtils.damp(this.headPitch, pitch, LOOK_RATE, delta)
    this.head.rotation.set(this.headPitch, this.headYaw, 0)

    const open = MathUtils.clamp(frame.mouth, 0, 1) * JAW_OPEN_MAX
    this.jaw.rotation.x = MathUtils.damp(this.jaw.rotation.x, open, JAW_RATE, delta)

    // Lids follow a downward glance a little, and close fully to blink.
    this.lidClosure = this.blink.closure(this.time)
    const lid = Math.max(this.lidClosure, Math.max(0, this.headPitch) * 0.6)
    this.lids[0].rotation.x = lid * EYELID_CLOSED
    this.lids[1].rotation.x = lid * EYELID_CLOSED
  }

  /** A snapshot for debug views (allocates; not for every frame). */
  state(): HumanoidState {
    return {
      base: this.base,
      gesture: this.gesture,
      dominant: this.dominant,
      weights: { ...this.weights },
      seconds: { ...this.seconds },
      jaw: this.jaw.rotation.x,
      lids: this.lidClosure,
      headYaw: this.headYaw,
      headPitch: this.headPitch,
    }
  }

  dispose(): void {
    this.mixer.stopAllAction()
    this.mixer.uncacheRoot(this.root)
  }
}
