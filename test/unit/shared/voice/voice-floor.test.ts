import { describe, expect, it } from 'vitest'
import {
  type FloorMember,
  giveFloor,
  maySpeak,
  muteOne,
  raiseHand,
  speakers,
} from '../../../../src/shared/voice/voice-floor'

const listener = (over: Partial<FloorMember> = {}): FloorMember => ({
  leader: false,
  hand: false,
  floor: false,
  muted: false,
  ...over,
})

function apply(members: Map<string, FloorMember>, change: ReturnType<typeof giveFloor>) {
  if (!change.ok) throw new Error(change.reason)
  for (const [id, fields] of change.changes) Object.assign(members.get(id) ?? {}, fields)
}

describe('voice floor', () => {
  const room = () =>
    new Map<string, FloorMember>([
      ['t', listener({ leader: true })],
      ['a', listener()],
      ['b', listener()],
    ])

  it('the leader always speaks; a listener only with the floor, unmuted, and not all muted', () => {
    expect(maySpeak(listener({ leader: true }), { allMuted: true })).toBe(true)
    expect(maySpeak(listener(), { allMuted: false })).toBe(false)
    expect(maySpeak(listener({ floor: true }), { allMuted: false })).toBe(true)
    expect(maySpeak(listener({ floor: true, muted: true }), { allMuted: false })).toBe(false)
    expect(maySpeak(listener({ floor: true }), { allMuted: true })).toBe(false)
  })

  it('a hand goes up and down; the leader has none to raise', () => {
    const m = room()
    apply(m, raiseHand(m, 'a', true))
    expect(m.get('a')?.hand).toBe(true)
    apply(m, raiseHand(m, 'a', false))
    expect(m.get('a')?.hand).toBe(false)
    expect(raiseHand(m, 't', true)).toEqual({ ok: false, reason: 'only a listener raises a hand' })
    expect(raiseHand(m, 'nobody', true).ok).toBe(false)
  })

  it('the floor goes to one listener at a time, lowers their hand and lifts their mute', () => {
    const m = room()
    apply(m, raiseHand(m, 'a', true))
    apply(m, muteOne(m, 'a', true))
    apply(m, giveFloor(m, 'a'))
    expect(m.get('a')).toMatchObject({ floor: true, hand: false, muted: false })
    expect(speakers(m, { allMuted: false })).toEqual(['t', 'a'])
    apply(m, giveFloor(m, 'b'))
    expect(m.get('a')?.floor).toBe(false)
    expect(speakers(m, { allMuted: false })).toEqual(['t', 'b'])
    apply(m, giveFloor(m, ''))
    expect(speakers(m, { allMuted: false })).toEqual(['t'])
    expect(giveFloor(m, 't').ok).toBe(false)
    expect(giveFloor(m, 'ghost').ok).toBe(false)
  })

  it('muting takes the floor; mute all silences every listener but not the leader', () => {
    const m = room()
    apply(m, giveFloor(m, 'a'))
    apply(m, muteOne(m, 'a', true))
    expect(m.get('a')).toMatchObject({ floor: false, muted: true })
    expect(speakers(m, { allMuted: false })).toEqual(['t'])
    apply(m, giveFloor(m, 'b'))
    expect(speakers(m, { allMuted: true })).toEqual(['t'])
    expect(muteOne(m, 't', true).ok).toBe(false)
  })
})
