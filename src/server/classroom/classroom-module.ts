// Server module for multi-user classrooms: the classroom room type on the process's shared Colyseus host
// (colyseus/colyseus-host.ts: matchmaking, sockets, Redis), restoring live classes after a restart, solo
// grading and the quiz results CSV export.
import { matchMaker } from '@colyseus/core'
import { Encoder } from '@colyseus/schema'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  describeIssue,
  type GradeResponse,
  GradeRoute,
  ResultsCsvRoute,
  type SessionsResponse,
  SessionsRoute,
  TEACHER_CODE_HEADER,
} from '../../shared/classroom/http-contracts'
import { gradeAnswer } from '../../shared/classroom/quiz-grader'
import { voiceConfigFor } from '../../shared/voice/voice-signals'
import { joinColyseusHost } from '../colyseus/colyseus-host'
import type { ServerContext, ServerModule } from '../module'
import { CodeGuard } from '../security/code-guard'
import { redactClassroomAnswers } from './answer-key'
import { type ClassRecord, ClassRecords } from './class-records'
import { CLASSROOM_ROOM, createClassroomRoom } from './classroom-room'
import { ClassroomScenes } from './classroom-scenes'
import { LIVE_QUIZ_REFUSAL, LiveQuizzes } from './live-quizzes'
import { QuizResultsStore } from './quiz-results-store'

export async function createClassroomModule(ctx: ServerContext): Promise<ServerModule> {
  // A full room (60 members × 21 pose floats, names, annotations) encodes to more than the 8 KiB default.
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 64 * 1024)
  const { config, log } = ctx
  const results = new QuizResultsStore(ctx.db, (fault) =>
    log.error(
      fault,
      'classroom: quiz results not saved (disk full or read-only); the class goes on in memory',
    ),
  )
  const records = new ClassRecords(ctx.db, (fault) =>
    log.error(
      fault,
      'classroom: class state not saved (disk full or read-only); it may not survive a restart',
    ),
  )
  /** Classes being restored at start, by code; only the module fills this, so no client can ask for one. */
  const restores = new Map<string, ClassRecord>()
  let shuttingDown = false
  const scenes = new ClassroomScenes(ctx.scenes)
  const colyseus = joinColyseusHost(ctx)
  // One guard for every place the teacher code is checked (HTTP routes and room joins): guesses through
  // either count against the same address and the same global budget.
  const teacherGuard = new CodeGuard('teacher code', config.teacherCode)
  const liveQuizzes = new LiveQuizzes()
  matchMaker
    .defineRoomType(
      CLASSROOM_ROOM,
      createClassroomRoom({
        scenes,
        results,
        teacherGuard,
        liveQuizzes,
        log,
        records,
        takeRestore(code) {
          const record = restores.get(code)
          restores.delete(code)
          return record
        },
        shuttingDown: () => shuttingDown,
        // Tests shorten the wait of a restored class for its first member (default 10 minutes).
        restoreGraceMs: Number(process.env.CLASSROOM_RESTORE_GRACE_MS) || undefined,
        voice: voiceConfigFor(config.voiceSfuUrl),
      }),
    )
    .filterBy(['scene'])

  /** Checks the teacher code header; on failure answers 403 or 429 (with Retry-After) and returns false. */
  const requireTeacher = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const check = teacherGuard.check(req.ip, req.headers[TEACHER_CODE_HEADER])
    if (check.ok) return true
    if (check.status === 429) {
      reply.header('retry-after', String(check.retryAfterSeconds))
      log.warn({ ip: req.ip }, 'classroom: teacher code locked out after wrong tries')
    }
    reply.code(check.status).send({ error: check.reason })
    return false
  }

  ctx.sceneRedactors.push(redactClassroomAnswers)

  /**
   * Re-opens every class that was live when the server last stopped (crash or shutdown), under its own
   * code, before clients come back; they rejoin with their member tokens (room-connection.ts). A class
   * ended while the server ran, or unchanged for CLASS_RESTORE_HOURS, stays closed.
   */
  async function restoreClasses(): Promise<number> {
    const expired = records.endExpired()
    if (expired > 0) log.info({ expired }, 'classroom: idle classes not restored')
    let restored = 0
    for (const record of records.restorable()) {
      // With Redis, another process may host this class already.
      if ((await matchMaker.query({ roomId: record.code })).length > 0) continue
      restores.set(record.code, record)
      try {
        await matchMaker.createRoom(CLASSROOM_ROOM, { scene: record.scene, restore: record.code })
        restored++
      } catch (error) {
        restores.delete(record.code)
        records.end(record.code)
        log.warn({ room: record.code, err: (error as Error).message }, 'classroom: class not restored')
      }
    }
    return restored
  }

  return {
    name: 'classroom',
    async register(app: FastifyInstance) {
      // A solo visitor's answer, graded here because the browser never holds the key. Nothing is stored.
      app.post(GradeRoute.path, async (req, reply) => {
        const body = GradeRoute.body.safeParse(req.body)
        if (!body.success) return reply.code(400).send({ error: describeIssue(body.error) })
        const scene = scenes.load(body.data.scene)
        if (!scene.ok) return reply.code(404).send({ error: scene.reason })
        if (liveQuizzes.isLive(body.data.scene)) return reply.code(409).send({ error: LIVE_QUIZ_REFUSAL })
        const result = gradeAnswer(scene.content.quiz, body.data.questionId, body.data.choiceIds)
        if (!result.ok) return reply.code(400).send({ error: result.reason })
        const question = scene.content.quiz.questions.find((q) => q.id === body.data.questionId)
        const response: GradeResponse = { graded: result.graded, explanation: question?.explanation }
        return response
      })

      await colyseus.register(app)

      app.get(SessionsRoute.path, async (req, reply) => {
        const query = SessionsRoute.query.safeParse(req.query)
        if (!query.success) return reply.code(400).send({ error: describeIssue(query.error) })
        if (!requireTeacher(req, reply)) return reply
        const response: SessionsResponse = { sessions: results.sessions() }
        return response
      })
      app.get(ResultsCsvRoute.path, async (req, reply) => {
        const query = ResultsCsvRoute.query.safeParse(req.query)
        if (!query.success) return reply.code(400).send({ error: describeIssue(query.error) })
        if (!requireTeacher(req, reply)) return reply
        const params = ResultsCsvRoute.params.safeParse(req.params)
        if (!params.success) return reply.code(400).send({ error: describeIssue(params.error) })
        const { id } = params.data
        if (!results.sessions().some((s) => s.id === id))
          return reply.code(404).send({ error: 'no such quiz session' })
        reply.header('content-type', 'text/csv; charset=utf-8')
        reply.header('content-disposition', `attachment; filename="classroom-${id}.csv"`)
        return results.csv(id)
      })
    },

    handleUpgrade: colyseus.handleUpgrade,

    async start() {
      await colyseus.start()
      const restored = await restoreClasses()
      log.info({ restored }, 'classroom: rooms ready')
    },

    async close() {
      // Rooms closed by a shutdown are not ended: they come back on the next start.
      shuttingDown = true
      await colyseus.close()
    },
  }
}
