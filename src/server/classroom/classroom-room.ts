// One classroom: members with roles and seats, slides, laser and annotations, the lab model, teacher
// controls and the quiz. Every message goes through one gate: known type → rate limit → zod → role.
// Over 300 lines on purpose: one Colyseus Room class whose handlers share the room's private state.
import { createHash } from 'node:crypto'
import { type AuthContext, type Client, matchMaker, Room, ServerError } from '@colyseus/core'
import { ArraySchema } from '@colyseus/schema'
import type { FastifyBaseLogger } from 'fastify'
import type { ClassroomContent } from '../../schema/kinds/classroom'
import {
  CLASS_ENDED_CLOSE_CODE,
  type ClassroomMessage,
  ClassroomMessages,
  type ClassroomMessageType,
  isClassroomMessageType,
  JoinOptions,
  KICKED_CLOSE_CODE,
  KICKED_REASON,
  type QuizResultRow,
  type ServerEvents,
} from '../../shared/classroom/classroom-messages'
import { type ClassroomRole, mayPerform } from '../../shared/classroom/classroom-roles'
import { type GradedAnswer, gradeAnswer, maxScore, summarize } from '../../shared/classroom/quiz-grader'
import { impersonatesTeacher, nameKey } from '../../shared/classroom/student-name'
import { gatherSlot } from '../../shared/groups/follow-leader'
import { randomRoomCode } from '../../shared/groups/room-code'
import { type FloorMember, giveFloor, maySpeak, muteOne, raiseHand } from '../../shared/voice/voice-floor'
import {
  relayRefusal,
  VOICE_CONFIG,
  VOICE_SIGNAL,
  VOICE_SIGNAL_RATE,
  type VoiceConfig,
  type VoiceSignalIn,
} from '../../shared/voice/voice-signals'
import type { CodeGuard } from '../security/code-guard'
import { RateLimiter } from '../security/rate-limiter'
import type { ClassRecord, ClassRecords } from './class-records'
import type { ClassroomScenes } from './classroom-scenes'
import {
  type ClassroomState,
  createClassroomState,
  createMember,
  type MemberState,
  StrokeState,
} from './classroom-state'
import type { LiveQuizzes } from './live-quizzes'
import type { QuizResultsStore } from './quiz-results-store'

export const CLASSROOM_ROOM = 'classroom'
const MAX_ANNOTATION_STROKES = 24
const TEACHER_TOKEN_REFUSAL = 'this browser has not taught this class: please enter the teacher code'
/**
 * How long a class restored after a restart waits for its first member. Nobody back by then: the class
 * closes and counts as ended (clients give up rejoining after 3 minutes; see room-connection.ts).
 */
export const RESTORE_GRACE_MS = 10 * 60_000

export interface ClassroomRoomDeps {
  scenes: ClassroomScenes
  results: QuizResultsStore
  teacherGuard: CodeGuard
  liveQuizzes: LiveQuizzes
  log: FastifyBaseLogger
  /** The persisted classes: written as the class changes, read back after a restart. */
  records: ClassRecords
  /** The record of a class the module is restoring under `code` (once; undefined for anything else). */
  takeRestore(code: string): ClassRecord | undefined
  /** True once the server is shutting down: rooms closing then are not ended, they come back on start. */
  shuttingDown(): boolean
  /** How long a restored class waits for its first member; default RESTORE_GRACE_MS. */
  restoreGraceMs?: number
  /** How live voice travels (sent to each member on join); default peer to peer ('mesh'). */
  voice?: VoiceConfig
}

interface MemberAuth {
  name: string
  role: ClassroomRole
  /**
   * Who this member is across reconnects: a hash of the browser's memberToken (the token itself is never
   * kept or written), or the session id for a client that sends none.
   */
  memberKey?: string
  /**
   * A teacher who sent no code but a memberToken: admitted only if that token joined this class as its
   * teacher before (checked in the room, which knows its members; onAuth does not know the room).
   */
  teacherByToken?: boolean
}

