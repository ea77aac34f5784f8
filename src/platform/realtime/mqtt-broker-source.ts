// A DataSource on a real MQTT broker over WebSocket (mqtt.js). Reconnects forever with a short
// back-off, re-subscribes after a reconnect, and reports connecting / online / offline so the UI can
// show stale data. mqtt.js is loaded on demand so scenes without MQTT never download it.
// Anonymous by default; `login` reconnects with a user name and password (e.g. the twin's operator) and
// falls back to the previous connection when the broker refuses them.
import type { IClientOptions, MqttClient } from 'mqtt'
import {
  type DataSource,
  type DataSourceKind,
  type DataSourceStatus,
  type LoginResult,
  SourceEvents,
} from './mqtt-data-source'

export interface BrokerSourceOptions {
  /** Milliseconds between reconnect attempts. Default 2000. */
  reconnectMs?: number
}

type Credentials = { username: string; password: string } | null

export function createBrokerSource(
  url: string,
  kind: DataSourceKind,
  options: BrokerSourceOptions = {},
): DataSource {
  const events = new SourceEvents()
  const filters = new Set<string>()
  let client: MqttClient | null = null
  let closed = false
  let credentials: Credentials = null
  const mqttModule = import('mqtt').then((m) => m.default)

  const settings = (login: Credentials, reconnect: boolean): IClientOptions => ({
    reconnectPeriod: reconnect ? (options.reconnectMs ?? 2000) : 0,
    connectTimeout: 5000,
    clean: true,
    resubscribe: true,
    keepalive: 20,
    ...(login ?? {}),
  })

  const wire = (c: MqttClient) => {
    c.on('connect', () => {
      events.setStatus('online')
      for (const filter of filters) c.subscribe(filter, { qos: 0 })
    })
    c.on('reconnect', () => events.setStatus('connecting'))
    c.on('offline', () => events.setStatus('offline'))
    c.on('close', () => {
      if (events.status === 'online') events.setStatus('offline')
    })
    // Connection errors surface as status; mqtt.js keeps retrying.
    c.on('error', () => events.setStatus('offline'))
    c.on('message', (topic, payload) => events.emitMessage(topic, payload))
  }

  /** Replaces the connection; resolves once the new one is up (or after its connect timeout). */
  const open = async (login: Credentials): Promise<void> => {
    const mqtt = await mqttModule
    if (closed) return
    client?.end(true)
    const next = mqtt.connect(url, settings(login, true))
    client = next
    wire(next)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000)
      next.once('connect', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
  void open(null)

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
    async login(username, password): Promise<LoginResult> {
      const mqtt = await mqttModule
      if (closed) return 'unavailable'
      // Try the credentials on a connection of their own, without retries, so a refusal leaves the
      // current (anonymous) connection and its subscriptions untouched.
      const trial = mqtt.connect(url, settings({ username, password }, false))
      const result = await new Promise<LoginResult>((resolve) => {
        trial.once('connect', () => resolve('ok'))
        trial.once('error', (error: Error & { code?: number }) =>
          resolve(error.code === 4 ? 'refused' : error.code === 5 ? 'locked' : 'unavailable'),
        )
        trial.once('close', () => resolve('unavailable'))
      })
      if (result !== 'ok' || closed) {
        trial.end(true)
        return closed ? 'unavailable' : result
      }
      trial.end(true)
      credentials = { username, password }
      // Commands sent right after the login go out on the operator's connection.
      await open(credentials)
      return 'ok'
    },
    logout() {
      if (!credentials) return
      credentials = null
      void open(null)
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
