// The kiosk's one network call: asks the server whether the operator code typed at the staff exit is
// right. The code travels in a header, never in the address.
import {
  OPERATOR_CODE_HEADER,
  STAFF_VERIFY_PATH,
  StaffVerifyResponse,
} from '../../shared/staff/http-contracts'

export type StaffCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  | { ok: false; reason: 'failed' }

export async function verifyOperatorCode(code: string): Promise<StaffCheck> {
  try {
    const res = await fetch(STAFF_VERIFY_PATH, {
      method: 'POST',
      headers: { [OPERATOR_CODE_HEADER]: code },
      cache: 'no-store',
    })
    if (res.status === 403) return { ok: false, reason: 'wrong' }
    if (res.status === 429)
      return { ok: false, reason: 'locked', retryAfterSeconds: Number(res.headers.get('retry-after')) || 60 }
    if (!res.ok) return { ok: false, reason: 'failed' }
    StaffVerifyResponse.parse(await res.json())
    return { ok: true }
  } catch {
    return { ok: false, reason: 'failed' }
  }
}
