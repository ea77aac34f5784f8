// One park "feed": the simulation plus the alert engine that turns its readings into the per-asset
// "alarm" metric. The server's simulator and the in-browser fallback both publish what this yields.
import type { TwinContent, TwinMetricId } from '../../schema/kinds/twin'
import { AlertEngine, type AlertEvent } from './alert-engine'
import { ParkSimulation, type Sample } from './park-simulation'

export class ParkFeed {
  readonly simulation: ParkSimulation
  readonly alerts: AlertEngine
  private readonly latest = new Map<string, number>()

  constructor(
    private readonly twin: TwinContent,
    options: { seed?: number } = {},
  ) {
    this.simulation = new ParkSimulation(twin, options)
    this.alerts = new AlertEngine(twin.alertRules, twin.assets)
  }

  /** Advances to `now`, returns every reading including each asset's alarm level, and the alert changes. */
  step(now: number): { samples: Sample[]; events: AlertEvent[] } {
    const samples = this.simulation.step(now)
    for (const s of samples) this.latest.set(`${s.assetId}/${s.metric}`, s.v)
    const events = this.alerts.update(now, (assetId: string, metric: TwinMetricId) =>
      this.latest.get(`${assetId}/${metric}`),
    )
    for (const asset of this.twin.assets) {
      if (asset.metrics.includes('alarm'))
        samples.push({ assetId: asset.id, metric: 'alarm', v: this.alerts.levelOf(asset.id), unit: '' })
    }
    return { samples, events }
  }
}
