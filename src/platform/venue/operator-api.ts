// The operator console's calls to the venue API: every response parsed with the shared contracts, the
// staff code only ever in the `x-operator-code` header (held in memory by the page, never stored).
import { z } from 'zod'
import { CsvRoute, type SummaryResponse, SummaryRoute } from '../../shared/analytics/analytics-contracts'
import {
  CommandResponse,
  DevicesRoute,
  type DeviceView,
  ErrorResponse,
  OPERATOR_CODE_HEADER,
} from '../../shared/venue/http-contracts'
import type { VenueCommand } from '../../shared/venue/venue-messages'

export type { CommandResponse, DeviceView, SummaryResponse, VenueCommand }

export type OperatorResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; reason: string; retryAfterSeconds?: number }

async function call<T>(
  path: string,
  code: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<OperatorResult<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        [OPERATOR_CODE_HEADER]: code,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    })
  } catch (error) {
    return { ok: false, status: 0, reason: (error as Error).message }
  }
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(json)
    const retry = Number(response.headers.get('retry-after'))
    return {
      ok: false,
      status: response.status,
      reason: parsed.success ? parsed.data.error : `HTTP ${response.status}`,
      ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}),
    }
  }
  const parsed = schema.safeParse(json)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, status: response.status, reason: 'unexpected answer from the server' }
}

export function fetchDevices(code: string): Promise<OperatorResult<DeviceView[]>> {
  return call(
    DevicesRoute.path,
    code,
    DevicesRoute.response.transform((r) => r.devices),
  )
}

/** Sends a command to one device (by id) or to all online devices ('all'), resolving with their answers. */
export function sendVenueCommand(
  code: string,
  target: string | 'all',
  command: VenueCommand,
): Promise<OperatorResult<CommandResponse>> {
  const path =
    target === 'all' ? '/api/venue/commands' : `/api/venue/devices/${encodeURIComponent(target)}/commands`
  return call(path, code, CommandResponse, command)
}

/** Text fields of a command as typed in the console, before the server cleans them. */
export const ConsoleMessageInput = z.string().trim().min(1).max(200)

/** The visitor analytics' daily summary (anonymous counts and times). */
export function fetchAnalyticsSummary(code: string): Promise<OperatorResult<SummaryResponse>> {
  return call(SummaryRoute.path, code, SummaryRoute.response)
}

/** Every stored analytics event as a CSV file, for a download. */
export async function fetchAnalyticsCsv(code: string): Promise<OperatorResult<Blob>> {
  try {
    const response = await fetch(CsvRoute.path, {
      headers: { [OPERATOR_CODE_HEADER]: code },
      cache: 'no-store',
    })
    if (!response.ok) return { ok: false, status: response.status, reason: `HTTP ${response.status}` }
    return { ok: true, value: await response.blob() }
  } catch (error) {
    return { ok: false, status: 0, reason: (error as Error).message }
  }
}
