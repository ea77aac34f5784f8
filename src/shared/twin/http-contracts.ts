// The twin's HTTP endpoints as zod contracts, shared by the server (which validates every request with
// them and answers 400 with the first problem) and the viewer's api.ts (which parses every answer with
// them, so a changed server shows up as a clear error, never as a wrong cast).
import { z } from 'zod'
import { ID_PATTERN } from '../scene-id'

/** Every error answer of these endpoints. */
export const TwinErrorResponse = z.object({ error: z.string() })
export type TwinErrorResponse = z.infer<typeof TwinErrorResponse>

/** Path parameter of every per-park endpoint: the scene's `twin.parkId`. */
export const ParkParams = z.object({
  park: z.string().regex(ID_PATTERN, 'park must be a park id (a-z, 0-9 and -, at most 64)'),
})
export type ParkParams = z.infer<typeof ParkParams>

// ---- GET /api/twin/parks -------------------------------------------------------------------------

/** The parks this server runs (a viewer probes it to choose the server's broker). */
export const ParksResponse = z.object({ parks: z.array(z.string()) })
export type ParksResponse = z.infer<typeof ParksResponse>

// ---- GET /api/twin/:park/history ------------------------------------------------------------------

export const MAX_HISTORY_STEP_MINUTES = 60

/** The window (ms since epoch, default the last 24 h), minutes per averaged point, and one asset or all. */
export const HistoryQuery = z
  .object({
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().positive().optional(),
    step: z.coerce.number().int().min(1).max(MAX_HISTORY_STEP_MINUTES).default(1),
    asset: z.string().regex(ID_PATTERN, 'asset must be an asset id').optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
export type HistoryQuery = z.input<typeof HistoryQuery>

/** One recorded point: [asset, metric, ts, v]. Tuples keep 24 h of a park small on the wire. */
export const HistoryRow = z.tuple([z.string(), z.string(), z.number(), z.number()])
export type HistoryRow = z.infer<typeof HistoryRow>

export const HistoryResponse = z.object({
  park: z.string(),
  from: z.number(),
  to: z.number(),
  points: z.array(HistoryRow),
})
export type HistoryResponse = z.infer<typeof HistoryResponse>

// ---- POST /api/twin/:park/inspections -------------------------------------------------------------

export const InspectionItemInput = z
  .object({
    asset: z.string().min(1).max(64),
    result: z.enum(['pass', 'fail']),
    note: z.string().max(500).default(''),
    /** Readings at the time of the check, metric → value. */
    readings: z.record(z.string().max(32), z.number().finite()).default({}),
    /** Alerts or rule badges active at the stop. */
    anomalies: z.array(z.string().max(200)).max(20).default([]),
    checkedAt: z.number().int().positive(),
  })
  .strict()

export const InspectionReportInput = z
  .object({
    inspector: z.string().trim().min(1).max(60),
    startedAt: z.number().int().positive(),
    finishedAt: z.number().int().positive(),
    items: z.array(InspectionItemInput).min(1).max(50),
  })
  .strict()
/** What the server stores (defaults filled in). */
export type InspectionReportInput = z.infer<typeof InspectionReportInput>
/** What a client may send (defaulted fields optional). */
export type InspectionReportRequest = z.input<typeof InspectionReportInput>

export const InspectionSavedResponse = z.object({
  id: z.number().int().positive(),
  csv: z.string(),
  /**
   * The CSV's full URL on the server's LAN address, for a QR code a visitor's phone can open (a kiosk
   * page is often on localhost, which a phone cannot reach). Absent when the server has no LAN address.
   */
  lanUrl: z.string().optional(),
})
export type InspectionSavedResponse = z.infer<typeof InspectionSavedResponse>

// ---- GET /api/twin/:park/inspections --------------------------------------------------------------

export const InspectionSummary = z.object({
  id: z.number().int(),
  inspector: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  passCount: z.number().int(),
  failCount: z.number().int(),
})
export type InspectionSummary = z.infer<typeof InspectionSummary>

export const InspectionListResponse = z.object({ reports: z.array(InspectionSummary) })
export type InspectionListResponse = z.infer<typeof InspectionListResponse>

// ---- GET /api/twin/:park/inspections/:file (CSV) --------------------------------------------------

export const InspectionCsvParams = ParkParams.extend({
  file: z.string().regex(/^\d{1,12}\.csv$/, 'file must be <report id>.csv'),
})
export type InspectionCsvParams = z.infer<typeof InspectionCsvParams>

export const inspectionCsvPath = (park: string, id: number) => `/api/twin/${park}/inspections/${id}.csv`

/** "query.step: Too big: expected number to be <=60": the first problem, where it is, for a 400 body. */
export function describeZodError(where: string, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return `${where}: invalid`
  const path = issue.path.map(String).join('.')
  return `${where}${path ? `.${path}` : ''}: ${issue.message}`
}

// ---- GET /api/twin/config ------------------------------------------------------------------------

/** The server's settings a viewer needs: external brokers `?mqtt=` may name (TWIN_MQTT_ALLOW). */
export const TwinConfigResponse = z.object({ mqttAllow: z.array(z.string()) })
export type TwinConfigResponse = z.infer<typeof TwinConfigResponse>
