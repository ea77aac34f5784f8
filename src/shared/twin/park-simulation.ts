// The park's physics, plain TypeScript with no I/O: daily load curves, weather, solar following the
// sun, indoor climate, chargers, random energy spikes, and the effect of control commands. The server's
// simulator and the in-browser fallback source both run this same model.
import type { TwinAsset, TwinContent, TwinControlId, TwinMetricId } from '../../schema/kinds/twin'
import { seededRandom } from '../seeded-random'

export interface Sample {
  assetId: string
  metric: TwinMetricId
  v: number
  unit: string
}

export interface AssetControlState {
  hvacOn: boolean
  setpoint: number
  /** Manual lighting level 0–100, or null to follow the automatic schedule. */
  lightingOverride: number | null
  chargersEnabled: boolean
}

interface AssetState extends AssetControlState {
  temperature: number
  co2: number
  energyKwh: number
  day: number
  fault: { until: number; targetKw: number } | null
}

export interface Weather {
  /** Outdoor air temperature, ℃. */
  outdoorC: number
  /** 0 clear … 1 overcast. */
  cloud: number
  /** Sun height factor 0 (night) … 1 (noon). */
  sun: number
}

export type CommandResult = { ok: true } | { ok: false; reason: string }

/** The shared mulberry32: the same seed replays the same park. */
export { seededRandom }

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)))
  return t * t * (3 - 2 * t)
}

/** Local hour of day as a fraction, 0 ≤ h < 24. */
export function hourOfDay(ms: number): number {
  const d = new Date(ms)
  return d.getHours() + d.getMinutes() / 60 + d.getSeconds() / 3600
}

/** Activity 0–1 over the day: ramps up before the busy hours, dips at lunch, ramps down after. */
export function activityAt(hour: number, busy: readonly [number, number]): number {
  const [start, end] = busy
  if (end - start >= 24) return 1
  const up = smoothstep(start - 1.5, start + 0.5, hour)
  const down = 1 - smoothstep(end - 0.5, end + 1.5, hour)
  const lunch = hour >= 12 && hour < 13 ? 0.85 : 1
  return Math.max(0, up * down * lunch)
}

/** Sun height factor: 0 at night, a sine arc from 06:00 to 18:00 peaking at noon. */
export function sunAt(hour: number): number {
  return hour <= 6 || hour >= 18 ? 0 : Math.sin(((hour - 6) / 12) * Math.PI)
}

const UNITS: Record<TwinMetricId, string> = {
  power: 'kW',
  energyToday: 'kWh',
  solar: 'kW',
  temperature: '℃',
  humidity: '%',
  co2: 'ppm',
  occupancy: 'people',
  hvacOn: '',
  hvacSetpoint: '℃',
  lighting: '%',
  chargersInUse: '',
  alarm: '',
}

const round = (v: number, decimals: number) => {
  const f = 10 ** decimals
  return Math.round(v * f) / f
}

export class ParkSimulation {
  private readonly states = new Map<string, AssetState>()
  private readonly random: () => number
  private lastStep: number | null = null
  private cloud = 0.3

  constructor(
    private readonly twin: TwinContent,
    options: { seed?: number } = {},
  ) {
    this.random = seededRandom(options.seed ?? 20240601)
    for (const asset of twin.assets) {
      this.states.set(asset.id, {
        hvacOn: true,
        setpoint: asset.type === 'datacenter' ? 22 : 24,
        lightingOverride: null,
        chargersEnabled: true,
        temperature: asset.type === 'datacenter' ? 23 : 24,
        co2: 450,
        energyKwh: 0,
        day: -1,
        fault: null,
      })
    }
  }

  weather(now: number): Weather {
    const hour = hourOfDay(now)
    // A mild day: 18 ℃ before dawn, 29 ℃ mid-afternoon.
    const outdoorC = 23.5 - 5.5 * Math.cos(((hour - 3) / 24) * 2 * Math.PI)
    return { outdoorC, cloud: this.cloud, sun: sunAt(hour) }
  }

  controlState(assetId: string): AssetControlState | undefined {
    const s = this.states.get(assetId)
    return (
      s && {
        hvacOn: s.hvacOn,
        setpoint: s.setpoint,
        lightingOverride: s.lightingOverride,
        chargersEnabled: s.chargersEnabled,
      }
    )
  }

  /** Applies a control command; the next step's telemetry shows its effect. */
  applyCommand(assetId: string, control: TwinControlId, value: number): CommandResult {
    const asset = this.twin.assets.find((a) => a.id === assetId)
    const state = this.states.get(assetId)
    if (!asset || !state) return { ok: false, reason: `unknown asset ${assetId}` }
    if (!asset.controls.includes(control))
      return { ok: false, reason: `${assetId} has no ${control} control` }
    if (control === 'hvac') state.hvacOn = value >= 0.5
    else if (control === 'chargers') state.chargersEnabled = value >= 0.5
    else state.lightingOverride = Math.min(100, Math.max(0, value))
    return { ok: true }
  }

  /** Forces an energy spike: the asset's load jumps to `factor` × its contract for `seconds`. */
  injectSpike(assetId: string, now: number, seconds = 120, factor = 1.2): boolean {
    const asset = this.twin.assets.find((a) => a.id === assetId)
    const state = this.states.get(assetId)
    if (!asset || !state) return false
    state.fault = { until: now + seconds * 1000, targetKw: asset.contractKw * factor }
    return true
  }

