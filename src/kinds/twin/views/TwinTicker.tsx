// The twin's per-frame driver at the kindLogic stage: advances the runtime (replay clock; rules, alerts
// and command timeouts at ~4 Hz) and lets the store copy over what a viewer sees, only when it changed.
import { useFrameStage } from '../../../platform/frame'
import { syncFromRuntime } from '../twin-store'
import { useTwinRuntime } from './twin-context'

export function TwinTicker() {
  const runtime = useTwinRuntime()
  useFrameStage('kindLogic', (_, delta) => {
    const now = Date.now()
    runtime.tick(now, delta)
    syncFromRuntime(runtime, now)
  })
  return null
}
