// Every network call of the classroom: the Colyseus room (through the platform's realtime client) and
// solo grading over HTTP. Responses are parsed with the shared contracts; nothing here touches the store.
import { connectRoom, type RealtimeRoom, type RoomStatus } from '../../platform/realtime'
import { onVisitReset } from '../../platform/visit'
import {
  CLASS_ENDED_CLOSE_CODE,
  type ClassroomMessage,
  type ClassroomMessageType,
  KICKED_CLOSE_CODE,
  KICKED_REASON,
  type ServerEvents,
} from '../../shared/classroom/classroom-messages'
import type { ClassroomRole } from '../../shared/classroom/classroom-roles'
import {
  describeIssue,
  ErrorResponse,
  type GradeRequest,
  type GradeResponse,
  GradeRoute,
} from '../../shared/classroom/http-contracts'
import { VOICE_CONFIG, VOICE_SIGNAL } from '../../shared/voice/voice-signals'
import { isRoomStateReady, type RoomStateView } from './logic/room-sync'

export const CLASSROOM_ROOM = 'classroom'

export function storageKey(scene: string): string {
  return `xr-showcase:classroom:${scene}`
}

export interface JoinRequest {
  scene: string
  name: string
  role: ClassroomRole
  teacherCode?: string
  /** Join this room by its code instead of the scene's default room. */
  roomCode?: string
  /** Server base URL; default this page's origin (Node tests name their server). */
  endpoint?: string
  /** This member's identity; default this browser's (memberToken()). */
  memberToken?: string
  /** Rejoin back-off and give-up time, for tests; defaults in room-connection.ts. */
  rejoinDelaysMs?: readonly number[]
  rejoinGiveUpMs?: number
}

/** What the room reports; the store's actions. */
export interface ClassroomRoomEvents {
  onStatus(status: RoomStatus): void
  /** The room ended for good (left, kicked, seat expired). */
  onLeave(reason: 'kicked' | 'ended' | 'offline'): void
  /** A state patch arrived (only once the state is complete). */
  onState(state: RoomStateView): void
  onGraded(message: ServerEvents['quiz:graded']): void
  onResults(message: ServerEvents['quiz:results']): void
  onTeleport(message: ServerEvents['teleport']): void
  onRefused(message: ServerEvents['refused']): void
  onKicked(message: ServerEvents['kicked']): void
  /**
   * The room dropped and this member came back by itself (a new session: after a server restart the
   * restored class knows the member by its token). Called before the new room's first patch.
   */
  onRejoin(selfId: string): void
  /** Live voice: a signal from another member, and how voice travels in this room (both unparsed). */
  onVoiceSignal(message: unknown): void
  onVoiceConfig(message: unknown): void
}

export interface ClassroomLink {
  /** This member's session id (a new one after a rejoin). */
  readonly selfId: string
  /** The role the server gave this member, once the first patch has it. */
  role(): ClassroomRole | undefined
  /** The state now, or undefined before the first patch. */
  state(): RoomStateView | undefined
  send<T extends ClassroomMessageType>(type: T, message: ClassroomMessage<T>): void
  leave(): Promise<void>
}

