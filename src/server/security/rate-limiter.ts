// Per-client, per-message-type token buckets: a flood of one kind of message is dropped without
// starving the others, and without disconnecting a merely over-eager client.
export interface RateRule {
  /** Tokens refilled per second. */
  perSecond: number
  /** Bucket size: how many may arrive at once. */
  burst: number
}

interface Bucket {
  tokens: number
  last: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly rules: Record<string, RateRule>,
    private readonly fallback: RateRule,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token for `key`'s `type`; false means drop the message. */
  take(key: string, type: string): boolean {
    const rule = this.rules[type] ?? this.fallback
    const id = `${key}\u0000${type}`
    const t = this.now()
    const bucket = this.buckets.get(id) ?? { tokens: rule.burst, last: t }
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.last) / 1000) * rule.perSecond)
    bucket.last = t
    const ok = bucket.tokens >= 1
    if (ok) bucket.tokens -= 1
    this.buckets.set(id, bucket)
    return ok
  }

  forget(key: string): void {
    for (const id of this.buckets.keys()) if (id.startsWith(`${key}\u0000`)) this.buckets.delete(id)
  }
}
