// What a venue device and the server say to each other in the venue room, as zod schemas: the server
// parses every message with them (a malformed one is refused with a reason, never trusted), the
// device's venue service is typed from the same table. Operators do not join the room: they use the
// HTTP API (http-contracts.ts), which sends its commands to devices through here.
import { z } from 'zod'
import { cleanDisplayName } from '../display-name'
import { ID_PATTERN } from '../scene-id'

/** The one venue room's name and fixed id: devices join it by id, and rejoin it after a server restart. */
export const VENUE_ROOM = 'venue'
export const VENUE_ROOM_ID = 'venue'

/** Longest staff-given device name ("展台 A-3" fits many times over). */
export const DEVICE_NAME_MAX_LENGTH = 32
/** Longest message staff may show on a device. */
export const NOTICE_MAX_LENGTH = 200
/** Reports a device may send per second at most; the service sends one every REPORT_INTERVAL_MS. */
export const REPORT_INTERVAL_MS = 500

export const SceneIdField = z.string().regex(ID_PATTERN, 'scene must be a scene id (a-z, 0-9, -)')
export const DeviceIdField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'deviceId must be 8–64 letters, digits, - or _')
/** A typed name, cleaned like every display name; empty after cleaning is refused. */
export const DeviceNameField = z
  .string()
  .max(256)
  .transform((raw) => cleanDisplayName(raw, DEVICE_NAME_MAX_LENGTH))
  .pipe(z.string().min(1, 'name is empty'))

export const DEVICE_MODES = ['vr', 'ar', 'desktop', 'touch'] as const
export type DeviceMode = (typeof DEVICE_MODES)[number]
export const LANGS = ['zh', 'en'] as const

/** What a device reports a few times a second; every field is bounded. */
export const DeviceReport = z
  .object({
    name: DeviceNameField,
    /** The open scene, or null in the lobby. */
    scene: SceneIdField.nullable(),
    mode: z.enum(DEVICE_MODES),
    lang: z.enum(LANGS),
    /** Seconds since the visitor's last input (a worn headset counts as input). */
    idleSeconds: z.number().int().min(0).max(10_000_000),
    fps: z.number().min(0).max(1000),
    version: z.string().min(1).max(40),
  })
  .strict()
export type DeviceReport = z.infer<typeof DeviceReport>

/** What a device passes when it joins the venue room: who it is and its first report. */
export const DeviceJoinOptions = z.object({ deviceId: DeviceIdField, report: DeviceReport }).strict()
export type DeviceJoinOptions = z.input<typeof DeviceJoinOptions>

/** Everything staff can ask a device to do. */
export const VenueCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open-scene'), scene: SceneIdField }).strict(),
  z.object({ type: z.literal('lobby') }).strict(),
  z.object({ type: z.literal('set-lang'), lang: z.enum(LANGS) }).strict(),
  /** The kiosk's reset for the next visitor (lobby, default settings, visit forgotten, XR ended). */
  z.object({ type: z.literal('reset') }).strict(),
  /** A kiosk's attract loop (a fly-through of the scenes until a visitor touches it), and back to the lobby. */
  z.object({ type: z.literal('start-attract') }).strict(),
  z.object({ type: z.literal('stop-attract') }).strict(),
  z
    .object({
      type: z.literal('message'),
      text: z
        .string()
        .max(1000)
        .transform((raw) => cleanDisplayName(raw, NOTICE_MAX_LENGTH))
        .pipe(z.string().min(1, 'text is empty')),
      /** How long the device shows it; default 20 s. */
      seconds: z.number().int().min(3).max(600).default(20),
    })
    .strict(),
  z.object({ type: z.literal('rename'), name: DeviceNameField }).strict(),
])
export type VenueCommand = z.infer<typeof VenueCommand>
export type VenueCommandType = VenueCommand['type']
export const VENUE_COMMAND_TYPES = [
  'open-scene',
  'lobby',
  'set-lang',
  'reset',
  'start-attract',
  'stop-attract',
  'message',
  'rename',
] as const satisfies readonly VenueCommandType[]

/** A device's answer to one command. */
export const CommandAck = z
  .object({
    id: z.string().min(1).max(64),
    ok: z.boolean(),
    /** Why a device could not do it (e.g. a scene it does not have). */
    detail: z.string().max(200).optional(),
  })
  .strict()
export type CommandAck = z.infer<typeof CommandAck>

/** Device→server messages. */
export const DeviceMessages = {
  report: DeviceReport,
  ack: CommandAck,
} as const
export type DeviceMessageType = keyof typeof DeviceMessages

export function isDeviceMessageType(type: unknown): type is DeviceMessageType {
  return typeof type === 'string' && Object.hasOwn(DeviceMessages, type)
}

/** Server→device messages. */
export interface VenueServerEvents {
  /** Do this and answer with an `ack` carrying the same id. */
  command: { id: string; command: VenueCommand }
  /** A message was refused (unknown type, malformed, too frequent); never fatal. */
  refused: { type: string; reason: string }
}

/** The first problem of a failed parse, in words, with where it was. */
export function describeVenueIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid'
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}
