// The classroom's HTTP endpoints as zod contracts: the server validates every request with them (400 with
// the first problem in words), the browser parses every response with them, so neither side casts.
// (Colyseus's own /matchmake/* routes are its protocol, not ours, and are not described here.)
import { z } from 'zod'
import { LocalizedText } from '../../schema/common'
import { ID_PATTERN } from '../scene-id'

const SceneIdParam = z.string().regex(ID_PATTERN, 'scene must be a scene id (a-z, 0-9, -)')
const Id = z.string().min(1).max(64)

/** Every error response of these routes. */
export const ErrorResponse = z.object({ error: z.string() })
export type ErrorResponse = z.infer<typeof ErrorResponse>

/** What the grader returns for one answer; the same shape as quiz-grader's GradedAnswer. */
export const GradedAnswerSchema = z.object({
  questionId: z.string(),
  choiceIds: z.array(z.string()),
  correct: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  correctChoiceIds: z.array(z.string()),
})

/** POST /api/classroom/grade: one answer of a solo visitor, graded here because the browser has no key. */
export const GradeRoute = {
  method: 'POST',
  path: '/api/classroom/grade',
  body: z
    .object({
      scene: SceneIdParam,
      questionId: Id,
      choiceIds: z.array(Id).min(1).max(6),
    })
    .strict(),
  response: z.object({ graded: GradedAnswerSchema, explanation: LocalizedText.optional() }),
} as const
export type GradeRequest = z.infer<typeof GradeRoute.body>
export type GradeResponse = z.infer<typeof GradeRoute.response>

/** The header that carries the teacher code of the sessions routes. */
export const TEACHER_CODE_HEADER = 'x-teacher-code'

/**
 * The sessions routes take no query: the teacher code travels only in the `x-teacher-code` header, so it
 * never lands in a request log, a proxy log or the browser history. A code in the URL is refused.
 */
export const TeacherQuery = z.strictObject(
  {},
  { error: () => 'the teacher code goes in the x-teacher-code header, never in the URL' },
)

/** GET /api/classroom/sessions: every stored quiz session, newest first (teacher only). */
export const SessionsRoute = {
  method: 'GET',
  path: '/api/classroom/sessions',
  query: TeacherQuery,
  response: z.object({
    sessions: z.array(
      z.object({
        id: z.string(),
        roomCode: z.string(),
        scene: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        answers: z.number().int().min(0),
      }),
    ),
  }),
} as const
export type SessionsResponse = z.infer<typeof SessionsRoute.response>
export type QuizSessionRow = SessionsResponse['sessions'][number]

/** The header line of the results CSV. */
export const CSV_HEADER = 'quiz_session,member_id,name,question,choices,correct,points,max_points'

/** GET /api/classroom/sessions/:id/results.csv: one session's answers as CSV (teacher only). */
export const ResultsCsvRoute = {
  method: 'GET',
  path: '/api/classroom/sessions/:id/results.csv',
  params: z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'id must be a quiz session id') }),
  query: TeacherQuery,
  /** A text/csv body; its first line is this header (after a UTF-8 BOM). */
  response: z.string().refine((text) => text.replace(/^\uFEFF/, '').startsWith(CSV_HEADER), {
    message: 'not a quiz results CSV',
  }),
} as const

/** The first problem of a failed parse, as "path: message", for a 400 body or a client error. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid'
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}