  /** Advances the model to `now` (ms) and returns one reading per metric of every asset. */
  step(now: number): Sample[] {
    const first = this.lastStep === null
    const dt = first ? 1 : Math.min(60, Math.max(0, (now - (this.lastStep ?? now)) / 1000))
    this.lastStep = now
    // Clouds drift slowly: a bounded random walk.
    this.cloud = Math.min(0.9, Math.max(0, this.cloud + (this.random() - 0.5) * 0.02 * dt))
    const weather = this.weather(now)
    const hour = hourOfDay(now)
    const day = Math.floor((now - new Date(now).getTimezoneOffset() * 60_000) / 86_400_000)
    const samples: Sample[] = []
    for (const asset of this.twin.assets) {
      const state = this.states.get(asset.id)!
      if (state.day !== day) {
        state.day = day
        // A fresh day starts at the energy the load curve implies for the hours already past, so a
        // viewer opening at noon does not see 0 kWh.
        state.energyKwh = first ? this.estimateEnergySoFar(asset, hour) : 0
      }
      this.stepAsset(asset, state, now, dt, hour, weather, samples)
    }
    return samples
  }

  private estimateEnergySoFar(asset: TwinAsset, hour: number): number {
    let kwh = 0
    for (let h = 0; h < hour; h += 0.25)
      kwh +=
        (asset.simulation.baseKw + asset.simulation.peakKw * activityAt(h, asset.simulation.busyHours)) * 0.25
    return kwh
  }

  private stepAsset(
    asset: TwinAsset,
    s: AssetState,
    now: number,
    dt: number,
    hour: number,
    w: Weather,
    out: Sample[],
  ): void {
    const sim = asset.simulation
    const noise = () => 1 + (this.random() - 0.5) * 0.04
    const activity = activityAt(hour, sim.busyHours)
    const occupancy = Math.round(asset.capacity * activity * (0.92 + this.random() * 0.08))
    const autoLighting =
      asset.type === 'grounds'
        ? w.sun > 0.15
          ? 0
          : 100
        : activity > 0.2
          ? Math.round(70 + 20 * activity)
          : 10
    const lighting = s.lightingOverride ?? autoLighting

    // Random spikes: a faulty machine or a surge, held for one to four minutes.
    if (!s.fault && this.random() < (sim.faultsPerHour * dt) / 3600) {
      s.fault = {
        until: now + (60 + this.random() * 180) * 1000,
        targetKw: asset.contractKw * (1.05 + this.random() * 0.2),
      }
    }
    if (s.fault && now >= s.fault.until) s.fault = null

    const demand = sim.baseKw + sim.peakKw * activity
    const heatLoad = 1 + Math.max(0, w.outdoorC - 22) * 0.04
    const hvacKw = s.hvacOn ? demand * sim.hvacShare * heatLoad : 0
    const lightingKw = demand * sim.lightingShare * (lighting / 100)
    const otherKw = demand * (1 - sim.hvacShare - sim.lightingShare)
    let chargersInUse = 0
    let power: number
    if (asset.type === 'chargers') {
      chargersInUse = s.chargersEnabled
        ? Math.min(asset.capacity, Math.round(asset.capacity * activity * (0.5 + this.random() * 0.5)))
        : 0
      power = sim.baseKw + chargersInUse * (sim.peakKw / Math.max(1, asset.capacity)) * noise()
    } else {
      power = Math.max(0, (hvacKw + lightingKw + otherKw) * noise())
    }
    if (s.fault) power = Math.max(power, s.fault.targetKw * noise())
    const solar = sim.solarKwp * w.sun * (1 - 0.7 * w.cloud) * noise()

    // Indoor climate relaxes towards the set point with HVAC on, towards outdoors plus internal heat without.
    const internalGain = asset.type === 'datacenter' ? 18 : 3 * activity
    const target = s.hvacOn ? s.setpoint + 0.5 * activity : w.outdoorC + internalGain
    const tau = asset.type === 'datacenter' && !s.hvacOn ? 300 : 900
    s.temperature += (target - s.temperature) * Math.min(1, dt / tau)
    const density = asset.capacity > 0 ? occupancy / asset.capacity : 0
    const co2Target = 420 + density * (s.hvacOn ? 700 : 1400)
    s.co2 += (co2Target - s.co2) * Math.min(1, dt / 600)
    const humidity = 45 + 10 * w.cloud + (s.hvacOn ? -5 : 5)
    s.energyKwh += (power * dt) / 3600

    const values: Partial<Record<TwinMetricId, number>> = {
      power: round(power, 1),
      energyToday: round(s.energyKwh, 1),
      solar: round(Math.max(0, solar), 1),
      temperature: round(s.temperature * (1 + (this.random() - 0.5) * 0.002), 1),
      humidity: round(humidity + (this.random() - 0.5), 0),
      co2: Math.round(s.co2),
      occupancy,
      hvacOn: s.hvacOn ? 1 : 0,
      hvacSetpoint: s.setpoint,
      lighting: Math.round(lighting),
      chargersInUse,
    }
    for (const metric of asset.metrics) {
      const v = values[metric]
      if (v !== undefined) out.push({ assetId: asset.id, metric, v, unit: UNITS[metric] })
    }
  }
}

/**
 * Field sensors for the scale option: one temperature probe per point of `layout` (x/z pairs from
 * `fieldSensorLayout`), each a smooth function of place and time: warm and cool fronts drifting across
 * the park, so neighbours read alike and 1000 of them cost one loop per second.
 */
export function fieldSensorValues(now: number, layout: Float32Array, outdoorC: number): number[] {
  const t = now / 1000
  const count = Math.floor(layout.length / 2)
  const values = new Array<number>(count)
  for (let i = 0; i < count; i++) {
    const x = layout[i * 2]
    const z = layout[i * 2 + 1]
    values[i] =
      Math.round((outdoorC + 3 * Math.sin(x * 0.08 + t / 20) + 2 * Math.cos(z * 0.1 - t / 31)) * 10) / 10
  }
  return values
}

export { UNITS as METRIC_UNITS }
