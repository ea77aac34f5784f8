// The twin's per-frame driver at the kindLogic stage: advances the runtime (replay clock; rules, alerts
// and command timeouts at ~4 Hz), says each newly raised alert (twin-voice.ts) and lets the store copy
// over what a viewer sees, only when it changed.
import { useEffect } from 'react'
import { useFrameStage } from '../../../platform/frame'
import { syncFromRuntime } from '../twin-store'
import { announceAlert, resetTwinVoice } from '../twin-voice'
import { useTwinRuntime } from './twin-context'

export function TwinTicker() {
  const runtime = useTwinRuntime()
  useEffect(() => resetTwinVoice, [])
  useFrameStage('kindLogic', (_, delta) => {
    const now = Date.now()
    for (const e of runtime.tick(now, delta)) if (e.type === 'raised') announceAlert(e.alert, runtime)
    syncFromRuntime(runtime, now)
  })
  return null
}
