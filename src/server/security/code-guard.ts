// Guards a staff code (the teacher code today; operator and later staff codes reuse it) against guessing.
// Every failed try counts against the caller's address and against the whole server:
// - per address: after `maxFailures` wrong codes the address is locked out, and each further lockout
//   doubles (back-off) up to `maxLockoutMs`; a right code clears the address's record;
// - global: more than `globalMaxFailures` wrong codes within `globalWindowMs` from all addresses together
//   lock the code for everyone for `globalLockoutMs`, so a botnet of addresses gains nothing either.
// While locked, even the right code is refused: a guesser must not learn that a guess was right.
// The comparison never exits early, so response time does not tell how much of a guess matched.
import { timingSafeEqual } from 'node:crypto'

export interface CodeGuardOptions {
  /** Wrong codes from one address before it is locked out. Default 5. */
  maxFailures?: number
  /** First lockout of an address; doubles with each further lockout. Default 30 s. */
  baseLockoutMs?: number
  /** Longest lockout of one address. Default 15 min. */
  maxLockoutMs?: number
  /** Wrong codes from all addresses together within `globalWindowMs` before everyone is locked out. Default 50. */
  globalMaxFailures?: number
  /** Default 10 min. */
  globalWindowMs?: number
  /** Default 60 s. */
  globalLockoutMs?: number
  /** Addresses remembered at most; the oldest records go first (memory stays bounded). Default 10 000. */
  maxAddresses?: number
  now?: () => number
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; status: 403; reason: string }
  | { ok: false; status: 429; reason: string; retryAfterSeconds: number }

interface AddressRecord {
  failures: number
  lockouts: number
  lockedUntil: number
}

export class CodeGuard {
  private readonly addresses = new Map<string, AddressRecord>()
  private globalFailures: number[] = []
  private globalLockedUntil = 0
  private readonly o: Required<Omit<CodeGuardOptions, 'now'>>
  private readonly now: () => number

  constructor(
    /** What the code is for, in messages and logs, e.g. "teacher code". */
    readonly label: string,
    private readonly code: string,
    options: CodeGuardOptions = {},
  ) {
    if (!code) throw new Error(`${label} is empty`)
    this.now = options.now ?? Date.now
    this.o = {
      maxFailures: options.maxFailures ?? 5,
      baseLockoutMs: options.baseLockoutMs ?? 30_000,
      maxLockoutMs: options.maxLockoutMs ?? 15 * 60_000,
      globalMaxFailures: options.globalMaxFailures ?? 50,
      globalWindowMs: options.globalWindowMs ?? 10 * 60_000,
      globalLockoutMs: options.globalLockoutMs ?? 60_000,
      maxAddresses: options.maxAddresses ?? 10_000,
    }
  }

  /** Checks `presented` for `address`; a missing or wrong code counts as a failed try. */
  check(address: string, presented: unknown): CodeCheck {
    const t = this.now()
    const locked = Math.max(this.globalLockedUntil, this.addresses.get(address)?.lockedUntil ?? 0)
    if (locked > t) return this.tooMany(locked - t)
    if (typeof presented === 'string' && sameText(presented, this.code)) {
      this.addresses.delete(address)
      return { ok: true }
    }
    return this.fail(address, t)
  }

  private fail(address: string, t: number): CodeCheck {
    const record = this.addresses.get(address) ?? { failures: 0, lockouts: 0, lockedUntil: 0 }
    // Re-insert so the map's order is least-recently-failed first, for pruning.
    this.addresses.delete(address)
    this.addresses.set(address, record)
    if (this.addresses.size > this.o.maxAddresses) {
      const oldest = this.addresses.keys().next().value
      if (oldest !== undefined) this.addresses.delete(oldest)
    }
    record.failures++
    this.globalFailures = this.globalFailures.filter((at) => t - at < this.o.globalWindowMs)
    this.globalFailures.push(t)
    if (this.globalFailures.length > this.o.globalMaxFailures) {
      this.globalLockedUntil = t + this.o.globalLockoutMs
      this.globalFailures = []
    }
    if (record.failures >= this.o.maxFailures) {
      record.failures = 0
      record.lockedUntil = t + Math.min(this.o.maxLockoutMs, this.o.baseLockoutMs * 2 ** record.lockouts)
      record.lockouts++
    }
    const locked = Math.max(this.globalLockedUntil, record.lockedUntil)
    if (locked > t) return this.tooMany(locked - t)
    return { ok: false, status: 403, reason: `wrong ${this.label}` }
  }

  private tooMany(ms: number): CodeCheck {
    const retryAfterSeconds = Math.ceil(ms / 1000)
    return {
      ok: false,
      status: 429,
      reason: `too many wrong tries of the ${this.label}: try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    }
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  // Compare equal-length buffers so the time depends only on the code's length, not on the guess.
  return timingSafeEqual(x.length === y.length ? x : y, y) && x.length === y.length
}
