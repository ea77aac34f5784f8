// Picks where live data comes from: an explicit broker (`?mqtt=` or the scene's own broker URL), else
// the app server's broker, else — when that does not answer in time (static hosting) — a fallback
// the caller supplies, typically an in-browser simulation.
import { createBrokerSource } from './mqtt-broker-source'
import { type DataSource, serverBrokerUrl } from './mqtt-data-source'

export interface SourceChoice {
  /** `?mqtt=` from the page URL: wins over everything it is allowed to (see allowOverride). */
  urlOverride?: string
  /**
   * Whether the server's configuration allows this `?mqtt=` broker. Without it, or when it says no (or
   * fails), the override is not used: `onOverrideRefused` is told, and the choice goes on as without it.
   */
  allowOverride?: (url: string) => Promise<boolean>
  onOverrideRefused?: (url: string) => void
  /** A broker named by the content (e.g. the scene file). */
  configuredUrl?: string
  /** Builds the fallback when the server broker does not answer. */
  fallback: () => DataSource
  /**
   * Asks the app server over HTTP whether it runs a broker for this content (e.g. a JSON endpoint).
   * A definite answer, unlike a WebSocket timeout, does not depend on how busy the device is.
   * Without it, the broker itself is probed for `probeMs`.
   */
  serverProbe?: () => Promise<boolean>
  /** How long to wait for the server broker when there is no serverProbe. Default 8000 ms. */
  probeMs?: number
}

const WS_URL = /^wss?:\/\/[^\s]+$/

export async function selectDataSource(choice: SourceChoice): Promise<DataSource> {
  let override = choice.urlOverride
  if (override) {
    const allowed = WS_URL.test(override) && (await choice.allowOverride?.(override).catch(() => false))
    if (!allowed) {
      choice.onOverrideRefused?.(override)
      override = undefined
    }
  }
  const explicit = [override, choice.configuredUrl].find((u) => u && WS_URL.test(u))
  // An explicit broker is used even when it is down: the visitor asked for it, and it reconnects.
  if (explicit) return createBrokerSource(explicit, 'external')
  if (choice.serverProbe) {
    const available = await choice.serverProbe().catch(() => false)
    return available ? createBrokerSource(serverBrokerUrl(), 'server') : choice.fallback()
  }
  const server = createBrokerSource(serverBrokerUrl(), 'server')
  const online = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => done(false), choice.probeMs ?? 8000)
    const off = server.onStatus((status) => {
      if (status === 'online') done(true)
    })
    function done(value: boolean) {
      clearTimeout(timer)
      off()
      resolve(value)
    }
  })
  if (online) return server
  server.close()
  return choice.fallback()
}
