// Bad telemetry is dropped with one warning per topic, not one per message: a device stuck sending
// garbage at 10 Hz must not flood the log. Shared by the server's broker and the viewer. Past `limit`
// distinct topics (someone spraying random topics) drops are no longer logged at all.
export class TopicWarnings {
  private readonly warned = new Set<string>()

  constructor(private readonly limit: number) {}

  /** True the first time a topic is seen (then it should be logged), false ever after. */
  firstFor(topic: string): boolean {
    if (this.warned.has(topic) || this.warned.size >= this.limit) return false
    this.warned.add(topic)
    return true
  }
}