/** Joins (or, with `resumeOnly`, only resumes a stored seat) and wires the room's events to `events`. */
export async function connectClassroom(
  request: JoinRequest,
  events: ClassroomRoomEvents,
  resumeOnly = false,
): Promise<ClassroomLink> {
  const token = request.memberToken ?? memberToken()
  const wire = (room: RealtimeRoom, rejoined: boolean) => {
    if (rejoined) events.onRejoin(room.sessionId)
    room.onStateChange(() => {
      if (isRoomStateReady(room.state)) events.onState(room.state)
    })
    room.onMessage('quiz:graded', events.onGraded)
    room.onMessage('quiz:results', events.onResults)
    room.onMessage('teleport', events.onTeleport)
    room.onMessage('refused', events.onRefused)
    room.onMessage('kicked', events.onKicked)
    room.onMessage(VOICE_SIGNAL, events.onVoiceSignal)
    room.onMessage(VOICE_CONFIG, events.onVoiceConfig)
  }
  const connection = await connectRoom({
    roomName: CLASSROOM_ROOM,
    resumeOnly,
    roomId: request.roomCode || undefined,
    endpoint: request.endpoint,
    joinOptions: {
      scene: request.scene,
      name: request.name,
      role: request.role,
      teacherCode: request.teacherCode,
      memberToken: token,
    },
    // Coming back after a drop or a restart: the token says who this is (a teacher needs no code again),
    // so the teacher code is neither kept nor resent. A resume after a reload uses what was kept then.
    rejoinOptions: resumeOnly
      ? undefined
      : { scene: request.scene, name: request.name, role: request.role, memberToken: token },
    rejoinDelaysMs: request.rejoinDelaysMs,
    rejoinGiveUpMs: request.rejoinGiveUpMs,
    finalCloseCodes: [KICKED_CLOSE_CODE, CLASS_ENDED_CLOSE_CODE],
    storageKey: storageKey(request.scene),
    onStatus: events.onStatus,
    onRoom: wire,
    onLeave: (code, reason) =>
      events.onLeave(
        code === KICKED_CLOSE_CODE || reason === KICKED_REASON
          ? 'kicked'
          : code === CLASS_ENDED_CLOSE_CODE
            ? 'ended'
            : 'offline',
      ),
  })
  const state = () => {
    const s = connection.room.state
    return isRoomStateReady(s) ? s : undefined
  }
  return {
    get selfId() {
      return connection.room.sessionId
    },
    role() {
      const role = state()?.members.get(connection.room.sessionId)?.role
      return role === 'teacher' || role === 'student' ? role : undefined
    },
    state,
    send(type, message) {
      // While reconnecting there is no room to send to; the store takes back unanswered quiz answers.
      if (connection.room.connection?.isOpen) connection.room.send(type, message)
    },
    leave: () => connection.leave(),
  }
}

const MEMBER_TOKEN_KEY = 'xr-showcase:classroom:member-token'

/**
 * This browser's classroom identity: a random id kept in localStorage, so a student who reloads or
 * rejoins under another name is still the same student (one quiz attempt, a kick holds). Without
 * storage (private mode) it lives as long as the page.
 */
let pageToken: string | undefined
export function memberToken(): string {
  try {
    const kept = localStorage.getItem(MEMBER_TOKEN_KEY)
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept
  } catch {
    // No storage: fall back to one token for this page.
  }
  pageToken ??= randomToken()
  try {
    localStorage.setItem(MEMBER_TOKEN_KEY, pageToken)
  } catch {
    // Kept for this page only.
  }
  return pageToken
}

// A kiosk's next visitor is another student: the identity ends with the visit (a kick or a used quiz
// attempt must not follow them), as the rest of the visitor's state does.
onVisitReset(() => {
  pageToken = undefined
  try {
    localStorage.removeItem(MEMBER_TOKEN_KEY)
  } catch {
    // No storage: the page's token above was all there was.
  }
})

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '')
}

/** True when this browser holds a seat from a previous page load that may be resumed. */
export function hasStoredSeat(scene: string): boolean {
  try {
    return Boolean(sessionStorage.getItem(storageKey(scene)))
  } catch {
    return false
  }
}

/**
 * Grades a solo visitor's answer on the server (which alone holds the key). Throws with the server's
 * reason on a refusal, or with what was wrong when the response does not fit the contract.
 */
export async function gradeOnServer(request: GradeRequest): Promise<GradeResponse> {
  const response = await fetch(`${import.meta.env.BASE_URL}${GradeRoute.path.slice(1)}`, {
    method: GradeRoute.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(GradeRoute.body.parse(request)),
  })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const error = ErrorResponse.safeParse(body)
    throw new Error(
      `grading refused (${response.status}): ${error.success ? error.data.error : 'no reason given'}`,
    )
  }
  const parsed = GradeRoute.response.safeParse(body)
  if (!parsed.success)
    throw new Error(`grading response does not fit the contract: ${describeIssue(parsed.error)}`)
  return parsed.data
}
