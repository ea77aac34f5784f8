// A clerk's distance from the visitor is measured in the hall's metres: the same as the world's in VR, fifty
// times it on AR's 1:50 table model, where every clerk (3.5 cm tall) is far from a visitor at the table.
import { Matrix4, Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { clerkDistanceSq } from '../../../../src/kinds/service-hall/logic/clerk-distance'

const HEAD_Y = 1.55

describe('clerk distance', () => {
  it('is the plain distance where the hall stands at the world origin (VR)', () => {
    const d = clerkDistanceSq([3.3, 0, -9.9], HEAD_Y, new Vector3(3.3, 1.55, -7.9), new Matrix4())
    expect(Math.sqrt(d)).toBeCloseTo(2, 6)
  })

  it('is in hall metres on a 1:50 model on a table, wherever in the room the head is', () => {
    // The model on a table 0.8 m in front of the visitor, turned a quarter round.
    const hall = new Matrix4().compose(
      new Vector3(0, 0.75, -0.8),
      new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI / 2),
      new Vector3(1 / 50, 1 / 50, 1 / 50),
    )
    const inverse = hall.clone().invert()
    const clerk: [number, number, number] = [3.3, 0, -9.9]
    // A head at the clerk's own hall coordinates, read as world coordinates, is nowhere near it on the model.
    expect(Math.sqrt(clerkDistanceSq(clerk, HEAD_Y, new Vector3(3.3, 1.55, -9.9), inverse))).toBeGreaterThan(
      100,
    )
    // A head 10 cm above the model's clerk is 5 hall metres from it.
    const above = new Vector3(clerk[0], HEAD_Y, clerk[2]).applyMatrix4(hall).add(new Vector3(0, 0.1, 0))
    expect(Math.sqrt(clerkDistanceSq(clerk, HEAD_Y, above, inverse))).toBeCloseTo(5, 6)
  })
})
