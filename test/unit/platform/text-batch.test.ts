import { Box3, Frustum, Group, type Matrix4, type Object3D, Vector3 } from 'three'
import { Text } from 'troika-three-text'
import { describe, expect, it } from 'vitest'
import { BATCHED_TEXT_LAYER, TextBatch } from '../../../src/platform/ui/text-batch'

/** A panel with a batch and one text inside a button group, as Panel and Button build them. */
function panelWithText() {
  const panel = new Group()
  const button = new Group()
  button.position.set(0.2, -0.1, 0)
  const text = new Text()
  text.position.set(0, 0, 0.012)
  text.geometry.boundingBox = new Box3(new Vector3(-0.1, -0.02, 0), new Vector3(0.1, 0.02, 0))
  button.add(text)
  const batch = new TextBatch()
  panel.add(button, batch)
  panel.position.set(1, 1.5, -2)
  panel.updateMatrixWorld(true)
  return { panel, button, text, batch }
}

/** What the renderer does with a batch each frame before drawing it: the scene's matrices, then culling. */
function frame(root: Object3D, batch: TextBatch) {
  root.updateMatrixWorld(true)
  batch.intersectsFrustum(new Frustum())
}

const relativeOf = (batch: TextBatch, text: Text) =>
  (batch as unknown as { members: Map<Text, { relative: Matrix4 }> }).members.get(text)!.relative

describe('TextBatch', () => {
  it('takes a member off the drawn layers while it is batched, and gives it back', () => {
    const { text, batch } = panelWithText()
    batch.addMember(text)
    expect(text.layers.isEnabled(0)).toBe(false)
    expect(text.layers.isEnabled(BATCHED_TEXT_LAYER)).toBe(true)
    expect(batch.size).toBe(1)
    batch.removeMember(text)
    expect(text.layers.isEnabled(0)).toBe(true)
    expect(batch.size).toBe(0)
  })

  it('places a member nested in groups where it is relative to the batch, in its bounds too', () => {
    const { panel, text, batch } = panelWithText()
    batch.addMember(text)
    frame(panel, batch)
    const where = new Vector3().setFromMatrixPosition(relativeOf(batch, text))
    expect(where.toArray()).toEqual([0.2, -0.1, 0.012].map((v) => expect.closeTo(v, 6)))
    const bounds = batch.geometry.boundingBox!
    expect(bounds.min.x).toBeCloseTo(0.1, 6)
    expect(bounds.max.x).toBeCloseTo(0.3, 6)
    expect(bounds.max.z).toBeCloseTo(0.012, 6)
    // Moving the whole panel moves nothing relative to the batch.
    panel.position.set(-3, 0, 4)
    panel.rotation.y = 1
    frame(panel, batch)
    expect(new Vector3().setFromMatrixPosition(relativeOf(batch, text)).x).toBeCloseTo(0.2, 6)
  })

  it('draws nothing for a member hidden by an ancestor, and leaves it out of the bounds', () => {
    const { panel, button, text, batch } = panelWithText()
    batch.addMember(text)
    button.visible = false
    frame(panel, batch)
    expect(relativeOf(batch, text).elements.every((e) => e === 0)).toBe(true)
    expect(batch.geometry.boundingBox!.isEmpty()).toBe(true)
    button.visible = true
    frame(panel, batch)
    expect(new Vector3().setFromMatrixPosition(relativeOf(batch, text)).y).toBeCloseTo(-0.1, 6)
  })

  it('draws nothing for a member taken out of the batch’s group', () => {
    const { panel, button, text, batch } = panelWithText()
    batch.addMember(text)
    panel.remove(button)
    frame(panel, batch)
    expect(relativeOf(batch, text).elements.every((e) => e === 0)).toBe(true)
  })

  it('places a member mounted after the batch from this frame, on a panel that moves every frame', () => {
    const { panel, batch } = panelWithText()
    frame(panel, batch)
    // A text that appears later is added after the batch, so the scene updates its matrices after the batch's.
    const late = new Text()
    late.position.set(-0.15, 0.05, 0.012)
    late.geometry.boundingBox = new Box3(new Vector3(-0.05, -0.02, 0), new Vector3(0.05, 0.02, 0))
    panel.add(late)
    batch.addMember(late)
    for (const x of [1, 2, 3]) {
      panel.position.x = x
      panel.rotation.y = x / 2
      frame(panel, batch)
      expect(new Vector3().setFromMatrixPosition(relativeOf(batch, late)).x).toBeCloseTo(-0.15, 6)
    }
  })

  it('places its members once per matrix update, however often it is culled or drawn', () => {
    const { panel, button, text, batch } = panelWithText()
    batch.addMember(text)
    frame(panel, batch)
    // Moved without a matrix update: still where the last update put it (a second eye, a second cull).
    button.position.x = 0.4
    button.updateMatrixWorld(true)
    batch.intersectsFrustum(new Frustum())
    expect(new Vector3().setFromMatrixPosition(relativeOf(batch, text)).x).toBeCloseTo(0.2, 6)
    frame(panel, batch)
    expect(new Vector3().setFromMatrixPosition(relativeOf(batch, text)).x).toBeCloseTo(0.4, 6)
  })

  it('is never a pointer target', () => {
    const { batch } = panelWithText()
    const hits: unknown[] = []
    batch.raycast({} as never, hits as never)
    expect(hits).toEqual([])
  })
})
