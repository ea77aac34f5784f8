// Server module for staff at a kiosk: `POST /api/staff/verify` answers whether the operator code in the
// `x-operator-code` header is right, so a kiosk's staff exit can leave kiosk mode. It checks through the
// server's one operator-code guard, so guesses here count with those at the twin and the venue console
// (lockout per address and overall). The body is ignored and the code is never logged.
import {
  OPERATOR_CODE_HEADER,
  STAFF_VERIFY_PATH,
  type StaffVerifyResponse,
} from '../../shared/staff/http-contracts'
import type { ServerContext, ServerModule } from '../module'

export function createStaffModule(ctx: ServerContext): ServerModule {
  return {
    name: 'staff',
    register(app) {
      app.post(STAFF_VERIFY_PATH, { bodyLimit: 1024 }, async (req, reply) => {
        reply.header('cache-control', 'no-store')
        const check = ctx.operatorGuard.check(req.ip, req.headers[OPERATOR_CODE_HEADER])
        if (!check.ok) {
          if (check.status === 429) reply.header('retry-after', String(check.retryAfterSeconds))
          return reply.code(check.status).send({ error: check.reason })
        }
        const answer: StaffVerifyResponse = { ok: true }
        return answer
      })
    },
  }
}
