// Docent-led tour groups end to end in one process: the real server and real Colyseus clients. A docent
// opens a group, visitors join by its code, only the docent moves the stop and opens its panels (a card,
// the panorama, the then-and-now slider, a timeline event) for the group, a visitor who stepped out
// is counted out, gather reaches following members only, the 21st device is told the group is full,
// and malformed, unknown, forbidden and flooding messages are refused without hurting the room. The docent's
// live voice signals reach members of the group only.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, type Room } from '@colyseus/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import {
  GROUP_FULL_REASON,
  GROUP_MAX_DEVICES,
  type GroupEvent,
  TOUR_GROUP_ROOM,
} from '../../src/shared/groups/group-messages'
import { settleWithin, startClassroomServer, waitFor } from './classroom-harness'

let server: RunningServer
const rooms: Room[] = []
let tokens = 0

interface Member {
  room: Room
  group?: GroupEvent<'group'>
  docent: GroupEvent<'docent'>[]
  gathers: GroupEvent<'gather'>[]
  refusals: GroupEvent<'refused'>[]
}

function track(room: Room): Member {
  rooms.push(room)
  const m: Member = { room, docent: [], gathers: [], refusals: [] }
  room.onMessage('group', (g: GroupEvent<'group'>) => {
    m.group = g
  })
  room.onMessage('docent', (d: GroupEvent<'docent'>) => m.docent.push(d))
  room.onMessage('gather', (g: GroupEvent<'gather'>) => m.gathers.push(g))
  room.onMessage('refused', (r: GroupEvent<'refused'>) => m.refusals.push(r))
  return m
}

const token = () => `test-member-token-${String(++tokens).padStart(4, '0')}`

async function openGroup(scene = 'red-tourism'): Promise<Member> {
  const m = track(
    await new Client(server.url).create(TOUR_GROUP_ROOM, { scene, role: 'docent', memberToken: token() }),
  )
  await waitFor('the docent sees the group', () => m.group !== undefined)
  return m
}

async function joinGroup(code: string): Promise<Member> {
  const m = track(
    await new Client(server.url).joinById(code, {
      scene: 'red-tourism',
      role: 'visitor',
      memberToken: token(),
    }),
  )
  await waitFor('the visitor sees the group', () => m.group !== undefined)
  return m
}

/**
 * A server of its own for a describe block: each has its own matchmaking limit per address (30 joins at
 * once, then 3 a second), and a full group's 21 joins on top of the other tests' would meet it.
 */
function ownServer(): void {
  beforeAll(async () => {
    server = await startClassroomServer(mkdtempSync(join(tmpdir(), 'xr-groups-')))
  })
  afterAll(async () => {
    // A room the server already closed never answers a leave: bound the wait.
    await settleWithin(
      rooms.splice(0).map((r) => r.leave(true).catch(() => undefined)),
      2000,
    )
    await server?.close()
  })
}

