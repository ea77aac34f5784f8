// The page's side of visitor analytics: events queue in memory and go to the server in batches every few
// seconds, and by beacon when the page is hidden (a visitor closing a tab, a kiosk reloading). A visit is
// a random id kept for the tab's session and drawn anew for the next visitor; nothing else identifies one.
import {
  type AnalyticsEvent,
  EventsRoute,
  MAX_EVENTS_PER_BATCH,
} from '../../shared/analytics/analytics-contracts'

const VISIT_KEY = 'xr-showcase:analytics:visit'
/** localStorage `xr-showcase:analytics` = "off" keeps a browser out (a developer's, a test's). */
const OFF_KEY = 'xr-showcase:analytics'
const FLUSH_MS = 5000
/** Kept at most while the server cannot be reached; the oldest go first. */
const MAX_QUEUED = 500

let queue: AnalyticsEvent[] = []
let timer: ReturnType<typeof setTimeout> | undefined

export function analyticsOff(): boolean {
  try {
    return localStorage.getItem(OFF_KEY) === 'off'
  } catch {
    return true
  }
}

function randomVisitId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** This tab's visit id, drawn on first use. */
export function visitId(): string {
  try {
    const kept = sessionStorage.getItem(VISIT_KEY)
    if (kept && /^[a-z0-9]{8,32}$/.test(kept)) return kept
    const fresh = randomVisitId()
    sessionStorage.setItem(VISIT_KEY, fresh)
    return fresh
  } catch {
    return randomVisitId()
  }
}

/** The next visitor starts: what is queued goes under the old visit, later events under a new one. */
export function startNewVisit(): void {
  flushAnalytics()
  try {
    sessionStorage.setItem(VISIT_KEY, randomVisitId())
  } catch {
    // No session storage: each batch then carries a fresh id, still anonymous.
  }
}

/** Records one event; a no-op where analytics is off. */
export function track(event: AnalyticsEvent): void {
  if (analyticsOff()) return
  queue.push(event)
  if (queue.length > MAX_QUEUED) queue = queue.slice(-MAX_QUEUED)
  timer ??= setTimeout(flushAnalytics, FLUSH_MS)
}

/** Sends what is queued now, by beacon when `leaving` (the page may be gone before a fetch returns). */
export function flushAnalytics(leaving = false): void {
  clearTimeout(timer)
  timer = undefined
  const visit = visitId()
  while (queue.length > 0) {
    const events = queue.splice(0, MAX_EVENTS_PER_BATCH)
    const body = JSON.stringify({ visit, events })
    if (leaving && navigator.sendBeacon?.(EventsRoute.path, new Blob([body], { type: 'application/json' })))
      continue
    void fetch(EventsRoute.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      keepalive: true,
    })
      .then((response) => {
        // Refused as malformed: sending it again would not help. Server away or busy: keep it for later.
        if (response.status === 429 || response.status >= 500) requeue(events)
      })
      .catch(() => requeue(events))
  }
}

function requeue(events: AnalyticsEvent[]): void {
  queue = [...events, ...queue].slice(-MAX_QUEUED)
  timer ??= setTimeout(flushAnalytics, FLUSH_MS * 6)
}

/** What is waiting to be sent (the debug view and unit tests read it). */
export function queuedAnalytics(): readonly AnalyticsEvent[] {
  return queue
}
