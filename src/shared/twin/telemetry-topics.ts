// The MQTT topic scheme and payload schemas of the twin, shared by the server (broker validation,
// simulator) and the client (data sources), so both sides accept and reject exactly the same messages.
// The scheme is documented for device integrators in docs/twin-topics.md.
import { z } from 'zod'
import {
  type TwinAsset,
  type TwinContent,
  TwinControlId,
  type TwinMetricId,
  TwinMetricId as TwinMetricIdSchema,
} from '../../schema/kinds/twin'

/** Reserved "asset" segment for the field-sensor batch (the 1000-sensor scale option). */
export const FIELD_SEGMENT = '_field'
/** Reserved "asset" segment for what the server says about itself; only the server publishes there. */
export const SERVER_SEGMENT = '_server'

export const telemetryTopic = (parkId: string, assetId: string, metric: TwinMetricId) =>
  `park/${parkId}/${assetId}/${metric}`
export const commandTopic = (parkId: string, assetId: string) => `park/${parkId}/${assetId}/cmd`
export const ackTopic = (parkId: string, assetId: string) => `park/${parkId}/${assetId}/ack`
export const fieldSensorsTopic = (parkId: string) => `park/${parkId}/${FIELD_SEGMENT}/sensors`
/** The server's retained status of a park (history saved or not); only the server publishes it. */
export const serverStatusTopic = (parkId: string) => `park/${parkId}/${SERVER_SEGMENT}/status`
/** One subscription that receives everything of one park. */
export const parkFilter = (parkId: string) => `park/${parkId}/#`

/** A reading: value, time (ms since epoch) and, optionally, the unit for humans reading raw topics. */
export const TelemetryPayload = z
  .object({ v: z.number().finite(), ts: z.number().int().positive(), unit: z.string().max(16).optional() })
  .strict()
export type TelemetryPayload = z.infer<typeof TelemetryPayload>

/** A control request from a viewer; `value` is 0/1 for on/off and 0–100 for a lighting level. */
export const CommandPayload = z
  .object({
    id: z.string().min(1).max(64),
    control: TwinControlId,
    value: z.number().finite().min(0).max(100),
    ts: z.number().int().positive(),
  })
  .strict()
export type CommandPayload = z.infer<typeof CommandPayload>

/** The park's answer to a command, echoing its id. */
export const AckPayload = z
  .object({
    id: z.string().min(1).max(64),
    ok: z.boolean(),
    ts: z.number().int().positive(),
    reason: z.string().max(200).optional(),
  })
  .strict()
export type AckPayload = z.infer<typeof AckPayload>

/** Field sensors in one message per second: batching keeps 1000 sensors at 1 Hz to one publish. */
export const FieldSensorsPayload = z
  .object({ ts: z.number().int().positive(), v: z.array(z.number().finite().min(-50).max(100)).max(10_000) })
  .strict()
export type FieldSensorsPayload = z.infer<typeof FieldSensorsPayload>

/**
 * `FieldSensorsPayload` checked by hand: the same acceptance as the schema, in one plain loop. A batch of
 * 1000 values arrives every second on every viewer's main thread (and the broker's), where zod's
 * per-element checks cost about 70 times this loop; a unit test holds the two to the same verdicts.
 */
export function isFieldSensorsPayload(json: unknown): json is FieldSensorsPayload {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false
  const keys = Object.keys(json)
  if (keys.length !== 2 || !('ts' in json) || !('v' in json)) return false
  const { ts, v } = json as { ts: unknown; v: unknown }
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts <= 0) return false
  if (!Array.isArray(v) || v.length > 10_000) return false
  for (let i = 0; i < v.length; i++) {
    const x = v[i]
    // NaN fails both comparisons; ±Infinity is outside the range.
    if (typeof x !== 'number' || !(x >= -50 && x <= 100)) return false
  }
  return true
}

/** The server's status of a park: whether recorded history reaches the database. */
export const ServerStatusPayload = z
  .object({
    ts: z.number().int().positive(),
    /** False while the database refuses writes (full or read-only disk): readings are kept in memory only. */
    historySaved: z.boolean(),
    /** Recorded minutes waiting in memory for the database. */
    unsaved: z.number().int().min(0),
  })
  .strict()
