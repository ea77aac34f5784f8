// The tour group's contracts: what the server accepts from a client, and who may send what.
import { describe, expect, it } from 'vitest'
import {
  GroupEvents,
  GroupJoinOptions,
  GroupMessages,
  isGroupMessageType,
  mayPerformInGroup,
  NO_PANELS,
} from '../../../../src/shared/groups/group-messages'
import { cleanRoomCode, ROOM_CODE_PATTERN, randomRoomCode } from '../../../../src/shared/groups/room-code'

const TOKEN = 'abcdefghijklmnop1234'

describe('group join options', () => {
  it('takes a scene, a role and a member token, and nothing else', () => {
    expect(
      GroupJoinOptions.safeParse({ scene: 'red-tourism', role: 'docent', memberToken: TOKEN }).success,
    ).toBe(true)
    expect(
      GroupJoinOptions.safeParse({ scene: 'red-tourism', role: 'teacher', memberToken: TOKEN }).success,
    ).toBe(false)
    expect(GroupJoinOptions.safeParse({ scene: '../etc', role: 'visitor', memberToken: TOKEN }).success).toBe(
      false,
    )
    expect(
      GroupJoinOptions.safeParse({ scene: 'ruijin', role: 'visitor', memberToken: 'short' }).success,
    ).toBe(false)
    expect(
      GroupJoinOptions.safeParse({ scene: 'ruijin', role: 'visitor', memberToken: TOKEN, admin: true })
        .success,
    ).toBe(false)
  })
})

describe('group messages', () => {
  it('bounds stops and coordinates', () => {
    expect(GroupMessages['docent:stop'].safeParse({ stopIndex: 3 }).success).toBe(true)
    expect(GroupMessages['docent:stop'].safeParse({ stopIndex: 1.5 }).success).toBe(false)
    expect(GroupMessages['docent:stop'].safeParse({ stopIndex: 100_000 }).success).toBe(false)
    expect(GroupMessages['docent:pose'].safeParse({ position: [1, 2], pointer: [0, 1, 2] }).success).toBe(
      true,
    )
    expect(GroupMessages['docent:pose'].safeParse({ position: [1, 2], pointer: null }).success).toBe(true)
    expect(GroupMessages['docent:pose'].safeParse({ position: [1, Number.NaN], pointer: null }).success).toBe(
      false,
    )
    expect(GroupMessages['docent:pose'].safeParse({ position: [1, 2], pointer: [0, 1e6, 0] }).success).toBe(
      false,
    )
    expect(GroupMessages['member:following'].safeParse({ following: 'yes' }).success).toBe(false)
  })

  it('names the docent’s open panels by ids and bounds the slider', () => {
    const open = {
      card: 'panorama:pano-ciping',
      panorama: true,
      thenNow: 0.35,
      timeline: 'nanchang-uprising',
    }
    expect(GroupMessages['docent:panels'].safeParse(open).success).toBe(true)
    expect(GroupMessages['docent:panels'].safeParse(NO_PANELS).success).toBe(true)
    for (const bad of [
      { ...open, card: 'Panorama:X' },
      { ...open, card: 'x'.repeat(80) },
      { ...open, thenNow: 1.5 },
      { ...open, timeline: '../up' },
      { ...open, title: 'free text' },
    ])
      expect(GroupMessages['docent:panels'].safeParse(bad).success, JSON.stringify(bad)).toBe(false)
  })

  it('lets only the docent lead and only visitors step out', () => {
    expect(isGroupMessageType('docent:stop')).toBe(true)
    expect(isGroupMessageType('__proto__')).toBe(false)
    expect(isGroupMessageType(42)).toBe(false)
    expect(mayPerformInGroup('docent', 'docent:stop')).toBe(true)
    expect(mayPerformInGroup('visitor', 'docent:stop')).toBe(false)
    expect(mayPerformInGroup('visitor', 'docent:gather')).toBe(false)
    expect(mayPerformInGroup('visitor', 'member:following')).toBe(true)
    expect(mayPerformInGroup('docent', 'member:following')).toBe(false)
  })

  it('parses the server events the client reads', () => {
    const group = {
      code: 'ABCDE',
      scene: 'red-tourism',
      role: 'visitor',
      stopIndex: 2,
      panels: NO_PANELS,
      members: 3,
      following: 2,
      docentOnline: true,
      self: { following: true, hand: false, floor: false },
      docentId: 'docent1',
      peerIds: ['docent1', 'visitor1'],
      speakers: ['docent1'],
      hands: [],
    }
    expect(GroupEvents.group.safeParse(group).success).toBe(true)
    expect(GroupEvents.group.safeParse({ ...group, members: 21 }).success).toBe(false)
    expect(GroupEvents.gather.safeParse({ position: [1, 0, 2], yaw: 30 }).success).toBe(true)
  })
})

describe('room codes', () => {
  it('are five characters of an alphabet without 0/O and 1/I', () => {
    for (let i = 0; i < 50; i++) expect(randomRoomCode()).toMatch(ROOM_CODE_PATTERN)
    expect(cleanRoomCode(' ab-c d7 ')).toBe('ABCD7')
    expect(cleanRoomCode('o0i1abcdefghjk')).toBe('ABCDEFGH')
  })
})
