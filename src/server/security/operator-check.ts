// The operator code check every staff route makes: the code in the x-operator-code header, through the
// server's one guard, answering 403 or 429 (with Retry-After) itself when it fails.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import { OPERATOR_CODE_HEADER } from '../../shared/twin/broker-roles'
import type { CodeGuard } from './code-guard'

/** True when the request carries the right code; otherwise the reply is sent and false returned. */
export function requireOperator(
  guard: CodeGuard,
  log: FastifyBaseLogger,
  req: FastifyRequest,
  reply: FastifyReply,
  area: string,
): boolean {
  const check = guard.check(req.ip, req.headers[OPERATOR_CODE_HEADER])
  if (check.ok) return true
  if (check.status === 429) {
    reply.header('retry-after', String(check.retryAfterSeconds))
    log.warn({ ip: req.ip }, `${area}: operator code locked out after wrong tries`)
  }
  reply.code(check.status).send({ error: check.reason })
  return false
}
