// A generic connection to a Colyseus room on this app's own server: join (or join by room code), keep
// the reconnection token in sessionStorage so a page reload rejoins as the same member, report status,
// and come back by itself when the room drops.
// Kind-agnostic: a kind passes its room name and join options and reads `room.state` itself.
//
// Coming back: the SDK's own reconnection only knows the process that dealt the token, so it is off.
// Instead, when the room drops (network, server crash or restart) the connection retries with bounded
// back-off (REJOIN_DELAYS_MS, giving up after REJOIN_GIVE_UP_MS): first the reconnection token (the same
// process still holds the seat: same session), then joining the same room id again with `rejoinOptions`
// (a restarted server restored the room under the same id and knows the member by its options' token).
// A refusal from the server (removed, full, bad options) ends it at once; "no such room" after a few
// tries (the class ended while we were away).
import { Client, type Room } from '@colyseus/sdk'

/** A joined room, as kinds see it (they wire its messages and read its state). */
export type RealtimeRoom = Room

export type RoomStatus = 'connecting' | 'online' | 'reconnecting' | 'offline'

/** Waits between rejoin attempts: quick at first, then every 5 s. */
export const REJOIN_DELAYS_MS = [250, 500, 1000, 2000, 4000, 5000]
/** How long a dropped connection keeps trying before it reports the room as left. */
export const REJOIN_GIVE_UP_MS = 3 * 60_000
/** Colyseus's answer for a room id it does not host (matchmaking error 522). */
const ROOM_NOT_FOUND = 522
/** Matchmaking "no such room" answers in a row before the room counts as gone (a restarting server may
 * answer before it has restored its rooms). */
const NOT_FOUND_TRIES = 3
/** Close codes after which the member does not come back: left on purpose (1000, 4000). */
const FINAL_CLOSE_CODES = new Set([1000, 4000])

export interface RoomConnectionOptions {
  roomName: string
  /** Options for joinOrCreate / joinById (e.g. scene, name, role). */
  joinOptions: Record<string, unknown>
  /**
   * Options to join the same room again after a drop or a server restart, and after a reload (kept in
   * sessionStorage, so nothing secret: no codes). Without them a dropped room is only resumed by token.
   */
  rejoinOptions?: Record<string, unknown>
  /**
   * Keep the rejoin options in sessionStorage with the seat (default true), so a reloaded page can come
   * back. False when they hold a staff code: the code then lives only in the page's memory.
   */
  storeRejoinOptions?: boolean
  /** Join this room id (a short room code) instead of matchmaking by options. */
  roomId?: string
  /** Always open a new room (e.g. a docent's own group) instead of joining one that matches. */
  create?: boolean
  /** sessionStorage key for the reconnection token; one per room kind and scene. */
  storageKey: string
  /** Server base URL. Default: this page's origin. */
  endpoint?: string
  onStatus?: (status: RoomStatus) => void
  /**
   * Called when the room ends for good (left, kicked, refused on rejoin, gave up) with the close code (or
   * the server's refusal code, e.g. 403) and reason.
   */
  onLeave?: (code: number, reason?: string) => void
  /** Called with every room this connection holds: the first, and each one it rejoined after a drop. */
  onRoom?: (room: Room, rejoined: boolean) => void
  /** Only resume a stored session; fail instead of joining as a new member. */
  resumeOnly?: boolean
  /** Further close codes after which the member must not come back (e.g. removed by the room's owner). */
  finalCloseCodes?: readonly number[]
  /** Rejoin back-off (tests may shorten it); defaults REJOIN_DELAYS_MS and REJOIN_GIVE_UP_MS. */
  rejoinDelaysMs?: readonly number[]
  rejoinGiveUpMs?: number
}

export interface RoomConnection {
  /** The room now (a new object after a rejoin). */
  readonly room: Room
  /** True when this connection resumed a previous session (same member, same seat). */
  resumed: boolean
  leave(): Promise<void>
}

interface StoredSeat {
  /** "roomId:token" as the SDK gives it. */
  token: string
  rejoin?: Record<string, unknown>
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined
  }
}

function readSeat(key: string): StoredSeat | undefined {
  const raw = storage()?.getItem(key)
  if (!raw) return undefined
  try {
    const seat = JSON.parse(raw) as StoredSeat
    return typeof seat.token === 'string' ? seat : undefined
  } catch {
    return undefined
  }
}

export function hasStoredSession(storageKey: string): boolean {
  return readSeat(storageKey) !== undefined
}

