// Live voice signalling through the classroom room with real SDK clients: the server relays an offer only
// from a member who may speak (the teacher; a student given the floor), only to a member of the same room,
// with the sender's id; refuses malformed, STUN/TURN-bearing or misaddressed signals with a reason; and
// the floor rules (hand, floor, mute, mute all) land in the synchronised state.
import { describe, expect, it } from 'vitest'
import type { ServerEvents } from '../../src/shared/classroom/classroom-messages'
import { VoiceSignalIn } from '../../src/shared/voice/voice-signals'
import { classroomServerForFile, nextMessage, view, waitFor } from './classroom-harness'

const SDP = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host',
  '',
].join('\r\n')

type FloorView = { hand: boolean; floor: boolean; muted: boolean }

const rig = classroomServerForFile('voice-relay-it-')
const enter = async (name: string, role: 'teacher' | 'student', extra: Record<string, unknown> = {}) =>
  (await rig.enter(name, role, extra)).room

describe('voice signalling in the classroom', () => {
  it('relays the teacher’s offer and the answer, and refuses what may not pass', async () => {
    const teacher = await enter('Voice Teacher', 'teacher')
    const student = await enter('Voice Student', 'student')
    await waitFor('both in the room', () => view(student).members.size >= 2)

    const offered = nextMessage<unknown>(student, 'voice:signal')
    teacher.send('voice:signal', { kind: 'offer', to: student.sessionId, sdp: SDP })
    expect(VoiceSignalIn.parse(await offered)).toEqual({ kind: 'offer', from: teacher.sessionId, sdp: SDP })
    const answered = nextMessage<unknown>(teacher, 'voice:signal')
    student.send('voice:signal', { kind: 'answer', to: teacher.sessionId, sdp: SDP })
    expect(await answered).toEqual({ kind: 'answer', from: student.sessionId, sdp: SDP })

    // A student without the floor may not offer; a TURN relay candidate and a stranger are refused too.
    const refusals: ServerEvents['refused'][] = []
    student.onMessage('refused', (m: ServerEvents['refused']) => refusals.push(m))
    teacher.onMessage('refused', (m: ServerEvents['refused']) => refusals.push(m))
    student.send('voice:signal', { kind: 'offer', to: teacher.sessionId, sdp: SDP })
    teacher.send('voice:signal', {
      kind: 'offer',
      to: student.sessionId,
      sdp: SDP.replace('typ host', 'typ relay raddr 0.0.0.0 rport 0'),
    })
    teacher.send('voice:signal', { kind: 'offer', to: 'someoneElse', sdp: SDP })
    teacher.send('voice:signal', { kind: 'offer', to: student.sessionId, sdp: 'm=video 9' })
    await waitFor('four refusals', () => refusals.length >= 4)
    expect(refusals.map((r) => r.reason)).toEqual([
      'you may not speak now (ask for the floor)',
      'malformed: only host candidates (no STUN or TURN on the venue LAN)',
      'no such member in this room',
      'malformed: not an SDP (must start with v=0)',
    ])
  })

  it('hand, floor, mute and mute all: a student given the floor may offer until muted', async () => {
    // The scene's one class (the first test's members are in it too).
    const teacher = await enter('Floor Teacher', 'teacher')
    const student = await enter('Floor Student', 'student')
    await waitFor('both in the room', () => view(teacher).members.has(student.sessionId))
    const me = () => view(teacher).members.get(student.sessionId) as FloorView | undefined
    student.send('voice:hand', { up: true })
    await waitFor('the hand up', () => me()?.hand === true)
    teacher.send('voice:floor', { sessionId: student.sessionId })
    await waitFor('the floor given', () => me()?.floor === true && me()?.hand === false)

    const offered = nextMessage<unknown>(teacher, 'voice:signal')
    student.send('voice:signal', { kind: 'offer', to: teacher.sessionId, sdp: SDP })
    expect(await offered).toMatchObject({ kind: 'offer', from: student.sessionId })

    teacher.send('voice:mute', { sessionId: student.sessionId, muted: true })
    await waitFor('the student muted', () => me()?.muted === true && me()?.floor === false)
    const refused = nextMessage<ServerEvents['refused']>(student, 'refused')
    student.send('voice:signal', { kind: 'offer', to: teacher.sessionId, sdp: SDP })
    expect((await refused).reason).toBe('you may not speak now (ask for the floor)')

    teacher.send('voice:mute-all', { muted: true })
    await waitFor('all muted', () => (view(teacher) as { allMuted?: boolean }).allMuted === true)
    // Only the teacher controls the floor.
    const notAllowed = nextMessage<ServerEvents['refused']>(student, 'refused')
    student.send('voice:mute-all', { muted: false })
    expect(await notAllowed).toEqual({ type: 'voice:mute-all', reason: 'not allowed for your role' })
  })
})