describe('tour groups', () => {
  ownServer()

  it('a docent opens a group, visitors join by code and follow the stop; a visitor who stepped out is counted out', async () => {
    const docent = await openGroup()
    const code = docent.group?.code ?? ''
    expect(code).toMatch(/^[A-Z2-9]{5}$/)
    expect(docent.group).toMatchObject({ role: 'docent', stopIndex: -1, members: 1, docentOnline: true })
    const a = await joinGroup(code)
    const b = await joinGroup(code)
    await waitFor('three members', () => docent.group?.members === 3 && docent.group.following === 2)
    expect(a.group).toMatchObject({ code, role: 'visitor', self: { following: true } })

    docent.room.send('docent:stop', { stopIndex: 1 })
    await waitFor('both visitors at stop 1', () => a.group?.stopIndex === 1 && b.group?.stopIndex === 1)

    b.room.send('member:following', { following: false })
    await waitFor('b stepped out', () => b.group?.self.following === false && docent.group?.following === 1)
    docent.room.send('docent:pose', { position: [1, 2], pointer: [1, 1.2, 3] })
    await waitFor('the pointer reaches the visitors', () => a.docent.length > 0 && b.docent.length > 0)
    expect(a.docent.at(-1)).toEqual({ position: [1, 2], pointer: [1, 1.2, 3] })
    docent.room.send('docent:gather', {})
    await waitFor('a is gathered', () => a.gathers.length === 1)
    expect(Math.hypot(a.gathers[0].position[0] - 1, a.gathers[0].position[2] - 2)).toBeCloseTo(1.8, 5)
    b.room.send('member:following', { following: true })
    await waitFor('b is back in', () => docent.group?.following === 2)
    expect(b.gathers).toHaveLength(0)
  })

  it('what the docent opens at a stop reaches the group, and a visitor joining later; only the docent opens it', async () => {
    const docent = await openGroup()
    const code = docent.group?.code ?? ''
    const a = await joinGroup(code)
    expect(a.group?.panels).toEqual({ card: null, panorama: false, thenNow: 0, timeline: null })
    const open = {
      card: 'panorama:pano-ciping',
      panorama: true,
      thenNow: 0.35,
      timeline: 'nanchang-uprising',
    }
    docent.room.send('docent:stop', { stopIndex: 6 })
    docent.room.send('docent:panels', open)
    await waitFor('a sees the docent’s panels', () => a.group?.panels.card === 'panorama:pano-ciping')
    expect(a.group).toMatchObject({ stopIndex: 6, panels: open })
    const late = await joinGroup(code)
    expect(late.group?.panels).toEqual(open)

    late.room.send('docent:panels', { ...open, card: null })
    docent.room.send('docent:panels', { ...open, card: '../etc/passwd' })
    docent.room.send('docent:panels', { ...open, thenNow: 2 })
    docent.room.send('docent:panels', { ...open, extra: 'x' })
    await waitFor('four refusals', () => late.refusals.length === 1 && docent.refusals.length === 3)
    expect(late.refusals[0].reason).toMatch(/only the docent/)
    expect(a.group?.panels).toEqual(open)
  })

  it('only the docent changes the stop; bad, unknown and out-of-range messages are refused', async () => {
    const docent = await openGroup()
    const v = await joinGroup(docent.group?.code ?? '')
    v.room.send('docent:stop', { stopIndex: 2 })
    v.room.send('docent:pose', { position: [0, 0], pointer: null })
    await waitFor('the visitor is refused twice', () => v.refusals.length === 2)
    expect(v.refusals[0].reason).toMatch(/only the docent/)
    docent.room.send('docent:stop', { stopIndex: 999 })
    docent.room.send('docent:stop', { stopIndex: 'two' })
    docent.room.send('docent:pose', { position: [Number.NaN, 0], pointer: null })
    docent.room.send('docent:pose', { position: [0, 0], pointer: [1e9, 0, 0] })
    docent.room.send('hack', { x: 'y'.repeat(5000) })
    docent.room.send('member:following', { following: false })
    await waitFor('six refusals', () => docent.refusals.length === 6)
    expect(docent.refusals.map((r) => r.type)).toEqual([
      'docent:stop',
      'docent:stop',
      'docent:pose',
      'docent:pose',
      'hack',
      'member:following',
    ])
    // A flood of pointer poses is dropped past its budget, silently, and the room still answers.
    for (let i = 0; i < 30; i++) docent.room.send('docent:pose', { position: [i, 0], pointer: null })
    docent.room.send('docent:stop', { stopIndex: 0 })
    await waitFor('the stop still moves', () => v.group?.stopIndex === 0)
    expect(v.docent.length).toBeLessThan(30)
  })

  it('relays the docent’s live voice to members of the group only; a visitor answers but never offers', async () => {
    const sdp = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 1 10.0.0.5 5000 typ host\r\n'
    const docent = await openGroup()
    const a = await joinGroup(docent.group?.code ?? '')
    await waitFor('the docent and a visitor named for voice', () => docent.group?.peerIds.length === 2)
    expect(a.group?.docentId).toBe(docent.room.sessionId)
    const signals: unknown[] = []
    a.room.onMessage('voice:signal', (m: unknown) => signals.push(m))
    docent.room.onMessage('voice:signal', (m: unknown) => signals.push(m))
    docent.room.send('voice:signal', { kind: 'offer', to: a.room.sessionId, sdp })
    await waitFor('the offer at the visitor', () => signals.length === 1)
    a.room.send('voice:signal', { kind: 'answer', to: docent.room.sessionId, sdp })
    await waitFor('the answer at the docent', () => signals.length === 2)
    expect(signals).toEqual([
      { kind: 'offer', from: docent.room.sessionId, sdp },
      { kind: 'answer', from: a.room.sessionId, sdp },
    ])
    const other = await openGroup()
    a.room.send('voice:signal', { kind: 'offer', to: docent.room.sessionId, sdp })
    docent.room.send('voice:signal', { kind: 'offer', to: other.room.sessionId, sdp })
    docent.room.send('voice:signal', { kind: 'offer', to: a.room.sessionId, sdp: 'v=0\r\nm=video 9 x\r\n' })
    await waitFor('three refusals', () => a.refusals.length + docent.refusals.length >= 3)
    expect(a.refusals.map((r) => r.reason)).toContain('you may not speak now (ask for the floor)')
    expect(docent.refusals.map((r) => r.reason)).toEqual([
      'no such member in this room',
      'malformed: sdp: only audio may be sent (m=video 9 x)',
    ])
    expect(other.refusals).toEqual([])
  })

  it('a visitor speaks only once the docent gives the floor, by the classroom’s rules', async () => {
    const sdp = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 1 10.0.0.5 5000 typ host\r\n'
    const docent = await openGroup()
    const a = await joinGroup(docent.group?.code ?? '')
    const b = await joinGroup(docent.group?.code ?? '')
    const [aId, bId, dId] = [a.room.sessionId, b.room.sessionId, docent.room.sessionId]
    await waitFor('three named for voice', () => docent.group?.peerIds.length === 3)
    expect(docent.group?.speakers).toEqual([dId])
    // Hands in the order raised; a docent has none to raise, a visitor gives no floor.
    b.room.send('member:hand', { up: true })
    await waitFor('b’s hand', () => docent.group?.hands.length === 1)
    a.room.send('member:hand', { up: true })
    await waitFor('two hands', () => docent.group?.hands.length === 2)
    expect(docent.group?.hands).toEqual([bId, aId])
    expect(a.group?.self).toEqual({ following: true, hand: true, floor: false })
    docent.room.send('member:hand', { up: true })
    a.room.send('docent:floor', { sessionId: aId })
    await waitFor('two refusals', () => docent.refusals.length + a.refusals.length >= 2)
    expect(docent.refusals.map((r) => r.reason)).toEqual(['only the visitors may do this'])
    expect(a.refusals.map((r) => r.reason)).toEqual(['only the docent may do this'])
    // Without the floor a visitor's offer is refused; with it, it reaches the docent and the other visitor.
    const signals: unknown[] = []
    docent.room.onMessage('voice:signal', (m: unknown) => signals.push(m))
    b.room.onMessage('voice:signal', (m: unknown) => signals.push(m))
    a.room.send('voice:signal', { kind: 'offer', to: dId, sdp })
    await waitFor('a refusal', () => a.refusals.length === 2)
    expect(a.refusals[1]?.reason).toBe('you may not speak now (ask for the floor)')
    docent.room.send('docent:floor', { sessionId: aId })
    await waitFor('a holds the floor', () => a.group?.self.floor === true)
    expect(docent.group?.speakers).toEqual([dId, aId])
    expect(docent.group?.hands).toEqual([bId])
    expect(a.group?.self).toEqual({ following: true, hand: false, floor: true })
    a.room.send('voice:signal', { kind: 'offer', to: dId, sdp })
    a.room.send('voice:signal', { kind: 'offer', to: bId, sdp })
    await waitFor('both offers relayed', () => signals.length === 2)
    // The floor to the next hand takes it from a; taken back, only the docent speaks.
    docent.room.send('docent:floor', { sessionId: bId })
    await waitFor('b holds the floor', () => docent.group?.speakers.join() === [dId, bId].join())
    expect(a.group?.self.floor).toBe(false)
    docent.room.send('docent:floor', { sessionId: '' })
    await waitFor('the floor taken back', () => docent.group?.speakers.length === 1)
    expect(docent.group?.hands).toEqual([])
  })

  it('joins with bad options, a second docent or a non-tour scene are refused', async () => {
    const client = new Client(server.url)
    await expect(
      client.create(TOUR_GROUP_ROOM, { scene: 'red-tourism', role: 'visitor', memberToken: token() }),
    ).rejects.toThrow(/only a docent/)
    await expect(
      client.create(TOUR_GROUP_ROOM, { scene: 'classroom', role: 'docent', memberToken: token() }),
    ).rejects.toThrow(/not a tour/)
    await expect(client.create(TOUR_GROUP_ROOM, { scene: 'red-tourism', role: 'docent' })).rejects.toThrow(
      /memberToken/,
    )
    const docent = await openGroup()
    const code = docent.group?.code ?? ''
    await expect(
      client.joinById(code, { scene: 'red-tourism', role: 'docent', memberToken: token() }),
    ).rejects.toThrow(/own docent/)
    await expect(
      client.joinById(code, { scene: 'red-tourism', role: 'visitor', memberToken: 'short' }),
    ).rejects.toThrow(/memberToken/)
  })

  it('ending the group closes it for everyone', async () => {
    const docent = await openGroup()
    const v = await joinGroup(docent.group?.code ?? '')
    let closedWith = 0
    v.room.onLeave((code: number) => {
      closedWith = code
    })
    docent.room.send('docent:end', {})
    await waitFor('the visitor is let go', () => closedWith !== 0)
    expect(closedWith).toBe(4210)
  })
})

describe('a full tour group', () => {
  ownServer()

  it(`holds ${GROUP_MAX_DEVICES} devices and tells the next one the group is full`, async () => {
    const docent = await openGroup()
    const code = docent.group?.code ?? ''
    for (let i = 1; i < GROUP_MAX_DEVICES; i++) await joinGroup(code)
    await waitFor('a full group', () => docent.group?.members === GROUP_MAX_DEVICES)
    await expect(
      new Client(server.url).joinById(code, { scene: 'red-tourism', role: 'visitor', memberToken: token() }),
    ).rejects.toThrow(GROUP_FULL_REASON)
  })
})
