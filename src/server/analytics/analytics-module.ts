// Server module for anonymous visitor analytics: pages post their events (no code: every visitor's page
// reports, bounded in size and rate per address), staff read a daily summary and a CSV export behind the
// operator code. A full disk loses the batch with a 503 and a warning, never the process.
import type { FastifyInstance } from 'fastify'
import { EventsRoute, type SummaryResponse } from '../../shared/analytics/analytics-contracts'
import type { ServerContext, ServerModule } from '../module'
import { requireOperator } from '../security/operator-check'
import { RateLimiter } from '../security/rate-limiter'
import { AnalyticsStore } from './analytics-store'

export const DEFAULT_RETENTION_DAYS = 90
const PRUNE_EVERY_MS = 3600 * 1000
/** Days the summary covers. */
const SUMMARY_DAYS = 14

export async function createAnalyticsModule(ctx: ServerContext): Promise<ServerModule> {
  const { log, operatorGuard } = ctx
  const store = new AnalyticsStore(ctx.db, ctx.config.analyticsRetentionDays ?? DEFAULT_RETENTION_DAYS)
  // A page sends a batch every few seconds at most; a burst covers a reload's flush.
  const limiter = new RateLimiter({}, { perSecond: 1, burst: 10 })
  let pruneTimer: NodeJS.Timeout | undefined

  const prune = () => {
    try {
      const removed = store.prune()
      if (removed > 0) log.info({ removed }, 'analytics: events past the retention deleted')
    } catch (error) {
      log.warn({ err: error }, 'analytics: could not delete old events')
    }
  }

  return {
    name: 'analytics',
    register(app: FastifyInstance) {
      app.post(EventsRoute.path, { bodyLimit: EventsRoute.maxBytes }, async (req, reply) => {
        if (!limiter.take(req.ip, 'events'))
          return reply.code(429).send({ error: 'too many analytics batches' })
        const body = EventsRoute.body.safeParse(req.body)
        if (!body.success) {
          const issue = body.error.issues[0]
          return reply.code(400).send({ error: `${issue.path.join('.') || 'body'}: ${issue.message}` })
        }
        try {
          store.record(body.data.visit, body.data.events)
        } catch (error) {
          log.warn({ err: error }, 'analytics: events not stored')
          return reply.code(503).send({ error: 'analytics not stored' })
        }
        return reply.code(204).send()
      })
      app.get('/api/analytics/summary', async (req, reply) => {
        if (Object.keys(req.query as object).length > 0)
          return reply
            .code(400)
            .send({ error: 'the operator code goes in the x-operator-code header, never in the URL' })
        if (!requireOperator(operatorGuard, log, req, reply, 'analytics')) return reply
        reply.header('cache-control', 'no-store')
        const response: SummaryResponse = {
          days: store.summary(SUMMARY_DAYS),
          retentionDays: store.retentionDays,
        }
        return response
      })
      app.get('/api/analytics/events.csv', async (req, reply) => {
        if (Object.keys(req.query as object).length > 0)
          return reply
            .code(400)
            .send({ error: 'the operator code goes in the x-operator-code header, never in the URL' })
        if (!requireOperator(operatorGuard, log, req, reply, 'analytics')) return reply
        reply
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="visitor-analytics.csv"')
          .type('text/csv; charset=utf-8')
        return store.csv()
      })
    },
    start() {
      prune()
      pruneTimer = setInterval(prune, PRUNE_EVERY_MS)
      pruneTimer.unref()
    },
    close() {
      clearInterval(pruneTimer)
    },
  }
}
