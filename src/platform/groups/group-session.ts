// This device's membership of a docent-led group, for any kind that has stops to share: open a group
// (docent) or join one by code (visitor) on the app's own server through the realtime service, the
// group's summary as zustand state, and the docent's pose in a mutable buffer read in the frame loop.
// The kind tells the session what its stop is (docent) and is told where to go (visitors). The docent's
// live voice reaches the group through the same voice service as the classroom's (src/platform/voice-chat),
// by the classroom's floor rules (voice-floor.ts): the docent speaks, a visitor raises a hand and speaks
// once the docent gives them the floor.
import { create } from 'zustand'
import {
  type DocentPanels,
  GROUP_ENDED_CLOSE_CODE,
  type GroupEvent,
  GroupEvents,
  type GroupMessage,
  type GroupMessageType,
  type GroupRole,
  TOUR_GROUP_ROOM,
} from '../../shared/groups/group-messages'
import type { RealtimeRoom, RoomConnection, RoomStatus } from '../realtime'
import { VoiceChat } from '../voice-chat/voice-chat'

export type GroupStatus = 'none' | RoomStatus
/** Why the device is not (or no longer) in a group, for the panel; null when nothing went wrong. */
export type GroupProblem = 'full' | 'not-found' | 'ended' | 'refused' | 'offline' | null

export interface GroupState {
  status: GroupStatus
  role: GroupRole | null
  code: string | null
  scene: string | null
  stopIndex: number
  members: number
  following: number
  docentOnline: boolean
  /** This device follows the docent (a visitor who stepped out does not). */
  selfFollowing: boolean
  /** This visitor's hand is up; this visitor holds the floor. */
  selfHand: boolean
  selfFloor: boolean
  /** Visitors with a hand up, first raised first (session ids). */
  hands: string[]
  /** The visitor holding the floor ('' when none). */
  floorId: string
  problem: GroupProblem
  /** The server's words for the last refusal. */
  detail: string | null
}

const initial: GroupState = {
  status: 'none',
  role: null,
  code: null,
  scene: null,
  stopIndex: -1,
  members: 0,
  following: 0,
  docentOnline: false,
  selfFollowing: true,
  selfHand: false,
  selfFloor: false,
  hands: [],
  floorId: '',
  problem: null,
  detail: null,
}

export const useGroup = create<GroupState>(() => ({ ...initial }))

/** The docent's latest position and pointer, as visitors received them; `version` bumps per message. */
export const docentLive = {
  position: [0, 0] as [number, number],
  pointer: null as [number, number, number] | null,
  known: false,
  version: 0,
}

export interface GroupHandlers {
  /** A following visitor: the docent's stop changed, or the visitor stepped back in. */
  onStop?(stopIndex: number): void
  /** A following visitor is gathered to this spot. */
  onGather?(position: [number, number, number], yaw: number): void
  /** A following visitor: what the docent has open at the stop (after onStop when both changed). */
  onPanels?(panels: DocentPanels): void
}

let handlers: GroupHandlers = {}
let connection: RoomConnection | null = null
let voice: VoiceChat | null = null

/** The group's live voice while in a group (the docent's talk button, the levels), else null. */
export function groupVoice(): VoiceChat | null {
  return voice
}
let lastPose = ''
/** The panels this page last shared (docent) or was shown (visitor), as JSON. */
let lastPanels = ''

/** The kind's reactions to the group; returns the cleanup. */
export function setGroupHandlers(next: GroupHandlers): () => void {
  handlers = next
  return () => {
    if (handlers === next) handlers = {}
  }
}

const TOKEN_KEY = 'xr-showcase:group:member-token'

/** One identity per tab (sessionStorage): a docent's reload rejoins as the docent, a second tab is another device. */
function memberToken(): string {
  try {
    const kept = sessionStorage.getItem(TOKEN_KEY)
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept
  } catch {
    // No storage: one token for this page.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  const token = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=/g, '')
  try {
    sessionStorage.setItem(TOKEN_KEY, token)
  } catch {
    // Kept for this page only.
  }
  return token
}

function problemOf(error: unknown): { problem: GroupProblem; detail: string } {
  const detail = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown }).code
  if (code === 409 || /full/.test(detail)) return { problem: 'full', detail }
  if (code === 522 || /not found|no rooms found/i.test(detail)) return { problem: 'not-found', detail }
  if (typeof code === 'number' && code >= 400 && code < 500) return { problem: 'refused', detail }
  return { problem: 'offline', detail }
}

