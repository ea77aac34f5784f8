// Keeping a group with its leader (classroom teacher, tour docent): follow-me, following the leader's
// moves only, and the summon arcs.
import { describe, expect, it } from 'vitest'
import {
  FOLLOW_BEHIND,
  FOLLOW_RADIUS,
  followTarget,
  gatherSlot,
  LeaderFollower,
} from '../../../../src/shared/groups/follow-leader'

describe('follow me', () => {
  it('leaves a member near the leader alone and brings a far one to 1.5 m behind', () => {
    expect(followTarget([1, 0, 1], 0, 0)).toBeNull()
    const to = followTarget([10, 0, 0], 0, -4)
    expect(to).not.toBeNull()
    expect(Math.hypot((to?.[0] ?? 0) - 0, (to?.[2] ?? 0) + 4)).toBeCloseTo(FOLLOW_BEHIND, 6)
    expect(to?.[0]).toBeGreaterThan(0)
  })
})

describe('following the leader', () => {
  it("pulls a far member once per leader move, never for the member's own wandering", () => {
    const f = new LeaderFollower()
    expect(f.update([10, 0, 0], 0, 0)).not.toBeNull()
    // The leader stands still; the member walks off to an exhibit: left alone.
    expect(f.update([8, 0, 0], 0, 0)).toBeNull()
    expect(f.update([8, 0, 0], 0.5, 0)).toBeNull()
    // The leader moves on: the member is brought after them.
    const to = f.update([8, 0, 0], 0, 6)
    expect(to).not.toBeNull()
    expect(Math.hypot((to?.[0] ?? 0) - 0, (to?.[2] ?? 0) - 6)).toBeCloseTo(FOLLOW_BEHIND, 6)
    // A member already near the moved leader stays.
    expect(f.update([0, 0, 9 + FOLLOW_RADIUS / 2], 0, 9)).toBeNull()
  })

  it('after a reset the next leader position counts as a move', () => {
    const f = new LeaderFollower()
    f.update([0, 0, 0], 0, 0)
    expect(f.update([9, 0, 0], 0, 0)).toBeNull()
    f.reset()
    expect(f.update([9, 0, 0], 0, 0)).not.toBeNull()
  })
})

describe('gather slots', () => {
  it('places members in arcs of eight at 1.8 m, then 2.7 m, all distinct', () => {
    const spot = [2, 0, -3] as const
    const slots = Array.from({ length: 19 }, (_, i) => gatherSlot(spot, i))
    const distance = (i: number) => Math.hypot(slots[i].position[0] - 2, slots[i].position[2] + 3)
    expect(distance(0)).toBeCloseTo(1.8, 6)
    expect(distance(7)).toBeCloseTo(1.8, 6)
    expect(distance(8)).toBeCloseTo(2.7, 6)
    const keys = new Set(slots.map((s) => s.position.map((v) => v.toFixed(2)).join()))
    expect(keys.size).toBe(19)
    for (const s of slots) expect(s.position[1]).toBe(0)
  })
})
