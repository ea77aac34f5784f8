// The staff code check's HTTP contract: a kiosk's staff exit asks the server whether the operator code
// typed on the kiosk is right, before leaving kiosk mode. The code goes in the `x-operator-code` header
// (OPERATOR_CODE_HEADER), never in the URL or the body; the server counts wrong tries like every other
// place the operator code is checked.
import { z } from 'zod'

export { OPERATOR_CODE_HEADER } from '../twin/broker-roles'

export const STAFF_VERIFY_PATH = '/api/staff/verify'

/** 200: the code is right. A wrong code is 403, too many wrong tries 429 (with Retry-After), both `{ error }`. */
export const StaffVerifyResponse = z.object({ ok: z.literal(true) }).strict()
export type StaffVerifyResponse = z.infer<typeof StaffVerifyResponse>

export const StaffVerifyError = z.object({ error: z.string() })
