// Room patches become store changes only when something the UI shows changed, and poses, the laser and
// the model go to the live buffers (the controlling member's own model pose is never overwritten).
import { describe, expect, it } from 'vitest'
import { AvatarBuffer } from '../../../../src/kinds/classroom/logic/avatar-buffer'
import {
  copyRoomToLive,
  isRoomStateReady,
  type LiveBuffers,
  type RoomMirror,
  roomPatch,
} from '../../../../src/kinds/classroom/logic/room-sync'
import { member, roomState } from './room-state-fixture'

const empty: RoomMirror = {
  role: 'student',
  code: '',
  slide: 0,
  annotations: [],
  modelId: '',
  modelController: '',
  quizPhase: 'idle',
  quizSessionId: '',
  members: [],
  movementLocked: false,
  followId: '',
  spotlightId: '',
  allMuted: false,
}

function liveBuffers(): LiveBuffers {
  return {
    avatars: new AvatarBuffer(),
    laser: { on: false, u: 0, v: 0 },
    modelPose: new Float32Array([0, 0, 0, 0, 0, 0, 1]),
    modelDragging: false,
  }
}

describe('roomPatch', () => {
  it('fills in the mirror from the first complete state, my role included', () => {
    const state = roomState(
      { me: member({ role: 'teacher', name: 'T', seatId: 'teacher' }), bob: member({ name: 'Bob' }) },
      { slide: 2, quiz: { phase: 'open', quizSessionId: 'q1' }, movementLocked: true },
    )
    const patch = roomPatch(empty, state, 'me')
    expect(patch).toMatchObject({
      role: 'teacher',
      code: 'ABCDE',
      slide: 2,
      quizPhase: 'open',
      quizSessionId: 'q1',
      newQuizSession: true,
      movementLocked: true,
    })
    expect(patch.members?.map((m) => `${m.id}:${m.name}:${m.role}`)).toEqual([
      'me:T:teacher',
      'bob:Bob:student',
    ])
  })

  it('returns nothing when only poses changed, so the store does not change', () => {
    const state = roomState({ me: member() })
    const mirror = { ...empty, ...roomPatch(empty, state, 'me') }
    const moved = roomState({ me: member({ pose: [1, 1.7, 1, 0, 0, 0, 1] }) }, { laserOn: true, laserU: 0.2 })
    expect(roomPatch(mirror, moved, 'me')).toEqual({})
  })

  it('notices a member who answered, left or lost the connection', () => {
    const mirror = {
      ...empty,
      ...roomPatch(empty, roomState({ me: member(), bob: member({ name: 'Bob' }) }), 'me'),
    }
    expect(
      roomPatch(mirror, roomState({ me: member(), bob: member({ name: 'Bob', answered: 1 }) }), 'me')
        .members?.[1].answered,
    ).toBe(1)
    expect(
      roomPatch(mirror, roomState({ me: member(), bob: member({ name: 'Bob', connected: false }) }), 'me')
        .members,
    ).toHaveLength(2)
    expect(roomPatch(mirror, roomState({ me: member() }), 'me').members).toHaveLength(1)
  })

  it('copies strokes only when one was added or the ink was cleared', () => {
    const one = roomState({}, { annotations: [{ points: [0.1, 0.2, 0.3, 0.4] }] })
    const mirror = { ...empty, ...roomPatch(empty, one, 'me') }
    expect(mirror.annotations).toEqual([[0.1, 0.2, 0.3, 0.4]])
    expect(roomPatch(mirror, one, 'me').annotations).toBeUndefined()
    expect(roomPatch(mirror, roomState({}), 'me').annotations).toEqual([])
  })

  it('maps unknown phases and roles to safe defaults', () => {
    const odd = roomState({ me: member({ role: 'admin' }) }, { quiz: { phase: 'weird', quizSessionId: '' } })
    const patch = roomPatch({ ...empty, role: 'teacher', quizPhase: 'open' }, odd, 'me')
    expect(patch.role).toBe('student')
    expect(patch.quizPhase).toBe('idle')
  })
})

describe('copyRoomToLive', () => {
  it('buffers other members’ poses, drops members who left, and follows the laser', () => {
    const live = liveBuffers()
    copyRoomToLive(
      roomState({ me: member(), bob: member() }, { laserOn: true, laserU: 0.3, laserV: 0.7 }),
      'me',
      'student',
      live,
      0,
    )
    expect([...live.avatars.tracks.keys()]).toEqual(['bob'])
    expect(live.laser).toEqual({ on: true, u: 0.3, v: 0.7 })
    copyRoomToLive(roomState({ me: member() }), 'me', 'student', live, 100)
    expect(live.avatars.tracks.size).toBe(0)
  })

  it('follows the server’s model pose unless I control the model or drag it as the teacher', () => {
    const pose = [0.1, 0.2, 0.3, 0, 1, 0, 0]
    const live = liveBuffers()
    copyRoomToLive(
      roomState({}, { model: { modelId: 'm', controller: 'bob', pose } }),
      'me',
      'student',
      live,
      0,
    )
    expect(Array.from(live.modelPose)).toEqual(pose.map(Math.fround))
    const mine = liveBuffers()
    copyRoomToLive(
      roomState({}, { model: { modelId: 'm', controller: 'me', pose } }),
      'me',
      'student',
      mine,
      0,
    )
    expect(Array.from(mine.modelPose)).toEqual([0, 0, 0, 0, 0, 0, 1])
    const dragging = { ...liveBuffers(), modelDragging: true }
    copyRoomToLive(
      roomState({}, { model: { modelId: 'm', controller: '', pose } }),
      'me',
      'teacher',
      dragging,
      0,
    )
    expect(Array.from(dragging.modelPose)).toEqual([0, 0, 0, 0, 0, 0, 1])
  })
})

describe('isRoomStateReady', () => {
  it('waits for the first complete patch', () => {
    expect(isRoomStateReady(undefined)).toBe(false)
    expect(isRoomStateReady({ members: new Map() })).toBe(false)
    expect(isRoomStateReady(roomState({}))).toBe(true)
  })
})
