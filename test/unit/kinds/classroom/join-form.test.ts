// The join panel's rules and the pose rounding, without a browser (follow-me: test/unit/shared/groups).
import { describe, expect, it } from 'vitest'
import { joinStatus, pressKeypad, roomCodeFrom } from '../../../../src/kinds/classroom/logic/join-form'
import { poseTuple } from '../../../../src/kinds/classroom/logic/pose-tuple'

describe('join form', () => {
  it('cleans a room code from a link', () => {
    expect(roomCodeFrom(' ab-c d7 ')).toBe('ABCD7')
    expect(roomCodeFrom('abcdefghijk')).toBe('ABCDEFGH')
  })

  it('types, deletes and clears the teacher code, at most 12 digits', () => {
    expect(pressKeypad('12', '3')).toBe('123')
    expect(pressKeypad('123', '退格')).toBe('12')
    expect(pressKeypad('123', 'C')).toBe('')
    expect(pressKeypad('123456789012', '9')).toBe('123456789012')
  })

  it('says why the visitor is back at the join panel', () => {
    expect(joinStatus('connecting', 'kicked')).toEqual({ kind: 'connecting' })
    expect(joinStatus('ended', 'kicked')).toEqual({ kind: 'kicked' })
    expect(joinStatus('ended', 'offline')).toEqual({ kind: 'offline' })
    expect(joinStatus('join', 'error:room is full')).toEqual({ kind: 'failed', detail: 'room is full' })
    expect(joinStatus('join', '')).toEqual({ kind: 'none' })
  })
})

describe('pose tuple', () => {
  it('rounds to a millimetre so an unchanged pose is identical', () => {
    expect(poseTuple({ x: 1.23456, y: 1.6, z: -0.0004 }, { x: 0, y: 0.60004, z: 0, w: 0.79996 })).toEqual([
      1.235, 1.6, -0, 0, 0.6, 0, 0.8,
    ])
  })
})
