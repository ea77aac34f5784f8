// A room state as the Colyseus schema delivers it, built from plain Maps and arrays for the unit tests.
import type { RoomMemberView, RoomStateView } from '../../../../src/kinds/classroom/logic/room-sync'

export function member(overrides: Partial<RoomMemberView> = {}): RoomMemberView {
  return {
    name: 'Alice',
    role: 'student',
    seatId: 'seat-1',
    connected: true,
    hands: 0,
    answered: 0,
    hand: false,
    floor: false,
    muted: false,
    pose: [0, 1.6, 0, 0, 0, 0, 1, ...new Array(14).fill(0)],
    ...overrides,
  }
}

export function roomState(
  members: Record<string, RoomMemberView>,
  overrides: Partial<Omit<RoomStateView, 'members'>> = {},
): RoomStateView {
  return {
    code: 'ABCDE',
    slide: 0,
    laserOn: false,
    laserU: 0.5,
    laserV: 0.5,
    members: new Map(Object.entries(members)),
    annotations: [],
    model: { modelId: '', controller: '', pose: [0, 0, 0, 0, 0, 0, 1] },
    quiz: { phase: 'idle', quizSessionId: '' },
    movementLocked: false,
    followId: '',
    spotlightId: '',
    allMuted: false,
    ...overrides,
  }
}
