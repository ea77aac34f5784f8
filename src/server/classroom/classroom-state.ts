// The authoritative, synchronised state of one classroom room (Colyseus schema, delta-encoded to clients).
// It never holds the quiz answer key or anyone's score: those travel only as private messages.
import { ArraySchema, MapSchema, type SchemaType, schema } from '@colyseus/schema'
import { POSE_FLOATS } from '../../shared/classroom/classroom-messages'

export { POSE_FLOATS }

export const MemberState = schema(
  {
    name: 'string',
    role: 'string',
    seatId: 'string',
    connected: 'boolean',
    /** Bit 0: left hand tracked, bit 1: right hand tracked. Desktop members send none. */
    hands: 'uint8',
    pose: { array: 'float32' },
    /** Quiz questions this member answered in the current quiz (progress, not score). */
    answered: 'uint8',
    /** Live voice: a student's hand is up, they hold the floor, the teacher muted them. */
    hand: 'boolean',
    floor: 'boolean',
    muted: 'boolean',
  },
  'MemberState',
)
export type MemberState = SchemaType<typeof MemberState>

export const StrokeState = schema({ points: { array: 'float32' } }, 'StrokeState')
export type StrokeState = SchemaType<typeof StrokeState>

export const LabModelState = schema(
  {
    /** Lab model id from the scene, or "" when the station is empty. */
    modelId: 'string',
    /** Session id of the student allowed to move it; "" means only the teacher. */
    controller: 'string',
    /** Relative to the station: [x, y, z, qx, qy, qz, qw]. */
    pose: { array: 'float32' },
  },
  'LabModelState',
)
export type LabModelState = SchemaType<typeof LabModelState>

export const QuizState = schema(
  {
    /** "idle" before any quiz, "open" while students answer, "closed" after the teacher ends it. */
    phase: 'string',
    quizSessionId: 'string',
  },
  'QuizState',
)
export type QuizState = SchemaType<typeof QuizState>

export const ClassroomState = schema(
  {
    scene: 'string',
    code: 'string',
    members: { map: MemberState },
    slide: 'uint16',
    laserOn: 'boolean',
    laserU: 'float32',
    laserV: 'float32',
    annotations: { array: StrokeState },
    model: LabModelState,
    quiz: QuizState,
    movementLocked: 'boolean',
    /** Session id of the teacher everyone follows, or "". */
    followId: 'string',
    /** Session id of the spotlit member, or "". */
    spotlightId: 'string',
    /** The teacher muted every student's voice. */
    allMuted: 'boolean',
  },
  'ClassroomState',
)
export type ClassroomState = SchemaType<typeof ClassroomState>

export function createClassroomState(scene: string, code: string): ClassroomState {
  const state = new ClassroomState()
  state.scene = scene
  state.code = code
  state.members = new MapSchema()
  state.annotations = new ArraySchema()
  state.model = new LabModelState()
  state.model.modelId = ''
  state.model.controller = ''
  state.model.pose = new ArraySchema(0, 0, 0, 0, 0, 0, 1)
  state.quiz = new QuizState()
  state.quiz.phase = 'idle'
  state.quiz.quizSessionId = ''
  // Every field gets a value: unset schema fields are never sent, and clients would read undefined.
  state.slide = 0
  state.laserOn = false
  state.laserU = 0.5
  state.laserV = 0.5
  state.movementLocked = false
  state.followId = ''
  state.spotlightId = ''
  state.allMuted = false
  return state
}

export function createMember(name: string, role: string, seatId: string): MemberState {
  const member = new MemberState()
  member.name = name
  member.role = role
  member.seatId = seatId
  member.connected = true
  member.hands = 0
  member.pose = new ArraySchema(...new Array<number>(POSE_FLOATS).fill(0))
  member.answered = 0
  member.hand = false
  member.floor = false
  member.muted = false
  return member
}