export type ServerStatusPayload = z.infer<typeof ServerStatusPayload>

export type ParkMessage =
  | { type: 'telemetry'; assetId: string; metric: TwinMetricId; payload: TelemetryPayload }
  | { type: 'command'; assetId: string; payload: CommandPayload }
  | { type: 'ack'; assetId: string; payload: AckPayload }
  | { type: 'field'; payload: FieldSensorsPayload }
  | { type: 'status'; payload: ServerStatusPayload }

export type ParkMessageResult = { ok: true; message: ParkMessage } | { ok: false; reason: string }

const decoder = new TextDecoder()

/**
 * Parses and validates one publish against the park's scene data: topic shape, park id, known asset and
 * metric, JSON, payload shape and the metric's physical range. Never throws.
 */
export function parseParkMessage(
  twin: TwinContent,
  topic: string,
  payload: Uint8Array | string,
): ParkMessageResult {
  const parts = topic.split('/')
  if (parts.length !== 4 || parts[0] !== 'park')
    return { ok: false, reason: 'topic is not park/<parkId>/<assetId>/<leaf>' }
  const [, parkId, assetId, leaf] = parts
  if (parkId !== twin.parkId) return { ok: false, reason: `unknown park "${parkId}"` }
  let json: unknown
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : decoder.decode(payload))
  } catch {
    return { ok: false, reason: 'payload is not JSON' }
  }
  if (assetId === FIELD_SEGMENT) {
    if (leaf !== 'sensors') return { ok: false, reason: `unknown field topic "${leaf}"` }
    if (isFieldSensorsPayload(json)) return { ok: true, message: { type: 'field', payload: json } }
    // Only a bad batch pays for zod, which words the reason.
    const parsed = FieldSensorsPayload.safeParse(json)
    return parsed.success
      ? { ok: true, message: { type: 'field', payload: parsed.data } }
      : fail(parsed.error)
  }
  if (assetId === SERVER_SEGMENT) {
    if (leaf !== 'status') return { ok: false, reason: `unknown server topic "${leaf}"` }
    const parsed = ServerStatusPayload.safeParse(json)
    return parsed.success
      ? { ok: true, message: { type: 'status', payload: parsed.data } }
      : fail(parsed.error)
  }
  const asset = twin.assets.find((a) => a.id === assetId)
  if (!asset) return { ok: false, reason: `unknown asset "${assetId}"` }
  if (leaf === 'cmd') {
    const parsed = CommandPayload.safeParse(json)
    if (!parsed.success) return fail(parsed.error)
    if (!asset.controls.includes(parsed.data.control))
      return { ok: false, reason: `asset "${assetId}" has no ${parsed.data.control} control` }
    return { ok: true, message: { type: 'command', assetId, payload: parsed.data } }
  }
  if (leaf === 'ack') {
    const parsed = AckPayload.safeParse(json)
    return parsed.success
      ? { ok: true, message: { type: 'ack', assetId, payload: parsed.data } }
      : fail(parsed.error)
  }
  const metric = TwinMetricIdSchema.safeParse(leaf)
  if (!metric.success || !asset.metrics.includes(metric.data))
    return { ok: false, reason: `asset "${assetId}" has no metric "${leaf}"` }
  const parsed = TelemetryPayload.safeParse(json)
  if (!parsed.success) return fail(parsed.error)
  const info = twin.metrics.find((m) => m.id === metric.data)
  if (info && (parsed.data.v < info.valid[0] || parsed.data.v > info.valid[1])) {
    return { ok: false, reason: `value ${parsed.data.v} outside ${info.valid[0]}..${info.valid[1]}` }
  }
  return { ok: true, message: { type: 'telemetry', assetId, metric: metric.data, payload: parsed.data } }
}

function fail(error: z.ZodError): { ok: false; reason: string } {
  const issue = error.issues[0]
  return {
    ok: false,
    reason: `bad payload: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}`,
  }
}

export function assetById(twin: TwinContent, id: string): TwinAsset | undefined {
  return twin.assets.find((a) => a.id === id)
}
