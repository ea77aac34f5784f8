// The clerk stands where HallClerks puts it behind the built counter: on the floor, and in no frame of
// its idle or talking clips does any part of it (talking hands included) enter the counter or the glass.
import { type AnimationClip, AnimationMixer, Box3, type Object3D, type SkinnedMesh, Vector3 } from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { hallServiceWindow } from '../../../../scripts/models/gov-hall'
import { clerkHumanoid } from '../../../../scripts/models/humanoid'
import { encodeModel } from '../../../../scripts/models/model-builder'
import { CLERK_DEPTH } from '../../../../src/kinds/service-hall/logic/hall-placement'
import { parseModelInNode } from '../../../support/gltf-in-node'

// Only shapes matter here: textures are placeholders (test/support/gltf-in-node.ts).
const load = parseModelInNode

let clerk: Object3D
let clips: AnimationClip[]
let obstacles: Box3[]

beforeAll(async () => {
  const [figure, counter] = await Promise.all([
    load(await encodeModel(clerkHumanoid())),
    load(await encodeModel(hallServiceWindow())),
  ])
  clerk = figure.scene
  clips = figure.animations
  counter.scene.updateMatrixWorld(true)
  obstacles = ['Counter', 'Glass'].map((name) => {
    const part = counter.scene.getObjectByName(name)
    if (!part) throw new Error(`the service window has no ${name}`)
    return new Box3().setFromObject(part)
  })
}, 60_000)

describe('the clerk behind the counter', () => {
  for (const name of ['idle', 'talk']) {
    it(`stays on the floor and clear of the counter and glass through its ${name} clip`, () => {
      const mixer = new AnimationMixer(clerk)
      const action = mixer.clipAction(clips.find((c) => c.name === name)!)
      action.play()
      let mesh: SkinnedMesh | undefined
      clerk.traverse((o) => {
        if ((o as SkinnedMesh).isSkinnedMesh) mesh = o as SkinnedMesh
      })
      const positions = mesh!.geometry.getAttribute('position')
      const v = new Vector3()
      let lowest = Number.POSITIVE_INFINITY
      let inside = 0
      for (let t = 0; t < action.getClip().duration; t += 0.125) {
        mixer.setTime(t)
        clerk.updateMatrixWorld(true)
        mesh!.skeleton.update()
        for (let i = 0; i < positions.count; i++) {
          mesh!.applyBoneTransform(i, v.fromBufferAttribute(positions, i))
          v.z += CLERK_DEPTH
          lowest = Math.min(lowest, v.y)
          if (obstacles.some((box) => box.containsPoint(v))) inside++
        }
      }
      mixer.stopAllAction()
      expect(inside, 'clerk vertices inside the counter or the glass').toBe(0)
      expect(Math.abs(lowest), 'the soles’ height above the floor (m)').toBeLessThan(0.012)
    })
  }
})
