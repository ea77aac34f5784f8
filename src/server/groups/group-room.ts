// One docent-led tour group: the docent who opened it, up to GROUP_MAX_DEVICES devices in all, the tour's
// stop and what the docent has open there, the docent's position and pointer. No Colyseus state: the room sends each member a small summary
// ('group') on every change and relays the docent's pose, and live voice's signals from whoever may speak
// (the docent; a visitor the docent gave the floor, group-floor.ts). Every message goes through one gate:
// known type → role → rate limit → zod; a refused message is answered with a reason and dropped.
// Over 300 lines on purpose: one Colyseus Room class whose handlers share the room's private state.
import { createHash } from 'node:crypto'
import { type Client, matchMaker, Room, ServerError } from '@colyseus/core'
import type { FastifyBaseLogger } from 'fastify'
import { gatherSlot } from '../../shared/groups/follow-leader'
import {
  describeGroupIssue,
  GROUP_ENDED_CLOSE_CODE,
  GROUP_FULL_REASON,
  GROUP_MAX_DEVICES,
  type GroupEvent,
  type GroupEventType,
  GroupJoinOptions,
  type GroupMessage,
  GroupMessages,
  type GroupRole,
  isGroupMessageType,
  mayPerformInGroup,
  NO_PANELS,
} from '../../shared/groups/group-messages'
import { randomRoomCode } from '../../shared/groups/room-code'
import { type FloorChange, giveFloor, raiseHand } from '../../shared/voice/voice-floor'
import { relayRefusal, VOICE_SIGNAL_RATE, type VoiceConfig } from '../../shared/voice/voice-signals'
import { RateLimiter } from '../security/rate-limiter'
import { applyFloorChange, floorMembers, groupMaySpeak, groupSpeakers } from './group-floor'

/** How long a dropped member keeps their place (a reload, a Wi-Fi blip). */
const RECONNECT_SECONDS = 30
const RATE_RULES = {
  'docent:pose': { perSecond: 15, burst: 20 },
  'docent:stop': { perSecond: 5, burst: 10 },
  // Dragging the then-and-now slider sends a few a second (the page rounds it).
  'docent:panels': { perSecond: 10, burst: 20 },
  'docent:gather': { perSecond: 1, burst: 3 },
  'docent:end': { perSecond: 1, burst: 2 },
  'member:following': { perSecond: 2, burst: 5 },
  'member:hand': { perSecond: 2, burst: 5 },
  'docent:floor': { perSecond: 2, burst: 5 },
  'voice:signal': VOICE_SIGNAL_RATE,
}

export interface GroupRoomDeps {
  /** The number of stops of a tour scene, or undefined when the id names no valid tour. */
  tourStops(scene: string): number | undefined
  /** Groups open now, so one address cannot open without end. */
  openGroups: Set<string>
  maxGroups: number
  log: FastifyBaseLogger
  /** How live voice travels (sent to each member on join); default peer to peer ('mesh'). */
  voice?: VoiceConfig
}

interface MemberAuth {
  role: GroupRole
  /** A hash of the browser's memberToken: the docent is known by it after a drop. */
  key: string
}

