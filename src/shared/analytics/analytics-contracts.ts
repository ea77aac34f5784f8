// Anonymous visitor analytics (issue 13 item 7) as zod contracts, shared by the pages that report and the
// server that stores: what happened in which scene, never who. A visit is a random id a page draws when a
// visitor starts (and again after a kiosk reset); no name, device id, address or free text is kept.
import { z } from 'zod'
import { ID_PATTERN } from '../scene-id'

const SceneIdField = z.string().regex(ID_PATTERN, 'scene must be a scene id (a-z, 0-9, -)')

const Seconds = z
  .number()
  .finite()
  .min(0)
  .max(24 * 3600)
const Short = z.string().regex(ID_PATTERN, 'an id (a-z, 0-9, -)')

export const AnalyticsEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scene-entered'), scene: SceneIdField }),
  z.strictObject({ type: z.literal('scene-left'), scene: SceneIdField, seconds: Seconds }),
  z.strictObject({ type: z.literal('vr-entered'), scene: SceneIdField.nullable() }),
  z.strictObject({ type: z.literal('tour-stop'), scene: SceneIdField, stop: Short, seconds: Seconds }),
  z.strictObject({ type: z.literal('tour-completed'), scene: SceneIdField }),
  z.strictObject({ type: z.literal('hall-task-completed'), scene: SceneIdField }),
  z.strictObject({
    type: z.literal('quiz-scored'),
    scene: SceneIdField,
    correct: z.number().int().min(0).max(100),
    total: z.number().int().min(1).max(100),
  }),
  // The kind of failure only (an error's class, a scene that would not load), never a message that could
  // carry what a visitor typed.
  z.strictObject({ type: z.literal('error'), scene: SceneIdField.nullable(), what: Short }),
])
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>
export type AnalyticsEventType = AnalyticsEvent['type']

export const MAX_EVENTS_PER_BATCH = 50

/** POST /api/analytics/events: a page's queued events, sent every few seconds and when it is hidden. */
export const EventsRoute = {
  method: 'POST',
  path: '/api/analytics/events',
  body: z.strictObject({
    visit: z.string().regex(/^[a-z0-9]{8,32}$/, 'a visit id is 8–32 lowercase letters and digits'),
    events: z.array(AnalyticsEvent).min(1).max(MAX_EVENTS_PER_BATCH),
  }),
  /** Bytes: 50 events of the largest shape fit with room to spare. */
  maxBytes: 16 * 1024,
} as const
export type EventsBatch = z.infer<typeof EventsRoute.body>

export const SceneDay = z.object({
  scene: z.string(),
  entries: z.number(),
  /** Mean seconds per entry that ended (a page that vanished without leaving counts no time). */
  meanSeconds: z.number().nullable(),
})

export const DaySummary = z.object({
  /** YYYY-MM-DD in the server's time zone. */
  day: z.string(),
  visits: z.number(),
  vrEntries: z.number(),
  toursCompleted: z.number(),
  hallTasksCompleted: z.number(),
  /** Mean share of right answers over scored quizzes, 0–1. */
  meanQuizScore: z.number().nullable(),
  errors: z.number(),
  scenes: z.array(SceneDay),
})
export type DaySummary = z.infer<typeof DaySummary>

/** GET /api/analytics/summary (operator code in the header): one row per day, oldest first. */
export const SummaryRoute = {
  method: 'GET',
  path: '/api/analytics/summary',
  response: z.object({ days: z.array(DaySummary), retentionDays: z.number() }),
} as const
export type SummaryResponse = z.infer<typeof SummaryRoute.response>

/** GET /api/analytics/events.csv (operator code in the header): every stored event, for a spreadsheet. */
export const CsvRoute = { method: 'GET', path: '/api/analytics/events.csv' } as const
