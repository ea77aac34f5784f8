// A DataSource on a real MQTT broker over WebSocket (mqtt.js). Reconnects forever with a short
// back-off, re-subscribes after a reconnect, and reports connecting / online / offline so the UI can
// show stale data. mqtt.js is loaded on demand so scenes without MQTT never download it.
import type { MqttClient } from 'mqtt'
import { type DataSource, type DataSourceKind, type DataSourceStatus, SourceEvents } from './mqtt-data-source'

export interface BrokerSourceOptions {
  /** Milliseconds between reconnect attempts. Default 2000. */
  reconnectMs?: number
}

export function createBrokerSource(
  url: string,
  kind: DataSourceKind,
  options: BrokerSourceOptions = {},
): DataSource {
  const events = new SourceEvents()
  const filters = new Set<string>()
  let client: MqttClient | null = null
  let closed = false

  void import('mqtt').then(({ default: mqtt }) => {
    if (closed) return
    client = mqtt.connect(url, {
      reconnectPeriod: options.reconnectMs ?? 2000,
      connectTimeout: 5000,
      clean: true,
      resubscribe: true,
      keepalive: 20,
    })
    client.on('connect', () => {
      events.setStatus('online')
      for (const filter of filters) client?.subscribe(filter, { qos: 0 })
    })
    client.on('reconnect', () => events.setStatus('connecting'))
    client.on('offline', () => events.setStatus('offline'))
    client.on('close', () => {
      if (events.status === 'online') events.setStatus('offline')
    })
    // Connection errors surface as status; mqtt.js keeps retrying.
    client.on('error', () => events.setStatus('offline'))
    client.on('message', (topic, payload) => events.emitMessage(topic, payload))
  })

  return {
    kind,
    label: url,
    get status(): DataSourceStatus {
      return events.status
    },
    subscribe(filter) {
      filters.add(filter)
      if (client?.connected) client.subscribe(filter, { qos: 0 })
    },
    async publish(topic, payload) {
      if (!client?.connected) return false
      try {
        await client.publishAsync(topic, payload, { qos: 1, retain: false })
        return true
      } catch {
        return false
      }
    },
    onMessage: (handler) => events.onMessage(handler),
    onStatus: (handler) => events.onStatus(handler),
    close() {
      closed = true
      events.clear()
      client?.end(true)
    },
  }
}
