// Every client→server message of a classroom room, as zod schemas. The server parses each message with these
// and drops what does not fit; the client's room service is typed from the same table.
import { z } from 'zod'
import { VoiceSignalOut } from '../voice/voice-signals'
import type { ClassroomAction } from './classroom-roles'
import { NAME_MAX_LENGTH, normalizeMemberName } from './student-name'

const Coord = z.number().min(-100).max(100)
const Unit = z.number().min(0).max(1)
const Id = z.string().min(1).max(64)
/** Floats per avatar pose in the room state: head, left hand, right hand, each [x, y, z, qx, qy, qz, qw]. */
export const POSE_FLOATS = 21

/** Position then rotation quaternion: [x, y, z, qx, qy, qz, qw]. */
export const PoseTuple = z.tuple([
  Coord,
  Coord,
  Coord,
  z.number().min(-1.01).max(1.01),
  z.number().min(-1.01).max(1.01),
  z.number().min(-1.01).max(1.01),
  z.number().min(-1.01).max(1.01),
])
export type PoseTuple = z.infer<typeof PoseTuple>

/** Close code sent to a kicked member; the client shows "removed by the teacher" and does not reconnect. */
export const KICKED_CLOSE_CODE = 4003
/**
 * Close code sent to everyone when the teacher ends the class: clients do not rejoin, and the class is not
 * restored after a restart.
 */
export const CLASS_ENDED_CLOSE_CODE = 4004
/** Why a removed member's join (or rejoin) is refused; the client reads it as "kicked", not as an error. */
export const KICKED_REASON = 'you were removed from this class by the teacher'

/** What a client passes when it joins (joinOrCreate / joinById); the server's onAuth parses it. */
export const JoinOptions = z.object({
  scene: z.string().min(1).max(64),
  // Control, bidi and zero-width characters would break or disguise name tags and CSV rows.
  name: z.string().max(256).transform(normalizeMemberName).pipe(z.string().min(1).max(NAME_MAX_LENGTH)),
  role: z.enum(['teacher', 'student']).default('student'),
  teacherCode: z.string().max(64).optional(),
  /**
   * A random id this browser keeps (localStorage) and sends on every join: the member's identity across
   * reconnects and page reloads, for one attempt per quiz and a kick that holds. Never shown or stored as is.
   */
  memberToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'memberToken must be 16–64 letters, digits, - or _')
    .optional(),
})
export type JoinOptions = z.input<typeof JoinOptions>

export const ClassroomMessages = {
  /** Avatar pose at 10–20 Hz: head always; hands/controllers when tracked (desktop users send head only). */
  pose: z.object({ head: PoseTuple, left: PoseTuple.optional(), right: PoseTuple.optional() }).strict(),
  'slide:set': z.object({ index: z.number().int().min(0).max(999) }).strict(),
  /** Laser spot on the slide in screen UV (0..1, origin bottom-left); `on: false` hides it. */
  laser: z.object({ on: z.boolean(), u: Unit, v: Unit }).strict(),
  /** One annotation stroke as flat UV pairs [u0, v0, u1, v1, …]. */
  'annotation:add': z
    .object({ points: z.array(Unit).min(4).max(256) })
    .strict()
    .refine((m) => m.points.length % 2 === 0, 'points come in u,v pairs'),
  'annotation:clear': z.object({}).strict(),
  'model:place': z.object({ modelId: Id }).strict(),
  'model:clear': z.object({}).strict(),
  /** Hands control of the lab model to a member's session id, or back to the teacher with "". */
  'model:grant': z.object({ sessionId: z.string().max(64) }).strict(),
  /** Model pose relative to the station: position (metres) and rotation quaternion. */
  'model:pose': z.object({ pose: PoseTuple }).strict(),
  'quiz:start': z.object({}).strict(),
  'quiz:end': z.object({}).strict(),
  'quiz:answer': z.object({ questionId: Id, choiceIds: z.array(Id).min(1).max(6) }).strict(),
  'teacher:summon': z.object({}).strict(),
  'teacher:follow': z.object({ on: z.boolean() }).strict(),
  'teacher:lock': z.object({ locked: z.boolean() }).strict(),
  'teacher:spotlight': z.object({ sessionId: z.string().max(64) }).strict(),
  'teacher:kick': z.object({ sessionId: Id }).strict(),
  /** The teacher ends the class for everyone: the room closes and is never restored. */
  'class:end': z.object({}).strict(),
  /** Live voice: an offer, answer or bye for one member of this room, relayed by the server. */
  'voice:signal': VoiceSignalOut,
  /** A student raises (or lowers) a hand to ask for the floor. */
  'voice:hand': z.object({ up: z.boolean() }).strict(),
  /** The teacher gives the floor to a student's session id, or takes it back with "". */
  'voice:floor': z.object({ sessionId: z.string().max(64) }).strict(),
  /** The teacher mutes or unmutes one student. */
  'voice:mute': z.object({ sessionId: Id, muted: z.boolean() }).strict(),
  /** The teacher mutes (or unmutes) every student at once. */
  'voice:mute-all': z.object({ muted: z.boolean() }).strict(),
} as const satisfies Record<ClassroomAction, z.ZodType>

export type ClassroomMessageType = keyof typeof ClassroomMessages
export type ClassroomMessage<T extends ClassroomMessageType> = z.infer<(typeof ClassroomMessages)[T]>

export function isClassroomMessageType(type: unknown): type is ClassroomMessageType {
  return typeof type === 'string' && Object.hasOwn(ClassroomMessages, type)
}

/** Server→client messages (sent to one client, not part of the shared state). */
export interface ServerEvents {
  /** Your answer was graded. */
  'quiz:graded': {
    questionId: string
    correct: boolean
    points: number
    maxPoints: number
    correctChoiceIds: string[]
    score: number
    maxScore: number
  }
  /** Live results for teachers: one row per student who answered. */
  /** `unsaved`: answers the server could not write to disk (full or read-only); they count, but only in memory. */
  'quiz:results': { quizSessionId: string; rows: QuizResultRow[]; maxScore: number; unsaved: number }
  /** Teacher summoned everyone or is leading: move to this point. */
  teleport: { position: [number, number, number]; yaw: number }
  /** A message was refused (role, validation or rate); shown as a toast, never fatal. */
  refused: { type: string; reason: string }
  kicked: { reason: string }
  /** Live voice: a signal from another member (parsed with VoiceSignalIn). */
  'voice:signal': unknown
  /** How voice travels in this room (parsed with VoiceConfig). */
  'voice:config': unknown
}

export interface QuizResultRow {
  memberId: string
  name: string
  score: number
  answered: number
  correct: number
}
