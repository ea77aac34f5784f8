// The in-browser fallback: the same park model the server runs, publishing into a local data source
// once a second and answering commands, so the twin works when the app is served as static files.
import { createLocalSource } from '../../../platform/realtime'
import type { TwinContent } from '../../../schema/kinds/twin'
import { ParkFeed } from '../../../shared/twin/park-feed'
import { ackTopic, parseParkMessage, telemetryTopic } from '../../../shared/twin/telemetry-topics'

export function createBrowserParkSource(twin: TwinContent) {
  const source = createLocalSource('in-browser simulator', 'simulator')
  const feed = new ParkFeed(twin, { seed: Date.now() % 100_000 })
  const tick = () => {
    const now = Date.now()
    for (const s of feed.step(now).samples) {
      source.inject(
        telemetryTopic(twin.parkId, s.assetId, s.metric),
        JSON.stringify({ v: s.v, ts: now, unit: s.unit || undefined }),
        true,
      )
    }
  }
  source.onPublish((topic, payload) => {
    const parsed = parseParkMessage(twin, topic, payload)
    if (!parsed.ok || parsed.message.type !== 'command') return
    const { assetId, payload: cmd } = parsed.message
    const result = feed.simulation.applyCommand(assetId, cmd.control, cmd.value)
    source.inject(
      ackTopic(twin.parkId, assetId),
      JSON.stringify({
        id: cmd.id,
        ok: result.ok,
        ts: Date.now(),
        ...(result.ok ? {} : { reason: result.reason }),
      }),
    )
    if (result.ok) tick()
  })
  tick()
  const timer = setInterval(tick, 1000)
  const close = source.close
  source.close = () => {
    clearInterval(timer)
    close()
  }
  return source
}
