// Every network call of the twin: where live data comes from (server broker, an external broker the
// server allows, or the in-browser simulator), the 24 h history for replay and the chart, and saving an
// inspection report (with the operator code in a header).
// Answers are parsed with the shared contracts, so a server that changed shape fails here, clearly.
import type { z } from 'zod'
import { type DataSource, selectDataSource } from '../../platform/realtime'
import type { TwinContent } from '../../schema/kinds/twin'
import { OPERATOR_CODE_HEADER } from '../../shared/twin/broker-roles'
import {
  describeZodError,
  type HistoryQuery,
  HistoryResponse,
  type HistoryRow,
  type InspectionReportRequest,
  InspectionSavedResponse,
  ParksResponse,
  TwinConfigResponse,
  TwinErrorResponse,
} from '../../shared/twin/http-contracts'
import { createBrowserParkSource } from './logic/browser-park-source'
import { setRefusedBroker } from './twin-access'

export const DAY_MS = 24 * 3600_000

/** Reads a JSON answer: the server's own error text on a failure status, the contract's type otherwise. */
async function parseAnswer<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const json: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const error = TwinErrorResponse.safeParse(json)
    throw new Error(`${what}: HTTP ${res.status}${error.success ? ` ${error.data.error}` : ''}`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new Error(`${what}: unexpected answer (${describeZodError('body', parsed.error)})`)
  return parsed.data
}

/**
 * True when this page's server runs the park. Static hosting answers 404 or the HTML shell (false); a
 * JSON answer that breaks the contract throws, and the source selection then falls back too.
 */
export async function serverHasPark(parkId: string): Promise<boolean> {
  const res = await fetch('/api/twin/parks', { headers: { accept: 'application/json' } })
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return false
  const body = await parseAnswer(res, ParksResponse, 'GET /api/twin/parks')
  return body.parks.includes(parkId)
}

/** The brokers `?mqtt=` may name, from the server's configuration (TWIN_MQTT_ALLOW). */
export async function fetchMqttAllowlist(): Promise<string[]> {
  const res = await fetch('/api/twin/config', { headers: { accept: 'application/json' } })
  return (await parseAnswer(res, TwinConfigResponse, 'GET /api/twin/config')).mqttAllow
}

/**
 * The park's live data: `?mqtt=` (only a broker the server allows; anything else is refused and shown in
 * the HUD) or the scene's broker, else the server's, else the in-browser simulator.
 */
export function openParkSource(twin: TwinContent, mqttOverride: string | undefined): Promise<DataSource> {
  setRefusedBroker(null)
  return selectDataSource({
    urlOverride: mqttOverride,
    allowOverride: async (url) => (await fetchMqttAllowlist()).includes(url),
    onOverrideRefused: (url) => {
      console.warn(`twin: ?mqtt=${url} refused: not in the server's TWIN_MQTT_ALLOW`)
      setRefusedBroker(url)
    },
    configuredUrl: twin.brokerUrl,
    fallback: () => createBrowserParkSource(twin),
    serverProbe: () => serverHasPark(twin.parkId),
  })
}

/** Recorded points of the park (or one asset) between `from` and `to`, `step` minutes per point. */
export async function fetchHistory(
  parkId: string,
  query: HistoryQuery,
  signal?: AbortSignal,
): Promise<HistoryRow[]> {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value))
  const res = await fetch(`/api/twin/${encodeURIComponent(parkId)}/history?${search}`, { signal })
  return (await parseAnswer(res, HistoryResponse, 'history')).points
}

/** The last 24 h of the whole park, two minutes per point: what a replay plays. */
export function fetchDayHistory(parkId: string, now = Date.now(), asset?: string, signal?: AbortSignal) {
  return fetchHistory(parkId, { from: now - DAY_MS, to: now, step: 2, asset }, signal)
}

/** Saves a finished inspection with the operator code; resolves to the report's id and CSV path. */
export async function saveInspection(
  parkId: string,
  report: InspectionReportRequest,
  operatorCode: string,
): Promise<InspectionSavedResponse> {
  const res = await fetch(`/api/twin/${encodeURIComponent(parkId)}/inspections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPERATOR_CODE_HEADER]: operatorCode },
    body: JSON.stringify(report),
  })
  return parseAnswer(res, InspectionSavedResponse, 'saving the inspection report')
}
