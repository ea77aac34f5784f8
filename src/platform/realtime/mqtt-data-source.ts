// The data-source contract every MQTT-fed experience reads through, whatever is behind it: the app
// server's embedded broker, an external broker (EMQX, Mosquitto …) or an in-browser simulation.
// Kind-agnostic: topics and payloads are the kind's business.

export type DataSourceKind = 'server' | 'external' | 'simulator'
export type DataSourceStatus = 'connecting' | 'online' | 'offline'

export type MessageHandler = (topic: string, payload: Uint8Array | string) => void

/**
 * How a login went: accepted; refused (wrong name or password, MQTT return code 4); locked (not
 * authorised, code 5: e.g. too many wrong tries); unavailable (no answer).
 */
export type LoginResult = 'ok' | 'refused' | 'locked' | 'unavailable'

export interface DataSource {
  readonly kind: DataSourceKind
  /** What to show the visitor, e.g. the broker URL. */
  readonly label: string
  readonly status: DataSourceStatus
  /** Subscribes to an MQTT topic filter (+ and # wildcards). Survives reconnects. */
  subscribe(filter: string): void
  /** Publishes at QoS 1, not retained. Resolves false when the source cannot send right now. */
  publish(topic: string, payload: string): Promise<boolean>
  onMessage(handler: MessageHandler): () => void
  onStatus(handler: (status: DataSourceStatus) => void): () => void
  /**
   * Reconnects with a user name and password (a broker that checks roles, e.g. an operator login); on
   * refusal it reconnects as before. Absent on sources without logins (the in-browser simulation).
   */
  login?(username: string, password: string): Promise<LoginResult>
  /** Back to an anonymous connection. */
  logout?(): void
  close(): void
}

/** The app server's broker on this same origin: ws(s)://<host>/mqtt. */
export function serverBrokerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
  path = '/mqtt',
): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`
}

/** True when an MQTT topic matches a filter with + and # wildcards. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/')
  const t = topic.split('/')
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return i > 0 || !topic.startsWith('$')
    if (i >= t.length) return false
    if (f[i] === '+') {
      if (i === 0 && topic.startsWith('$')) return false
      continue
    }
    if (f[i] !== t[i]) return false
  }
  return f.length === t.length
}

/** Shared listener bookkeeping for DataSource implementations. */
export class SourceEvents {
  private readonly messageHandlers = new Set<MessageHandler>()
  private readonly statusHandlers = new Set<(status: DataSourceStatus) => void>()
  status: DataSourceStatus = 'connecting'

  onMessage(handler: MessageHandler): () => void {
    this.messageHandlers.add(handler)
    return () => this.messageHandlers.delete(handler)
  }

  onStatus(handler: (status: DataSourceStatus) => void): () => void {
    this.statusHandlers.add(handler)
    return () => this.statusHandlers.delete(handler)
  }

  emitMessage(topic: string, payload: Uint8Array | string): void {
    for (const handler of this.messageHandlers) {
      try {
        handler(topic, payload)
      } catch (error) {
        // One bad handler must not starve the others or break the socket loop.
        console.warn('data source: a message handler failed', error)
      }
    }
  }

  setStatus(status: DataSourceStatus): void {
    if (status === this.status) return
    this.status = status
    for (const handler of this.statusHandlers) handler(status)
  }

  clear(): void {
    this.messageHandlers.clear()
    this.statusHandlers.clear()
  }
}
