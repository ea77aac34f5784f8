// An in-memory DataSource with MQTT semantics (wildcard subscriptions, retained messages) for when
// no broker answers, e.g. the app served as static files. A simulation publishes into it with
// `inject` and receives what viewers publish through `onPublish`.
import { type DataSource, type DataSourceKind, SourceEvents, topicMatches } from './mqtt-data-source'

export interface LocalSource extends DataSource {
  /** Delivers a message to subscribers as if a broker had routed it. */
  inject(topic: string, payload: string, retain?: boolean): void
  /** Called for every publish by the viewer (e.g. commands), so the simulation can react. */
  onPublish(handler: (topic: string, payload: string) => void): () => void
}

export function createLocalSource(label: string, kind: DataSourceKind = 'simulator'): LocalSource {
  const events = new SourceEvents()
  const filters: string[] = []
  const retained = new Map<string, string>()
  const publishHandlers = new Set<(topic: string, payload: string) => void>()
  let closed = false
  events.status = 'online'

  const deliver = (topic: string, payload: string) => {
    if (!closed && filters.some((f) => topicMatches(f, topic))) events.emitMessage(topic, payload)
  }

  return {
    kind,
    label,
    get status() {
      return events.status
    },
    subscribe(filter) {
      filters.push(filter)
      for (const [topic, payload] of retained)
        if (topicMatches(filter, topic)) events.emitMessage(topic, payload)
    },
    async publish(topic, payload) {
      if (closed) return false
      // Like a broker, hand the message on asynchronously.
      queueMicrotask(() => {
        for (const handler of publishHandlers) handler(topic, payload)
        deliver(topic, payload)
      })
      return true
    },
    inject(topic, payload, retain = false) {
      if (retain) retained.set(topic, payload)
      deliver(topic, payload)
    },
    onPublish(handler) {
      publishHandlers.add(handler)
      return () => publishHandlers.delete(handler)
    },
    onMessage: (handler) => events.onMessage(handler),
    onStatus: (handler) => events.onStatus(handler),
    close() {
      closed = true
      events.setStatus('offline')
      events.clear()
    },
  }
}
