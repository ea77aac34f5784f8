// The venue's operator HTTP API as zod contracts: the server validates every request with them (400 with
// the first problem in words), the operator console parses every response with them. Every route takes
// the operator code in the `x-operator-code` header, never in the URL.
import { z } from 'zod'
import { OPERATOR_CODE_HEADER } from '../twin/broker-roles'
import { DEVICE_MODES, DeviceIdField, LANGS, VenueCommand } from './venue-messages'

export { OPERATOR_CODE_HEADER }

/** The routes take no query: a code in the URL would land in logs and history, so any query is refused. */
export const OperatorQuery = z.strictObject(
  {},
  { error: () => 'the operator code goes in the x-operator-code header, never in the URL' },
)

export const ErrorResponse = z.object({ error: z.string() })

/** The last command a device answered (or did not). */
export const AckView = z.object({
  commandId: z.string(),
  type: z.string(),
  status: z.enum(['acknowledged', 'refused', 'no-answer', 'offline']),
  detail: z.string().optional(),
  /** The device answered after the command's wait had ended (a device busy loading a scene). */
  late: z.boolean().optional(),
  /** Milliseconds since the epoch, server clock. */
  at: z.number(),
})
export type AckView = z.infer<typeof AckView>

export const DeviceView = z.object({
  id: z.string(),
  name: z.string(),
  scene: z.string().nullable(),
  mode: z.enum(DEVICE_MODES),
  lang: z.enum(LANGS),
  idleSeconds: z.number(),
  fps: z.number(),
  version: z.string(),
  online: z.boolean(),
  /** When the server last heard from it (ms since the epoch, server clock). */
  lastSeen: z.number(),
  lastAck: AckView.optional(),
})
export type DeviceView = z.infer<typeof DeviceView>

/** GET /api/venue/devices: every device this server has seen since it started, online first. */
export const DevicesRoute = {
  method: 'GET',
  path: '/api/venue/devices',
  query: OperatorQuery,
  response: z.object({ devices: z.array(DeviceView) }),
} as const
export type DevicesResponse = z.infer<typeof DevicesRoute.response>

/** What a command route answers once every targeted device acknowledged, or after the wait. */
export const CommandResponse = z.object({
  commandId: z.string(),
  results: z.array(AckView.extend({ deviceId: z.string() })),
})
export type CommandResponse = z.infer<typeof CommandResponse>

/** POST /api/venue/devices/:id/commands: one device. 404 for a device never seen, 409 if it is offline. */
export const DeviceCommandRoute = {
  method: 'POST',
  path: '/api/venue/devices/:id/commands',
  params: z.object({ id: DeviceIdField }),
  query: OperatorQuery,
  body: VenueCommand,
  response: CommandResponse,
} as const

/** POST /api/venue/commands: every online device. */
export const BroadcastCommandRoute = {
  method: 'POST',
  path: '/api/venue/commands',
  query: OperatorQuery,
  body: VenueCommand,
  response: CommandResponse,
} as const

/** How long a command route waits for acknowledgements before it answers. */
export const ACK_WAIT_MS = 5000
