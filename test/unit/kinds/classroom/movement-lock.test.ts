// A locked student stays put whatever they try, and the teacher's summon moves them for good.
import { describe, expect, it } from 'vitest'
import { MovementLock } from '../../../../src/kinds/classroom/logic/movement-lock'

describe('MovementLock', () => {
  it('holds nothing while unlocked', () => {
    expect(new MovementLock().hold([1, 0, 2], false)).toBeNull()
  })

  it('holds a locked student where the lock found them', () => {
    const lock = new MovementLock()
    expect(lock.hold([1, 0, 2], true)).toEqual([1, 0, 2])
    // The student teleports away; the lock pulls them back.
    expect(lock.hold([5, 0, 5], true)).toEqual([1, 0, 2])
  })

  it('keeps a summon instead of undoing it, and forgets the place once unlocked', () => {
    const lock = new MovementLock()
    lock.hold([1, 0, 2], true)
    lock.movedByTeacher([0, 0, -3])
    expect(lock.hold([0, 0, -3], true)).toEqual([0, 0, -3])
    expect(lock.hold([7, 0, 7], false)).toBeNull()
    expect(lock.hold([7, 0, 7], true)).toEqual([7, 0, 7])
  })

  it('ignores teacher moves while unlocked', () => {
    const lock = new MovementLock()
    lock.movedByTeacher([0, 0, -3])
    expect(lock.hold([4, 0, 4], true)).toEqual([4, 0, 4])
  })
})