function wire(room: RealtimeRoom) {
  room.onMessage('group', (raw: unknown) => {
    const g = GroupEvents.group.safeParse(raw)
    if (!g.success) return
    const before = useGroup.getState()
    const now = g.data
    useGroup.setState({
      role: now.role,
      code: now.code,
      scene: now.scene,
      stopIndex: now.stopIndex,
      members: now.members,
      following: now.following,
      docentOnline: now.docentOnline,
      selfFollowing: now.self.following,
      selfHand: now.self.hand,
      selfFloor: now.self.floor,
      hands: now.hands,
      floorId: now.speakers.find((id) => id !== now.docentId) ?? '',
      problem: null,
    })
    voice?.update({ selfId: room.sessionId, members: now.peerIds, speakers: now.speakers })
    const steppedIn = now.self.following && !before.selfFollowing
    if (now.role !== 'visitor' || !now.self.following) return
    const caughtUp = steppedIn || before.code === null
    const moved = now.stopIndex !== before.stopIndex
    if (caughtUp || moved) handlers.onStop?.(now.stopIndex)
    // Moving closes what was open: the docent's panels are opened again over the new stop.
    const panels = JSON.stringify(now.panels)
    if (caughtUp || moved || panels !== lastPanels) {
      lastPanels = panels
      handlers.onPanels?.(now.panels)
    }
  })
  room.onMessage('docent', (raw: unknown) => {
    const d = GroupEvents.docent.safeParse(raw)
    if (!d.success) return
    docentLive.position = d.data.position
    docentLive.pointer = d.data.pointer
    docentLive.known = true
    docentLive.version++
  })
  room.onMessage('gather', (raw: unknown) => {
    const g = GroupEvents.gather.safeParse(raw)
    if (g.success && useGroup.getState().selfFollowing) handlers.onGather?.(g.data.position, g.data.yaw)
  })
  room.onMessage('voice:signal', (raw: unknown) => voice?.receive(raw))
  room.onMessage('voice:config', (raw: unknown) => voice?.configure(raw))
  room.onMessage('refused', (raw: unknown) => {
    const r = GroupEvents.refused.safeParse(raw)
    if (r.success) console.warn(`group: ${r.data.type} refused: ${r.data.reason}`)
  })
}

/** Opens a new group for `scene` as its docent (`code` absent) or joins the group `code` as a visitor. */
export async function enterGroup(scene: string, code?: string): Promise<boolean> {
  await leaveGroup()
  const role: GroupRole = code ? 'visitor' : 'docent'
  const options = { scene, role, memberToken: memberToken() }
  useGroup.setState({ ...initial, status: 'connecting', role })
  // Before the room: the docent's offer may come with the first messages.
  voice = new VoiceChat({ label: 'group', send: (signal) => send('voice:signal', signal) })
  try {
    // The Colyseus client loads only when a group starts: a visitor touring alone does not download it.
    const { connectRoom } = await import('../realtime')
    connection = await connectRoom({
      roomName: TOUR_GROUP_ROOM,
      roomId: code,
      create: !code,
      joinOptions: options,
      rejoinOptions: options,
      storageKey: `xr-showcase:group:${scene}`,
      finalCloseCodes: [GROUP_ENDED_CLOSE_CODE],
      onRoom: (room) => wire(room),
      onStatus: (status) => useGroup.setState({ status }),
      onLeave: (closeCode, reason) => {
        connection = null
        closeVoice()
        useGroup.setState({
          ...initial,
          problem: closeCode === GROUP_ENDED_CLOSE_CODE ? 'ended' : closeCode === 4000 ? null : 'offline',
          detail: reason ?? null,
        })
      },
    })
    return true
  } catch (error) {
    connection = null
    closeVoice()
    useGroup.setState({ ...initial, ...problemOf(error) })
    return false
  }
}

/** Leaves the group (a docent's leaving ends it for everyone). */
export async function leaveGroup(): Promise<void> {
  const c = connection
  connection = null
  closeVoice()
  docentLive.known = false
  docentLive.pointer = null
  docentLive.version++
  lastPose = ''
  lastPanels = ''
  if (c) await c.leave()
  useGroup.setState({ ...initial })
}

function closeVoice(): void {
  voice?.close()
  voice = null
}

/** Sends if the group's connection is open; false when the message was dropped (reconnecting). */
function send<T extends GroupMessageType>(type: T, message: GroupMessage<T>): boolean {
  const room = connection?.room
  if (!room?.connection?.isOpen) return false
  room.send(type, message)
  return true
}

/** The docent's tour moved to `stopIndex`. */
export function shareStop(stopIndex: number): void {
  const s = useGroup.getState()
  if (s.role !== 'docent' || s.stopIndex === stopIndex) return
  send('docent:stop', { stopIndex })
}

/** What the docent has open now; sent only when it changed. */
export function sharePanels(panels: DocentPanels): void {
  if (useGroup.getState().role !== 'docent') return
  const key = JSON.stringify(panels)
  if (key !== lastPanels && send('docent:panels', panels)) lastPanels = key
}

/** The docent's floor position and pointer point; sent only when they changed (callers pace it). */
export function shareDocentPose(position: [number, number], pointer: [number, number, number] | null): void {
  if (useGroup.getState().role !== 'docent') return
  const round = (v: number) => Math.round(v * 100) / 100
  const msg = {
    position: [round(position[0]), round(position[1])] as [number, number],
    pointer: pointer
      ? ([round(pointer[0]), round(pointer[1]), round(pointer[2])] as [number, number, number])
      : null,
  }
  const key = JSON.stringify(msg)
  if (key === lastPose) return
  lastPose = key
  send('docent:pose', msg)
}

export const gatherGroup = () => void send('docent:gather', {})
export const endGroup = () => void send('docent:end', {})
/** A visitor steps out of the group (tours alone) or back in. */
export const setFollowing = (following: boolean) => void send('member:following', { following })
/** A visitor raises or lowers a hand to ask for the floor. */
export const raiseGroupHand = (up: boolean) => void send('member:hand', { up })
/** The docent gives the floor to a visitor (a session id), or takes it back (''). */
export const giveGroupFloor = (sessionId: string) => void send('docent:floor', { sessionId })

export type { GroupEvent }