interface Member {
  role: GroupRole
  key: string
  following: boolean
  connected: boolean
  /** Live voice, by the classroom's floor rules (voice-floor.ts): a hand up, the floor held. */
  hand: boolean
  floor: boolean
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url').slice(0, 16)

export function createGroupRoom(deps: GroupRoomDeps) {
  return class TourGroupRoom extends Room {
    private scene = ''
    private stops = 0
    private docentKey = ''
    private stopIndex = -1
    private panels: GroupMessage<'docent:panels'> = NO_PANELS
    private docentPosition: [number, number] | null = null
    private readonly members = new Map<string, Member>()
    /** Visitors' raised hands, first raised first. */
    private hands: string[] = []
    private readonly limiter = new RateLimiter(RATE_RULES, { perSecond: 2, burst: 4 })
    private lastWarn = 0

    static async onAuth(_token: string, options: unknown): Promise<MemberAuth> {
      const parsed = GroupJoinOptions.safeParse(options)
      if (!parsed.success)
        throw new ServerError(400, `invalid group join (${describeGroupIssue(parsed.error)})`)
      return { role: parsed.data.role, key: keyOf(parsed.data.memberToken) }
    }

    async onCreate(options: unknown) {
      const parsed = GroupJoinOptions.safeParse(options)
      if (!parsed.success) throw new ServerError(400, `invalid group (${describeGroupIssue(parsed.error)})`)
      if (parsed.data.role !== 'docent') throw new ServerError(403, 'only a docent opens a group')
      const stops = deps.tourStops(parsed.data.scene)
      if (stops === undefined) throw new ServerError(404, `scene "${parsed.data.scene}" is not a tour`)
      if (deps.openGroups.size >= deps.maxGroups)
        throw new ServerError(503, 'too many groups are open: end one first')
      this.scene = parsed.data.scene
      this.stops = stops
      this.docentKey = keyOf(parsed.data.memberToken)
      this.roomId = await this.uniqueCode()
      deps.openGroups.add(this.roomId)
      // A few spare seats above the limit, so the next device reaches onJoin and hears why it cannot join.
      this.maxClients = GROUP_MAX_DEVICES + 5
      this.maxMessagesPerSecond = 40
      await this.setMetadata({ scene: this.scene })
      this.onMessage('*', (client, type, message) => this.dispatch(client, type, message))
      deps.log.info({ group: this.roomId, scene: this.scene }, 'groups: opened')
    }

    onJoin(client: Client, _options: unknown, auth: MemberAuth) {
      if (auth.role === 'docent' && auth.key !== this.docentKey)
        throw new ServerError(403, 'this group has its own docent: join it as a visitor')
      for (const [sessionId, m] of this.members) {
        // The same browser again (a reload while its old seat waits): the new connection replaces it.
        if (m.key === auth.key) {
          this.members.delete(sessionId)
          this.clients.getById(sessionId)?.leave()
        }
      }
      if (this.members.size >= GROUP_MAX_DEVICES) throw new ServerError(409, GROUP_FULL_REASON)
      this.members.set(client.sessionId, {
        role: auth.role,
        key: auth.key,
        following: true,
        connected: true,
        hand: false,
        floor: false,
      })
      this.broadcastGroup()
      this.sendEvent(client, 'voice:config', deps.voice ?? { mode: 'mesh' })
      if (auth.role === 'visitor' && this.docentPosition)
        this.sendEvent(client, 'docent', { position: this.docentPosition, pointer: null })
    }

    async onDrop(client: Client) {
      const m = this.members.get(client.sessionId)
      if (m) m.connected = false
      this.broadcastGroup()
      this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined)
    }

    onReconnect(client: Client) {
      const m = this.members.get(client.sessionId)
      if (m) m.connected = true
      this.broadcastGroup()
    }

    onLeave(client: Client) {
      const m = this.members.get(client.sessionId)
      this.members.delete(client.sessionId)
      this.hands = this.hands.filter((id) => id !== client.sessionId)
      this.limiter.forget(client.sessionId)
      // The docent gone for good (not a replaced seat): the group has nobody to follow.
      if (m?.role === 'docent' && ![...this.members.values()].some((o) => o.role === 'docent'))
        return this.end('the docent left')
      this.broadcastGroup()
    }

    onDispose() {
      deps.openGroups.delete(this.roomId)
    }

    onUncaughtException(error: Error, methodName: string) {
      const cause = (error as { cause?: unknown }).cause
      if (cause instanceof ServerError && cause.code < 500) {
        deps.log.info({ group: this.roomId, methodName, reason: cause.message }, 'groups: refused')
        return
      }
      deps.log.error(
        { err: error, group: this.roomId, methodName },
        'groups: handler error (room keeps running)',
      )
    }

    private dispatch(client: Client, type: unknown, raw: unknown) {
      const member = this.members.get(client.sessionId)
      if (!member) return
      if (!isGroupMessageType(type))
        return this.refuse(client, String(type).slice(0, 40), 'unknown message type')
      if (!mayPerformInGroup(member.role, type))
        return this.refuse(
          client,
          type,
          `only the ${member.role === 'docent' ? 'visitors' : 'docent'} may do this`,
        )
      if (!this.limiter.take(client.sessionId, type)) return this.refuse(client, type, 'rate limited', false)
      const parsed = GroupMessages[type].safeParse(raw)
      if (!parsed.success) return this.refuse(client, type, `malformed: ${describeGroupIssue(parsed.error)}`)
      switch (type) {
        case 'docent:stop': {
          const { stopIndex } = parsed.data as GroupMessage<'docent:stop'>
          if (stopIndex >= this.stops) return this.refuse(client, type, `the tour has ${this.stops} stops`)
          if (stopIndex === this.stopIndex) return
          this.stopIndex = stopIndex
          return this.broadcastGroup()
        }
        case 'docent:panels': {
          const panels = parsed.data as GroupMessage<'docent:panels'>
          if (JSON.stringify(panels) === JSON.stringify(this.panels)) return
          this.panels = panels
          return this.broadcastGroup()
        }
        case 'docent:pose': {
          const pose = parsed.data as GroupMessage<'docent:pose'>
          this.docentPosition = pose.position
          for (const other of this.clients) if (other !== client) this.sendEvent(other, 'docent', pose)
          return
        }
        case 'docent:gather':
          return this.gather()
        case 'docent:end':
          return this.end('ended by the docent')
        case 'member:following': {
          member.following = (parsed.data as GroupMessage<'member:following'>).following
          return this.broadcastGroup()
        }
        case 'member:hand': {
          const { up } = parsed.data as GroupMessage<'member:hand'>
          return this.applyFloor(client, type, raiseHand(floorMembers(this.members), client.sessionId, up))
        }
        case 'docent:floor': {
          const { sessionId } = parsed.data as GroupMessage<'docent:floor'>
          return this.applyFloor(client, type, giveFloor(floorMembers(this.members), sessionId))
        }
        case 'voice:signal':
          return this.relayVoice(client, member, parsed.data as GroupMessage<'voice:signal'>)
      }
    }

    private applyFloor(client: Client, type: string, change: FloorChange) {
      if (!change.ok) return this.refuse(client, type, change.reason)
      this.hands = applyFloorChange(this.members, this.hands, change)
      this.broadcastGroup()
    }

    /** Voice reaches the group: offers only from who may speak (the docent, the floor), to a member only. */
    private relayVoice(client: Client, member: Member, signal: GroupMessage<'voice:signal'>) {
      const target = this.members.get(signal.to)
      const other = this.clients.getById(signal.to)
      const refusal = relayRefusal(
        signal,
        { id: client.sessionId, speaks: groupMaySpeak(member) },
        target && other ? { id: signal.to, speaks: groupMaySpeak(target) } : undefined,
      )
      if (refusal) return this.refuse(client, 'voice:signal', refusal)
      const { to: _to, ...rest } = signal
      if (other)
        this.sendEvent(other, 'voice:signal', {
          ...rest,
          from: client.sessionId,
        } as GroupEvent<'voice:signal'>)
    }

    /** Following visitors stand in arcs in front of the docent (the classroom's summon layout). */
    private gather() {
      const at = this.docentPosition
      if (!at) return
      let i = 0
      for (const client of this.clients) {
        const m = this.members.get(client.sessionId)
        if (m?.role !== 'visitor' || !m.following) continue
        this.sendEvent(client, 'gather', gatherSlot([at[0], 0, at[1]], i++))
      }
    }

    private end(why: string) {
      deps.log.info({ group: this.roomId, why }, 'groups: ended')
      this.disconnect(GROUP_ENDED_CLOSE_CODE).catch(() => undefined)
    }

    private broadcastGroup() {
      let following = 0
      let docentOnline = false
      let docentId = ''
      const peerIds: string[] = []
      for (const [sessionId, m] of this.members) {
        if (m.role === 'visitor' && m.following) following++
        if (m.role === 'docent' && m.connected) {
          docentOnline = true
          docentId = sessionId
        }
        if (m.connected) peerIds.push(sessionId)
      }
      const voiceSpeakers = groupSpeakers(this.members)
      for (const client of this.clients) {
        const m = this.members.get(client.sessionId)
        if (!m) continue
        this.sendEvent(client, 'group', {
          code: this.roomId,
          scene: this.scene,
          role: m.role,
          stopIndex: this.stopIndex,
          panels: this.panels,
          members: this.members.size,
          following,
          docentOnline,
          self: { following: m.role === 'docent' || m.following, hand: m.hand, floor: m.floor },
          docentId,
          peerIds,
          speakers: voiceSpeakers,
          hands: this.hands,
        })
      }
    }

    private sendEvent<K extends GroupEventType>(client: Client, type: K, message: GroupEvent<K>) {
      client.send(type, message)
    }

    /** Tells the sender (except for silent rate drops) and logs at most once a second. */
    private refuse(client: Client, type: string, reason: string, tell = true) {
      if (tell) this.sendEvent(client, 'refused', { type, reason })
      const now = Date.now()
      if (now - this.lastWarn > 1000) {
        deps.log.warn({ group: this.roomId, type, reason }, 'groups: message refused')
        this.lastWarn = now
      }
    }

    private async uniqueCode(): Promise<string> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const code = randomRoomCode()
        if ((await matchMaker.query({ roomId: code })).length === 0) return code
      }
      return randomRoomCode(8)
    }
  }
}
