// What a docent-led tour group and the server say to each other, as zod schemas: the server parses every
// join and message with them (a malformed one is refused with a reason, never trusted) and the client
// parses the server's events with the same table. One docent opens the group and alone moves its stop;
// visitors join by the group's code, follow, and may step out and back in.
import { z } from 'zod'
import { ID_PATTERN } from '../scene-id'
import { PeerId, VoiceConfig, VoiceSignalIn, VoiceSignalOut } from '../voice/voice-signals'
import { ROOM_CODE_PATTERN } from './room-code'

/** The Colyseus room type of a tour group. */
export const TOUR_GROUP_ROOM = 'tour-group'
/** Devices in one group at most, the docent's included; the next is told the group is full. */
export const GROUP_MAX_DEVICES = 20
export const GROUP_FULL_REASON = `the group is full (${GROUP_MAX_DEVICES} devices)`
/** Close code when the docent ends the group: members do not rejoin. */
export const GROUP_ENDED_CLOSE_CODE = 4210
/** How often the docent's pointer and position go out at most. */
export const DOCENT_POSE_HZ = 10
/** A tour has far fewer stops; this bounds what a client can name. */
export const MAX_STOPS = 200

export const GROUP_ROLES = ['docent', 'visitor'] as const
export type GroupRole = (typeof GROUP_ROLES)[number]

/** A world coordinate in metres, finite and inside any hall we build. */
const Coord = z.number().finite().min(-1000).max(1000)
export const Point3 = z.tuple([Coord, Coord, Coord])
export type Point3 = z.infer<typeof Point3>

export const GroupCode = z.string().regex(ROOM_CODE_PATTERN, 'code must be 5–8 letters or digits')

export const GroupJoinOptions = z
  .object({
    scene: z.string().regex(ID_PATTERN, 'scene must be a scene id'),
    role: z.enum(GROUP_ROLES),
    /** This browser's random token (sessionStorage): a docent rejoining after a drop is known by it. */
    memberToken: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'memberToken must be 16–64 url-safe characters'),
  })
  .strict()
export type GroupJoinOptions = z.infer<typeof GroupJoinOptions>

/** An exhibit card's id: a hotspot's, or a panorama hotspot's as `panorama:<id>`. */
const CardId = z.string().regex(/^(panorama:)?[a-z0-9][a-z0-9-]{0,63}$/, 'card must be a hotspot id')

/** What the docent has open at the stop; following visitors see (and hear) it open too. */
export const DocentPanels = z
  .object({
    card: CardId.nullable(),
    panorama: z.boolean(),
    /** The then-and-now slider: 0 the historical picture, 1 today's. */
    thenNow: z.number().min(0).max(1),
    timeline: z.string().regex(ID_PATTERN).nullable(),
  })
  .strict()
export type DocentPanels = z.infer<typeof DocentPanels>
/** Nothing open: how a stop starts. */
export const NO_PANELS: DocentPanels = { card: null, panorama: false, thenNow: 0, timeline: null }

/** Client→server messages; `docent:*` only from the group's docent. */
export const GroupMessages = {
  /** The docent's tour is at this stop (-1: not started). */
  'docent:stop': z.object({ stopIndex: z.number().int().min(-1).max(MAX_STOPS) }).strict(),
  /** The docent opened or closed a card, the panorama, the then-and-now slider or a timeline event. */
  'docent:panels': DocentPanels,
  /** Where the docent stands (floor x, z) and where their pointer's ray meets the scene (null: nowhere). */
  'docent:pose': z.object({ position: z.tuple([Coord, Coord]), pointer: Point3.nullable() }).strict(),
  /** Gather the following members around the docent's spot. */
  'docent:gather': z.object({}).strict(),
  /** End the group for everyone. */
  'docent:end': z.object({}).strict(),
  /** A visitor steps out of the group (tours alone) or back in. */
  'member:following': z.object({ following: z.boolean() }).strict(),
  /** A visitor raises (or lowers) a hand to ask the docent for the floor. */
  'member:hand': z.object({ up: z.boolean() }).strict(),
  /** The docent gives the floor to one visitor, or takes it back (''): the classroom's rules (voice-floor.ts). */
  'docent:floor': z.object({ sessionId: z.union([PeerId, z.literal('')]) }).strict(),
  /** Live voice (the docent's, to the group): an offer, answer or bye for one member, relayed. */
  'voice:signal': VoiceSignalOut,
} as const
export type GroupMessageType = keyof typeof GroupMessages
export type GroupMessage<T extends GroupMessageType> = z.infer<(typeof GroupMessages)[T]>

export function isGroupMessageType(type: unknown): type is GroupMessageType {
  return typeof type === 'string' && Object.hasOwn(GroupMessages, type)
}

export function mayPerformInGroup(role: GroupRole, type: GroupMessageType): boolean {
  // Both sides signal voice: the docent offers, visitors answer (the room refuses offers from visitors).
  if (type === 'voice:signal') return true
  return type.startsWith('docent:') ? role === 'docent' : role === 'visitor'
}

/** Server→client events, parsed by the client with these too. */
export const GroupEvents = {
  /** The group as this member sees it; sent on join and on every change. */
  group: z
    .object({
      code: GroupCode,
      scene: z.string(),
      role: z.enum(GROUP_ROLES),
      stopIndex: z.number().int().min(-1).max(MAX_STOPS),
      /** What the docent has open at that stop. */
      panels: DocentPanels,
      /** Devices in the group, the docent's included. */
      members: z.number().int().min(0).max(GROUP_MAX_DEVICES),
      /** Visitors following the docent now. */
      following: z.number().int().min(0).max(GROUP_MAX_DEVICES),
      docentOnline: z.boolean(),
      /** This member follows the docent (always true for the docent); its hand is up; it holds the floor. */
      self: z.object({ following: z.boolean(), hand: z.boolean(), floor: z.boolean() }).strict(),
      /** Live voice: the docent's session id ('' while away) and every connected member's, for the docent. */
      docentId: z.union([PeerId, z.literal('')]),
      peerIds: z.array(PeerId).max(GROUP_MAX_DEVICES + 5),
      /** Who may speak now: the docent, and the visitor holding the floor (voice-floor.ts `speakers`). */
      speakers: z.array(PeerId).max(GROUP_MAX_DEVICES + 5),
      /** Visitors with a hand up, first raised first: the docent gives the floor to the first. */
      hands: z.array(PeerId).max(GROUP_MAX_DEVICES + 5),
    })
    .strict(),
  /** The docent's position and pointer, relayed to the visitors. */
  docent: z.object({ position: z.tuple([Coord, Coord]), pointer: Point3.nullable() }).strict(),
  /** Move here (a gather); only following members get it. */
  gather: z.object({ position: Point3, yaw: z.number().finite() }).strict(),
  /** A message was refused (role, validation or rate); never fatal. */
  refused: z.object({ type: z.string().max(40), reason: z.string().max(200) }).strict(),
  /** Live voice: a signal from another member. */
  'voice:signal': VoiceSignalIn,
  /** How voice travels in this group (peer to peer, or the venue's SFU). */
  'voice:config': VoiceConfig,
} as const
export type GroupEventType = keyof typeof GroupEvents
export type GroupEvent<T extends GroupEventType> = z.infer<(typeof GroupEvents)[T]>

/** The first problem of a failed parse, in words, with where it was. */
export function describeGroupIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid'
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}
