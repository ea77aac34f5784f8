import { BoxGeometry, CylinderGeometry, Matrix4 } from 'three'
import { describe, expect, it } from 'vitest'
import { ColoredGeometryBatch } from '../../../src/platform/geometry/colored-geometry-batch'

describe('coloured geometry batch', () => {
  it('merges pieces of different shapes into one geometry with per-vertex colours', () => {
    const batch = new ColoredGeometryBatch()
      .place(new BoxGeometry(1, 1, 1), '#ff0000', [10, 0, 0])
      .add(new CylinderGeometry(0.5, 0.5, 1, 8), '#0000ff', new Matrix4().makeTranslation(-10, 0, 0))
    expect(batch.size).toBe(2)
    const merged = batch.merge()!
    const boxVertices = 36 // 12 triangles, non-indexed
    const position = merged.getAttribute('position')
    const color = merged.getAttribute('color')
    expect(position.count).toBe(
      boxVertices + new CylinderGeometry(0.5, 0.5, 1, 8).toNonIndexed().getAttribute('position').count,
    )
    expect(merged.getAttribute('uv')).toBeUndefined()
    // The box was moved to x = 10 and painted red; the cylinder to x = -10 and painted blue.
    expect(position.getX(0)).toBeGreaterThan(9)
    expect([color.getX(0), color.getY(0), color.getZ(0)]).toEqual([1, 0, 0])
    expect(position.getX(boxVertices)).toBeLessThan(-9)
    expect([color.getX(boxVertices), color.getY(boxVertices), color.getZ(boxVertices)]).toEqual([0, 0, 1])
    expect(merged.boundingSphere!.radius).toBeGreaterThan(10)
    expect(batch.size).toBe(0)
  })

  it('returns null when nothing was added', () => {
    expect(new ColoredGeometryBatch().merge()).toBeNull()
  })
})