/** The member's key: stable for a memberToken, else the session id. */
function memberKeyOf(client: Client): string {
  return (client.auth as MemberAuth | undefined)?.memberKey ?? client.sessionId
}

const RATE_RULES = {
  pose: { perSecond: 25, burst: 30 },
  'model:pose': { perSecond: 30, burst: 30 },
  laser: { perSecond: 30, burst: 30 },
  'annotation:add': { perSecond: 8, burst: 8 },
  'quiz:answer': { perSecond: 4, burst: 8 },
  'voice:signal': VOICE_SIGNAL_RATE,
  'voice:hand': { perSecond: 1, burst: 3 },
}

/** Builds the room class with its server dependencies bound (Colyseus instantiates rooms itself). */
export function createClassroomRoom(deps: ClassroomRoomDeps) {
  return class ClassroomRoom extends Room<{ state: ClassroomState }> {
    private content!: ClassroomContent
    private readonly limiter = new RateLimiter(RATE_RULES, { perSecond: 5, burst: 10 })
    /** quizSessionId's graded answers per member key, for live results without a database read per answer. */
    private readonly graded = new Map<string, GradedAnswer[]>()
    /** Each member key's latest name, for results rows after a member left. */
    private readonly names = new Map<string, string>()
    private readonly kicked = new Set<string>()
    /** Member key per session id, also for members whose client dropped. */
    private readonly memberKeys = new Map<string, string>()
    /** Member keys and name keys the teacher removed: refused until the room closes. */
    private readonly kickedKeys = new Set<string>()
    private readonly kickedNames = new Set<string>()
    /** Member keys that joined this class as its teacher: they may rejoin as teacher by token alone. */
    private readonly teacherKeys = new Set<string>()
    /** Each student's seat by member key, so a returning student sits where they sat. */
    private readonly seatByKey = new Map<string, string>()
    private restoreTimer?: { clear(): void }
    /** Answers of the current quiz session that could not be written to disk. */
    private unsavedAnswers = 0
    private lastWarn = 0
    private droppedSinceWarn = 0

    static async onAuth(_token: string, options: unknown, context: AuthContext): Promise<MemberAuth> {
      const parsed = JoinOptions.safeParse(options)
      if (!parsed.success)
        throw new ServerError(400, 'invalid join options: scene, name and role are required')
      const scene = deps.scenes.load(parsed.data.scene)
      if (!scene.ok) throw new ServerError(404, scene.reason)
      if (parsed.data.role === 'student' && impersonatesTeacher(parsed.data.name))
        throw new ServerError(
          400,
          'a student name cannot contain 老师 or "teacher": please choose another name',
        )
      const token = parsed.data.memberToken
      const memberKey = token
        ? `m-${createHash('sha256').update(token).digest('base64url').slice(0, 16)}`
        : undefined
      // A teacher coming back (reload, restart) with the token they first joined with needs no code.
      const teacherByToken = parsed.data.role === 'teacher' && !parsed.data.teacherCode && Boolean(memberKey)
      if (parsed.data.role === 'teacher' && !teacherByToken) {
        // The matchmake route sets the address from the socket (classroom-module.ts).
        const check = deps.teacherGuard.check(String(context.ip ?? 'unknown'), parsed.data.teacherCode)
        if (!check.ok) throw new ServerError(check.status, check.reason)
      }
      return { name: parsed.data.name, role: parsed.data.role, memberKey, teacherByToken }
    }

    async onCreate(options: unknown) {
      const restoreCode = (options as { restore?: unknown } | undefined)?.restore
      const record = typeof restoreCode === 'string' ? deps.takeRestore(restoreCode) : undefined
      if (record) return this.restore(record)
      const parsed = JoinOptions.safeParse(options)
      const scene = deps.scenes.load(parsed.success ? parsed.data.scene : undefined)
      if (!parsed.success || !scene.ok) throw new ServerError(404, 'cannot create a classroom for this scene')
      // A token lets a teacher back into their own class only; opening a new one takes the code.
      if (parsed.data.role === 'teacher' && !parsed.data.teacherCode)
        throw new ServerError(403, TEACHER_TOKEN_REFUSAL)
      this.content = scene.content
      this.roomId = await this.uniqueCode()
      // A student's joinOrCreate lands here only when the scene's classes are full (or absent): a second,
      // teacherless room would split the class, so a student may open only a scene's first room. Teachers
      // may open more classes of one scene (their code is checked on join; /matchmake is rate-limited).
      if (parsed.data.role !== 'teacher') {
        const existing = await matchMaker.query({ name: CLASSROOM_ROOM, scene: parsed.data.scene } as never)
        if (existing.length > 0) throw new ServerError(409, this.fullMessage())
      }
      // maxMembers counts the teacher; one spare place lets a reloading member in before the old seat expires.
      this.maxClients = this.content.settings.maxMembers + 1
      // A hard ceiling above every per-type budget: only a flooding client is disconnected by Colyseus itself.
      this.maxMessagesPerSecond = 150
      this.setState(createClassroomState(parsed.data.scene, this.roomId))
      await this.setMetadata({ scene: parsed.data.scene, code: this.roomId })
      this.onMessage('*', (client, type, message) => this.dispatch(client, type, message))
      deps.records.create(this.roomId, parsed.data.scene)
    }

    /**
     * Brings back a class the server was running when it stopped: same code, slide, lock, lab model and quiz
     * session (its answers re-read from the results table), members known by their token hash with their
     * role, name and seat, and the kicked list. Members themselves rejoin (new session ids).
     */
    private async restore(record: ClassRecord) {
      const scene = deps.scenes.load(record.scene)
      if (!scene.ok) throw new ServerError(404, `cannot restore class ${record.code}: ${scene.reason}`)
      this.content = scene.content
      this.roomId = record.code
      this.maxClients = this.content.settings.maxMembers + 1
      this.maxMessagesPerSecond = 150
      const state = createClassroomState(record.scene, record.code)
      state.slide = Math.min(record.slide, Math.max(0, this.content.slides.length - 1))
      state.movementLocked = record.movementLocked
      if (this.content.labModels.some((m) => m.id === record.modelId)) state.model.modelId = record.modelId
      state.quiz.phase = record.quizSessionId ? record.quizPhase : 'idle'
      state.quiz.quizSessionId = record.quizSessionId
      for (const m of record.members) {
        this.names.set(m.key, m.name)
        if (m.role === 'teacher') this.teacherKeys.add(m.key)
        else if (m.seatId) this.seatByKey.set(m.key, m.seatId)
      }
      for (const key of record.kickedKeys) this.kickedKeys.add(key)
      for (const name of record.kickedNames) this.kickedNames.add(name)
      if (record.quizSessionId) {
        for (const a of deps.results.answers(record.quizSessionId)) {
          const result = gradeAnswer(this.content.quiz, a.questionId, a.choiceIds)
          if (!result.ok) continue
          const mine = this.graded.get(a.memberId) ?? []
          mine.push(result.graded)
          this.graded.set(a.memberId, mine)
          if (!this.names.has(a.memberId)) this.names.set(a.memberId, a.memberName)
        }
        if (state.quiz.phase === 'open') deps.liveQuizzes.open(record.code, record.scene)
      }
      this.setState(state)
      await this.setMetadata({ scene: record.scene, code: record.code })
      this.onMessage('*', (client, type, message) => this.dispatch(client, type, message))
      // An empty restored room stays open for its members to come back, but not for ever.
      this.autoDispose = false
      this.restoreTimer = this.clock.setTimeout(() => {
        if (this.clients.length === 0) this.disconnect().catch(() => undefined)
        else this.autoDispose = true
      }, deps.restoreGraceMs ?? RESTORE_GRACE_MS)
      deps.log.info(
        { room: record.code, slide: state.slide, quiz: state.quiz.phase, members: record.members.length },
        'classroom: class restored after a restart',
      )
    }

    onUncaughtException(error: Error, methodName: string) {
      // A join or create refused on purpose (kicked, full, name taken) is no error of the server.
      const cause = (error as { cause?: unknown }).cause
      if (cause instanceof ServerError && cause.code < 500) {
        deps.log.info({ room: this.roomId, methodName, reason: cause.message }, 'classroom: refused')
        return
      }
      deps.log.error(
        { err: error, room: this.roomId, methodName },
        'classroom: handler error (room keeps running)',
      )
    }

    onJoin(client: Client, _options: unknown, auth: MemberAuth) {
      this.admit(client, auth)
      const key = memberKeyOf(client)
      const seatId = auth.role === 'teacher' ? 'teacher' : this.seatFor(key)
      this.state.members.set(client.sessionId, createMember(auth.name, auth.role, seatId))
      if (auth.role === 'teacher') this.teacherKeys.add(key)
      else this.seatByKey.set(key, seatId)
      deps.records.member(this.roomId, { key, role: auth.role, name: auth.name, seatId })
      if (this.restoreTimer) {
        // A member is back: the restored class is an ordinary one again.
        this.restoreTimer.clear()
        this.restoreTimer = undefined
        this.autoDispose = true
      }
      if (auth.role === 'teacher') this.sendResultsTo(client)
      else this.restoreProgress(client)
      client.send(VOICE_CONFIG, deps.voice ?? { mode: 'mesh' })
      deps.log.info({ room: this.roomId, name: auth.name, role: auth.role, seatId }, 'classroom: joined')
    }

    /** Refuses a join (the client sees the reason) for a removed member, a taken name or a full class. */
    private admit(client: Client, auth: MemberAuth) {
      const key = auth.memberKey
      const name = nameKey(auth.name)
      if ((key && this.kickedKeys.has(key)) || this.kickedNames.has(name))
        throw new ServerError(403, KICKED_REASON)
      if (auth.teacherByToken && !(key && this.teacherKeys.has(key)))
        throw new ServerError(403, TEACHER_TOKEN_REFUSAL)
      let students = 0
      for (const [sessionId, member] of this.state.members) {
        const other = this.clients.getById(sessionId)
        const otherKey = (other?.auth as MemberAuth | undefined)?.memberKey ?? this.memberKeys.get(sessionId)
        if (key && otherKey === key && member.role === auth.role) {
          // The same browser again (a reload while its old seat waits): the new connection replaces it.
          // (A teacher previewing as a student in another tab of the same browser keeps both.)
          this.state.members.delete(sessionId)
          other?.leave()
          continue
        }
        if (nameKey(member.name) === name)
          throw new ServerError(
            409,
            'someone in this class already uses this name: please add a letter or your surname',
          )
        if (member.role === 'student') students++
      }
      if (auth.role === 'student' && students >= this.content.settings.maxMembers - 1)
        throw new ServerError(409, this.fullMessage())
      this.memberKeys.set(client.sessionId, memberKeyOf(client))
      this.names.set(memberKeyOf(client), auth.name)
    }

    /** The seat this member had (if still free), else the first free one. */
    private seatFor(key: string): string {
      const kept = this.seatByKey.get(key)
      if (kept) {
        let taken = false
        this.state.members.forEach((m) => {
          if (m.seatId === kept) taken = true
        })
        if (!taken) return kept
      }
      return this.freeSeat()
    }

    private fullMessage(): string {
      return `this class is full (${this.content?.settings.maxMembers ?? 'all'} places): please ask the teacher`
    }

    /** A returning student (same memberToken) gets back their answered count and score. */
    private restoreProgress(client: Client) {
      const mine = this.graded.get(memberKeyOf(client))
      const member = this.state.members.get(client.sessionId)
      if (!mine || !member) return
      member.answered = mine.length
      this.sendOwnScore(client)
    }

    async onDrop(client: Client) {
      const member = this.state.members.get(client.sessionId)
      if (!member || this.kicked.has(client.sessionId)) return
      member.connected = false
      // Same session id on return, so the member keeps its seat, role, model control and quiz progress.
      // Rejected when the seat expires or the room is shutting down; onLeave then removes the member.
      this.allowReconnection(client, this.content.settings.reconnectSeconds).catch(() => undefined)
    }

    onReconnect(client: Client) {
      const member = this.state.members.get(client.sessionId)
      if (member) member.connected = true
      if (member?.role === 'teacher') this.sendResultsTo(client)
      const auth = client.auth as MemberAuth
      if (auth.role === 'student') this.sendOwnScore(client)
    }

    onDispose() {
      deps.liveQuizzes.close(this.roomId)
      // Closed while the server runs (everyone left, or nobody came back to a restored class): the class
      // is over. Closed by a shutdown: it comes back on the next start.
      if (!deps.shuttingDown()) deps.records.end(this.roomId)
    }

    onLeave(client: Client) {
      const id = client.sessionId
      this.state.members.delete(id)
      this.limiter.forget(id)
      this.kicked.delete(id)
      this.memberKeys.delete(id)
      if (this.state.model.controller === id) this.state.model.controller = ''
      if (this.state.spotlightId === id) this.state.spotlightId = ''
      if (this.state.followId === id) this.state.followId = ''
    }

    // ---- the message gate -------------------------------------------------------------------------

    private dispatch(client: Client, type: unknown, raw: unknown) {
      if (!isClassroomMessageType(type))
        return this.drop(client, String(type).slice(0, 40), 'unknown message type')
      if (!this.limiter.take(client.sessionId, type)) return this.drop(client, type, 'rate limited', false)
      const parsed = ClassroomMessages[type].safeParse(raw)
      if (!parsed.success)
        return this.drop(client, type, `malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
      const member = this.state.members.get(client.sessionId)
      if (!member) return
      const actor = {
        role: member.role as ClassroomRole,
        controlsModel: this.state.model.controller === client.sessionId,
      }
      if (!mayPerform(actor, type)) return this.drop(client, type, 'not allowed for your role')
      this.handle(client, member, type, parsed.data)
    }

    /** Refuses a message: tells the sender (except for silent rate drops) and logs at most once a second. */
    private drop(client: Client, type: string, reason: string, tell = true) {
      if (tell) this.sendEvent(client, 'refused', { type, reason })
      this.droppedSinceWarn++
      const now = Date.now()
      if (now - this.lastWarn > 1000) {
        deps.log.warn(
          { room: this.roomId, session: client.sessionId, type, reason, dropped: this.droppedSinceWarn },
          'classroom: message dropped',
        )
        this.lastWarn = now
        this.droppedSinceWarn = 0
      }
    }

    private handle(client: Client, member: MemberState, type: ClassroomMessageType, message: unknown) {
      switch (type) {
        case 'pose': {
          const m = message as ClassroomMessage<'pose'>
          writePose(member.pose, 0, m.head)
          if (m.left) writePose(member.pose, 7, m.left)
          if (m.right) writePose(member.pose, 14, m.right)
          member.hands = (m.left ? 1 : 0) | (m.right ? 2 : 0)
          return
        }
        case 'slide:set': {
          const { index } = message as ClassroomMessage<'slide:set'>
          if (index >= this.content.slides.length) return this.drop(client, type, 'no such slide')
          if (this.state.slide !== index) {
            this.state.slide = index
            deps.records.update(this.roomId, { slide: index })
            // Ink belongs to the page it was drawn on.
            this.state.annotations.clear()
            this.state.laserOn = false
          }
          return
        }
        case 'laser': {
          const m = message as ClassroomMessage<'laser'>
          this.state.laserOn = m.on
          this.state.laserU = m.u
          this.state.laserV = m.v
          return
        }
        case 'annotation:add': {
          const { points } = message as ClassroomMessage<'annotation:add'>
          if (this.state.annotations.length >= MAX_ANNOTATION_STROKES) this.state.annotations.shift()
          this.state.annotations.push(makeStroke(points))
          return
        }
        case 'annotation:clear':
          this.state.annotations.clear()
          return
        case 'model:place': {
          const { modelId } = message as ClassroomMessage<'model:place'>
          if (!this.content.labModels.some((m) => m.id === modelId))
            return this.drop(client, type, 'no such lab model')
          this.state.model.modelId = modelId
          this.state.model.controller = ''
          deps.records.update(this.roomId, { modelId })
          writePose(this.state.model.pose, 0, [0, 0, 0, 0, 0, 0, 1])
          return
        }
        case 'model:clear':
          this.state.model.modelId = ''
          this.state.model.controller = ''
          deps.records.update(this.roomId, { modelId: '' })
          return
        case 'model:grant': {
          const { sessionId } = message as ClassroomMessage<'model:grant'>
          if (sessionId !== '' && this.state.members.get(sessionId)?.role !== 'student')
            return this.drop(client, type, 'control can only go to a student in this room')
          this.state.model.controller = sessionId
          return
        }
        case 'model:pose': {
          if (!this.state.model.modelId) return this.drop(client, type, 'no model on the station')
          const { pose } = message as ClassroomMessage<'model:pose'>
          // Keep the model on the station: at most 0.6 m from its centre.
          const clamped: typeof pose = [...pose]
          for (let i = 0; i < 3; i++) clamped[i] = Math.max(-0.6, Math.min(0.6, pose[i]))
          writePose(this.state.model.pose, 0, normalizeQuaternion(clamped))
          return
        }
        case 'quiz:start':
          return this.startQuiz()
        case 'quiz:end':
          if (this.state.quiz.phase === 'open') {
            this.state.quiz.phase = 'closed'
            deps.liveQuizzes.close(this.roomId)
            deps.results.endSession(this.state.quiz.quizSessionId)
            deps.records.update(this.roomId, { quizPhase: 'closed' })
          }
          return
        case 'quiz:answer':
          return this.answer(client, member, message as ClassroomMessage<'quiz:answer'>)
        case 'teacher:summon':
          return this.summon(client.sessionId)
        case 'teacher:follow': {
          const { on } = message as ClassroomMessage<'teacher:follow'>
          this.state.followId = on ? client.sessionId : ''
          return
        }
        case 'teacher:lock': {
          const { locked } = message as ClassroomMessage<'teacher:lock'>
          this.state.movementLocked = locked
          deps.records.update(this.roomId, { movementLocked: locked })
          return
        }
        case 'teacher:spotlight': {
          const { sessionId } = message as ClassroomMessage<'teacher:spotlight'>
          if (sessionId !== '' && !this.state.members.has(sessionId))
            return this.drop(client, type, 'no such member')
          this.state.spotlightId = sessionId
          return
        }
        case 'teacher:kick': {
          const { sessionId } = message as ClassroomMessage<'teacher:kick'>
          const target = this.clients.getById(sessionId)
          const targetMember = this.state.members.get(sessionId)
          if (!targetMember || targetMember.role === 'teacher')
            return this.drop(client, type, 'only students can be removed')
          this.kicked.add(sessionId)
          const targetKey = this.memberKeys.get(sessionId) ?? sessionId
          this.kickedKeys.add(targetKey)
          this.kickedNames.add(nameKey(targetMember.name))
          deps.records.kick(this.roomId, targetKey, nameKey(targetMember.name))
          if (target) {
            this.sendEvent(target, 'kicked', { reason: 'removed by the teacher' })
            target.leave(KICKED_CLOSE_CODE)
          } else {
            // Dropped and waiting to reconnect: cancel the seat so the reconnection fails.
            this.state.members.delete(sessionId)
          }
          return
        }
        case 'class:end':
          return this.endClass()
        case 'voice:signal':
          return this.relayVoice(client, message as ClassroomMessage<'voice:signal'>)
        case 'voice:hand':
          return this.applyFloor(
            client,
            type,
            raiseHand(this.floorMembers(), client.sessionId, (message as ClassroomMessage<'voice:hand'>).up),
          )
        case 'voice:floor':
          return this.applyFloor(
            client,
            type,
            giveFloor(this.floorMembers(), (message as ClassroomMessage<'voice:floor'>).sessionId),
          )
        case 'voice:mute': {
          const m = message as ClassroomMessage<'voice:mute'>
          return this.applyFloor(client, type, muteOne(this.floorMembers(), m.sessionId, m.muted))
        }
        case 'voice:mute-all':
          this.state.allMuted = (message as ClassroomMessage<'voice:mute-all'>).muted
          return
      }
    }

    // ---- live voice ---------------------------------------------------------------------------------

    /** The members as the floor rules see them (voice-floor.ts). */
    private floorMembers(): Map<string, FloorMember> {
      const members = new Map<string, FloorMember>()
      this.state.members.forEach((m, id) => {
        members.set(id, { leader: m.role === 'teacher', hand: m.hand, floor: m.floor, muted: m.muted })
      })
      return members
    }

    private speaks(id: string): boolean {
      const m = this.state.members.get(id)
      return Boolean(
        m &&
          maySpeak(
            { leader: m.role === 'teacher', hand: m.hand, floor: m.floor, muted: m.muted },
            this.state,
          ),
      )
    }

    private applyFloor(client: Client, type: string, change: ReturnType<typeof giveFloor>) {
      if (!change.ok) return this.drop(client, type, change.reason)
      for (const [id, fields] of change.changes) {
        const m = this.state.members.get(id)
        if (m) Object.assign(m, fields)
      }
    }

    /** Passes a signal to one member of this room only, from a member who may speak (offers). */
    private relayVoice(client: Client, signal: ClassroomMessage<'voice:signal'>) {
      const target = this.clients.getById(signal.to)
      const refusal = relayRefusal(
        signal,
        { id: client.sessionId, speaks: this.speaks(client.sessionId) },
        target ? { id: signal.to, speaks: this.speaks(signal.to) } : undefined,
      )
      if (refusal) return this.drop(client, VOICE_SIGNAL, refusal)
      const { to: _to, ...rest } = signal
      target?.send(VOICE_SIGNAL, { ...rest, from: client.sessionId } as VoiceSignalIn)
    }

    /** The teacher ends the lesson: the quiz closes, the class is recorded as ended, everyone leaves. */
    private endClass() {
      if (this.state.quiz.phase === 'open') {
        this.state.quiz.phase = 'closed'
        deps.liveQuizzes.close(this.roomId)
        deps.results.endSession(this.state.quiz.quizSessionId)
      }
      deps.records.end(this.roomId)
      deps.log.info({ room: this.roomId }, 'classroom: ended by the teacher')
      this.disconnect(CLASS_ENDED_CLOSE_CODE).catch(() => undefined)
    }

    // ---- quiz ---------------------------------------------------------------------------------------

    private startQuiz() {
      if (this.state.quiz.phase === 'open') deps.results.endSession(this.state.quiz.quizSessionId)
      const id = `${this.roomId}-${Date.now().toString(36)}`
      deps.results.startSession(id, this.roomId, this.state.scene)
      this.graded.clear()
      this.unsavedAnswers = 0
      this.state.quiz.quizSessionId = id
      this.state.quiz.phase = 'open'
      deps.records.update(this.roomId, { quizSessionId: id, quizPhase: 'open' })
      deps.liveQuizzes.open(this.roomId, this.state.scene)
      this.state.members.forEach((m) => {
        m.answered = 0
      })
      this.broadcastResults()
    }

    private answer(client: Client, member: MemberState, m: ClassroomMessage<'quiz:answer'>) {
      if (this.state.quiz.phase !== 'open') return this.drop(client, 'quiz:answer', 'the quiz is not open')
      const key = memberKeyOf(client)
      const mine = this.graded.get(key) ?? []
      if (mine.some((a) => a.questionId === m.questionId))
        return this.drop(client, 'quiz:answer', 'already answered')
      const result = gradeAnswer(this.content.quiz, m.questionId, m.choiceIds)
      if (!result.ok) return this.drop(client, 'quiz:answer', result.reason)
      const g = result.graded
      // Persist first: an answer is only acknowledged once it is on disk.
      const stored = deps.results.recordAnswer({
        quizSessionId: this.state.quiz.quizSessionId,
        memberId: key,
        memberName: member.name,
        questionId: g.questionId,
        choiceIds: g.choiceIds,
        correct: g.correct,
        points: g.points,
        maxPoints: g.maxPoints,
      })
      if (stored === 'duplicate') return this.drop(client, 'quiz:answer', 'already answered')
      // 'failed' (disk full or read-only): the answer counts in memory and the teacher sees it is unsaved.
      if (stored === 'failed') this.unsavedAnswers++
      mine.push(g)
      this.graded.set(key, mine)
      member.answered = mine.length
      const summary = summarize(this.content.quiz, mine)
      this.sendEvent(client, 'quiz:graded', {
        questionId: g.questionId,
        correct: g.correct,
        points: g.points,
        maxPoints: g.maxPoints,
        correctChoiceIds: g.correctChoiceIds,
        score: summary.score,
        maxScore: summary.maxScore,
      })
      this.broadcastResults()
    }

    private resultRows(): QuizResultRow[] {
      const rows: QuizResultRow[] = []
      // Rows name members by their current session id (what the teacher's controls act on).
      const sessionByKey = new Map<string, string>()
      for (const [sessionId, key] of this.memberKeys) sessionByKey.set(key, sessionId)
      for (const [key, answers] of this.graded) {
        const memberId = sessionByKey.get(key) ?? key
        const s = summarize(this.content.quiz, answers)
        rows.push({
          memberId,
          name: this.names.get(key) ?? '?',
          score: s.score,
          answered: s.answered,
          correct: s.correct,
        })
      }
      return rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    }

    private sendResultsTo(client: Client) {
      if (!this.state.quiz.quizSessionId) return
      this.sendEvent(client, 'quiz:results', {
        quizSessionId: this.state.quiz.quizSessionId,
        rows: this.resultRows(),
        maxScore: maxScore(this.content.quiz),
        unsaved: this.unsavedAnswers,
      })
    }

    private sendOwnScore(client: Client) {
      const mine = this.graded.get(memberKeyOf(client))
      const last = mine?.at(-1)
      if (!mine || !last) return
      const s = summarize(this.content.quiz, mine)
      this.sendEvent(client, 'quiz:graded', { ...last, score: s.score, maxScore: s.maxScore })
    }

    /** Live results go to teachers only; students learn just their own score. */
    private broadcastResults() {
      for (const client of this.clients)
        if ((client.auth as MemberAuth | undefined)?.role === 'teacher') this.sendResultsTo(client)
    }

    // ---- teacher controls ---------------------------------------------------------------------------

    /** Gathers students in arcs in front of the teacher spot (shared with the tour groups' gather). */
    private summon(teacherId: string) {
      let i = 0
      for (const client of this.clients) {
        if (client.sessionId === teacherId) continue
        if ((client.auth as MemberAuth | undefined)?.role !== 'student') continue
        this.sendEvent(client, 'teleport', gatherSlot(this.content.layout.teacherSpot, i))
        i++
      }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private sendEvent<K extends keyof ServerEvents>(client: Client, type: K, message: ServerEvents[K]) {
      client.send(type, message)
    }

    private freeSeat(): string {
      const taken = new Set<string>()
      this.state.members.forEach((m) => {
        taken.add(m.seatId)
      })
      return this.content.seats.find((s) => !taken.has(s.id))?.id ?? ''
    }

    private async uniqueCode(): Promise<string> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const code = randomRoomCode()
        const existing = await matchMaker.query({ roomId: code })
        if (existing.length === 0) return code
      }
      return randomRoomCode(8)
    }
  }
}

function writePose(target: ArraySchema<number>, offset: number, pose: readonly number[]) {
  for (let i = 0; i < 7; i++) if (target[offset + i] !== pose[i]) target[offset + i] = pose[i]
}

function normalizeQuaternion(pose: number[]): number[] {
  const [x, y, z, qx, qy, qz, qw] = pose
  const len = Math.hypot(qx, qy, qz, qw) || 1
  return [x, y, z, qx / len, qy / len, qz / len, qw / len]
}

function makeStroke(points: readonly number[]): StrokeState {
  const stroke = new StrokeState()
  stroke.points = new ArraySchema(...points)
  return stroke
}