export function forgetStoredSession(storageKey: string): void {
  storage()?.removeItem(storageKey)
}

/** The matchmaking error code of a failed join, or undefined for a network failure. */
function refusalCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'number' && code >= 400 ? code : undefined
}

/** A refusal that another try will not change: the server said no to this member or these options. */
function isFinalRefusal(code: number | undefined): boolean {
  return code !== undefined && code >= 400 && code < 500 && code !== 408 && code !== 429
}

export async function connectRoom(options: RoomConnectionOptions): Promise<RoomConnection> {
  const client = new Client(options.endpoint ?? window.location.origin)
  const delays = options.rejoinDelaysMs ?? REJOIN_DELAYS_MS
  const giveUpMs = options.rejoinGiveUpMs ?? REJOIN_GIVE_UP_MS
  options.onStatus?.('connecting')
  let current: Room | undefined
  let resumed = false
  let closed = false
  const stored = readSeat(options.storageKey)
  const rejoinOptions = options.rejoinOptions ?? stored?.rejoin

  /** Resume by token, else join the same room id again; throws what the last step threw. */
  async function comeBack(token: string): Promise<Room> {
    try {
      return await client.reconnect(token)
    } catch (error) {
      // A network failure: the server is not there; joining will not work either.
      if (refusalCode(error) === undefined || !rejoinOptions) throw error
    }
    return client.joinById(token.split(':')[0], rejoinOptions)
  }

  function remember(room: Room) {
    const rejoin = options.storeRejoinOptions === false ? undefined : rejoinOptions
    const seat: StoredSeat = { token: room.reconnectionToken, rejoin }
    storage()?.setItem(options.storageKey, JSON.stringify(seat))
  }

  function finish(code: number, reason?: string) {
    if (closed) return
    closed = true
    storage()?.removeItem(options.storageKey)
    options.onStatus?.('offline')
    options.onLeave?.(code, reason)
  }

  function attach(room: Room, rejoined: boolean) {
    current = room
    // Our own rejoin below replaces the SDK's retries, which cannot outlive the server process.
    room.reconnection.enabled = false
    remember(room)
    options.onRoom?.(room, rejoined)
    options.onStatus?.('online')
    room.onLeave((code: number, reason?: string) => {
      if (room !== current || closed) return
      const final = FINAL_CLOSE_CODES.has(code) || options.finalCloseCodes?.includes(code)
      if (final || !rejoinOptions) finish(code, reason)
      else void rejoin(room.reconnectionToken, reason)
    })
  }

  /** Tries to come back with bounded back-off; the room counts as left on a refusal or when time is up. */
  async function rejoin(token: string, dropReason?: string) {
    options.onStatus?.('reconnecting')
    const started = Date.now()
    let notFound = 0
    for (let attempt = 0; !closed; attempt++) {
      try {
        const room = await comeBack(token)
        if (closed) {
          await room.leave(true).catch(() => undefined)
          return
        }
        attach(room, true)
        return
      } catch (error) {
        const code = refusalCode(error)
        const reason = (error as Error).message
        notFound = code === ROOM_NOT_FOUND ? notFound + 1 : 0
        if (notFound >= NOT_FOUND_TRIES) return finish(ROOM_NOT_FOUND, reason)
        if (code !== ROOM_NOT_FOUND && isFinalRefusal(code)) return finish(code ?? 0, reason)
        if (Date.now() - started >= giveUpMs) return finish(0, dropReason ?? 'gave up reconnecting')
      }
      const wait = delays[Math.min(attempt, delays.length - 1)] ?? 1000
      await new Promise((r) => setTimeout(r, wait))
    }
  }

  if (stored) {
    try {
      const room = await comeBack(stored.token)
      resumed = true
      attach(room, false)
    } catch {
      // The seat expired and the class is gone: join as a new member (or not at all).
      storage()?.removeItem(options.storageKey)
    }
  }
  if (!current && options.resumeOnly) throw new Error('no session to resume')
  if (!current) {
    const room = options.roomId
      ? await client.joinById(options.roomId, options.joinOptions)
      : options.create
        ? await client.create(options.roomName, options.joinOptions)
        : await client.joinOrCreate(options.roomName, options.joinOptions)
    attach(room, false)
  }
  return {
    get room() {
      return current as Room
    },
    get resumed() {
      return resumed
    },
    async leave() {
      const room = current
      finish(4000)
      await room?.leave(true).catch(() => undefined)
    },
  }
}
