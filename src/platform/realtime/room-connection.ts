// A generic connection to a Colyseus room on this app's own server: join (or join by room code), keep
// the reconnection token in sessionStorage so a page reload rejoins as the same member, and report status.
// Kind-agnostic: a kind passes its room name and join options and reads `room.state` itself.
import { Client, type Room } from '@colyseus/sdk'

export type RoomStatus = 'connecting' | 'online' | 'reconnecting' | 'offline'

export interface RoomConnectionOptions {
  roomName: string
  /** Options for joinOrCreate / joinById (e.g. scene, name, role). */
  joinOptions: Record<string, unknown>
  /** Join this room id (a short room code) instead of matchmaking by options. */
  roomId?: string
  /** sessionStorage key for the reconnection token; one per room kind and scene. */
  storageKey: string
  /** Server base URL. Default: this page's origin. */
  endpoint?: string
  onStatus?: (status: RoomStatus) => void
  /** Called when the room ends for good (left, kicked, seat expired) with the close code. */
  onLeave?: (code: number) => void
  /** Only resume a stored session; fail instead of joining as a new member. */
  resumeOnly?: boolean
}

export interface RoomConnection {
  room: Room
  /** True when this connection resumed a previous session (same member, same seat). */
  resumed: boolean
  leave(): Promise<void>
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined
  }
}

export function hasStoredSession(storageKey: string): boolean {
  return Boolean(storage()?.getItem(storageKey))
}

export function forgetStoredSession(storageKey: string): void {
  storage()?.removeItem(storageKey)
}

export async function connectRoom(options: RoomConnectionOptions): Promise<RoomConnection> {
  const client = new Client(options.endpoint ?? window.location.origin)
  const store = storage()
  options.onStatus?.('connecting')
  let room: Room | undefined
  let resumed = false
  const token = store?.getItem(options.storageKey)
  if (token) {
    try {
      room = await client.reconnect(token)
      resumed = true
    } catch {
      // The seat expired or the server restarted: join as a new member.
      store?.removeItem(options.storageKey)
    }
  }
  if (!room && options.resumeOnly) throw new Error('no session to resume')
  if (!room) {
    room = options.roomId
      ? await client.joinById(options.roomId, options.joinOptions)
      : await client.joinOrCreate(options.roomName, options.joinOptions)
  }
  const joined = room
  const remember = () => store?.setItem(options.storageKey, joined.reconnectionToken)
  remember()
  options.onStatus?.('online')
  joined.onDrop(() => options.onStatus?.('reconnecting'))
  joined.onReconnect(() => {
    // The token changes on every reconnection; keep the current one for the next reload.
    remember()
    options.onStatus?.('online')
  })
  joined.onLeave((code: number) => {
    store?.removeItem(options.storageKey)
    options.onStatus?.('offline')
    options.onLeave?.(code)
  })
  return {
    room: joined,
    resumed,
    async leave() {
      store?.removeItem(options.storageKey)
      await joined.leave(true).catch(() => undefined)
    },
  }
}
