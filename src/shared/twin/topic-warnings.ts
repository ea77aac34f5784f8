// Bad telemetry is dropped with one warning per topic, not one per message: a device stuck sending
// garbage at 10 Hz must not flood the log. Shared by the server's broker and the viewer.
// Someone spraying random topics can neither flood the log nor use the warnings up: at most `perWindow`
// topics are warned about per window (the rest are counted and reported as one summary line per window),
// and the memory of warned topics keeps only the most recent `limit`, so a bad topic that comes after a
// flood is still logged once the window has passed.
export interface TopicWarningsOptions {
  /** Topics warned about individually per window. Default 50. */
  perWindow?: number
  /** Default 60 s. */
  windowMs?: number
  now?: () => number
}

export interface WarningSummary {
  /** Dropped messages not logged one by one in the window that ended. */
  suppressed: number
  /** Distinct topics among them (up to the memory limit). */
  topics: number
}

export class TopicWarnings {
  /** Topics already warned about, oldest first (a Map keeps insertion order). */
  private readonly warned = new Map<string, true>()
  private readonly perWindow: number
  private readonly windowMs: number
  private readonly now: () => number
  private windowStart = 0
  private inWindow = 0
  private suppressed = 0
  private readonly suppressedTopics = new Set<string>()

  constructor(
    /** Topics remembered as already warned about; the oldest are forgotten first. */
    private readonly limit: number,
    options: TopicWarningsOptions = {},
  ) {
    this.perWindow = options.perWindow ?? 50
    this.windowMs = options.windowMs ?? 60_000
    this.now = options.now ?? Date.now
  }

  /** True the first time a topic is seen, within the window's budget (then it should be logged). */
  firstFor(topic: string): boolean {
    if (this.warned.has(topic)) return false
    const t = this.now()
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t
      this.inWindow = 0
    }
    if (this.inWindow >= this.perWindow) {
      this.suppressed++
      if (this.suppressedTopics.size < this.limit) this.suppressedTopics.add(topic)
      return false
    }
    this.inWindow++
    this.warned.set(topic, true)
    if (this.warned.size > this.limit) {
      const oldest = this.warned.keys().next().value
      if (oldest !== undefined) this.warned.delete(oldest)
    }
    return true
  }

  /**
   * What was not logged one by one, once per window: call it from a timer; null when there is nothing to
   * report (or the window is still open). Reading it resets the count.
   */
  takeSummary(): WarningSummary | null {
    if (this.suppressed === 0 || this.now() - this.windowStart < this.windowMs) return null
    const summary = { suppressed: this.suppressed, topics: this.suppressedTopics.size }
    this.suppressed = 0
    this.suppressedTopics.clear()
    return summary
  }
}
