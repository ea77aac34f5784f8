// The analytics service's public surface: kinds and the app import from here, never from its files.
export type { AnalyticsEvent } from '../../shared/analytics/analytics-contracts'
export { flushAnalytics, queuedAnalytics, startNewVisit, track } from './analytics-queue'
export { type FailureKind, trackError } from './track-error'
export { useVisitAnalytics } from './use-visit-analytics'
