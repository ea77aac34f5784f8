// The twin's live core, below React: it owns the data source, the telemetry buffer, the alert engines
// (live and replay), the command tracker and the replay clock. Components read it per frame; it pushes
// to the zustand store only when something a viewer sees has changed.
import type { DataSource, DataSourceStatus } from '../../../platform/realtime'
import type { TwinContent, TwinControlId, TwinMetricId } from '../../../schema/kinds/twin'
import { AlertEngine, type AlertEvent } from '../../../shared/twin/alert-engine'
import type { HistoryRow } from '../../../shared/twin/http-contracts'
import {
  commandTopic,
  parkFilter,
  parseParkMessage,
  type ServerStatusPayload,
} from '../../../shared/twin/telemetry-topics'
import { TopicWarnings } from '../../../shared/twin/topic-warnings'
import { type AssetLook, evaluateVisualRules, type MetricReader } from '../../../shared/twin/visual-rules'
import { CommandTracker } from './command-tracker'
import { FieldSensorBuffer } from './field-sensor-buffer'
import { ReplayHistory } from './replay-history'
import { TelemetryBuffer } from './telemetry-buffer'

/** No message for this long while "online" also counts as stale (a silent broker or simulator). */
export const STALE_AFTER_MS = 5000
const RULES_EVERY_MS = 250
/** Distinct topics a dropped message is logged for; beyond this, drops are only counted. */
const MAX_WARNED_TOPICS = 1000

export interface ReplayState {
  history: ReplayHistory
  /** Replay clock, ms since epoch. */
  t: number
  speed: number
  playing: boolean
}

export class TwinRuntime {
  readonly buffer = new TelemetryBuffer()
  /** The field-sensor batch (scale option), overwritten in place per batch. */
  readonly fieldSensors = new FieldSensorBuffer()
  readonly commands = new CommandTracker()
  readonly liveAlerts: AlertEngine
  replayAlerts: AlertEngine
  readonly looks = new Map<string, AssetLook>()
  source: DataSource | null = null
  status: DataSourceStatus = 'connecting'
  replay: ReplayState | null = null
  /** What the park server last said about itself (history saved or not); null from other sources. */
  serverStatus: ServerStatusPayload | null = null
  /**
   * Bumped each time rules, alerts and command timeouts are re-evaluated (about 4 Hz) and on a replay
   * jump: what the views compare per frame to redo text, needles and badges only when they can differ.
   */
  revision = 0
  private lastRules = 0
  private readonly unsubscribe: Array<() => void> = []
  private readonly warnings = new TopicWarnings(MAX_WARNED_TOPICS)
  /** Called for every raised alert (the sound). */
  onAlert: ((event: AlertEvent) => void) | null = null

  constructor(readonly twin: TwinContent) {
    this.liveAlerts = new AlertEngine(twin.alertRules, twin.assets)
    this.replayAlerts = new AlertEngine(twin.alertRules, twin.assets)
  }

  attach(source: DataSource): void {
    this.source = source
    this.status = source.status
    this.unsubscribe.push(
      source.onStatus((status) => {
        this.status = status
      }),
      source.onMessage((topic, payload) => this.receive(topic, payload)),
    )
    source.subscribe(parkFilter(this.twin.parkId))
  }

  /** Validates and files one message; anything invalid is counted and dropped. */
  receive(topic: string, payload: Uint8Array | string): void {
    const parsed = parseParkMessage(this.twin, topic, payload)
    if (!parsed.ok) {
      this.buffer.rejected++
      if (this.warnings.firstFor(topic)) {
        console.warn(`twin: dropped a message on ${topic.slice(0, 200)}: ${parsed.reason}`)
      }
      return
    }
    const m = parsed.message
    if (m.type === 'telemetry') this.buffer.set(m.assetId, m.metric, m.payload.v, m.payload.ts)
    else if (m.type === 'field') this.fieldSensors.write(m.payload.v, m.payload.ts)
    else if (m.type === 'ack') this.commands.ack(m.payload.id, m.payload.ok, m.payload.reason)
    else if (m.type === 'status') this.serverStatus = m.payload
  }

  /** Reads live values, or recorded ones at the replay clock. */
  read: MetricReader = (assetId: string, metric: TwinMetricId) => {
    const r = this.replay
    return r ? r.history.valueAt(assetId, metric, r.t) : this.buffer.read(assetId, metric)
  }

  get alerts(): AlertEngine {
    return this.replay ? this.replayAlerts : this.liveAlerts
  }

  /** The time the view shows: now, or the replay clock. */
  viewTime(now = Date.now()): number {
    return this.replay ? this.replay.t : now
  }

  isStale(now = Date.now()): boolean {
    if (this.replay) return false
    return this.status !== 'online' || now - this.buffer.lastMessageAt > STALE_AFTER_MS
  }

  /** Per-frame work: advance the replay clock, then (a few times a second) rules, alerts and command timeouts. */
  tick(now: number, deltaSeconds: number): AlertEvent[] {
    const r = this.replay
    if (r?.playing) {
      r.t = Math.min(r.history.to, r.t + deltaSeconds * 1000 * r.speed)
      if (r.t >= r.history.to) r.playing = false
    }
    if (now - this.lastRules < RULES_EVERY_MS) return []
    this.lastRules = now
    this.revision++
    this.commands.tick(now)
    for (const asset of this.twin.assets)
      this.looks.set(asset.id, evaluateVisualRules(this.twin.visualRules, asset, this.read))
    // Live alerts keep running during a replay, so nothing is missed while looking back.
    const events = this.liveAlerts.update(now, this.buffer.read)
    if (r) this.replayAlerts.update(r.t, this.read)
    for (const e of events) if (e.type === 'raised') this.onAlert?.(e)
    return events
  }

  async sendCommand(assetId: string, control: TwinControlId, value: number): Promise<string> {
    const now = Date.now()
    const command = this.commands.create(assetId, control, value, now)
    const payload = JSON.stringify({ id: command.id, control, value, ts: now })
    const sent = (await this.source?.publish(commandTopic(this.twin.parkId, assetId), payload)) ?? false
    // Not sent (offline): leave it pending so it visibly times out rather than vanishing.
    void sent
    return command.id
  }

  startReplay(rows: HistoryRow[]): boolean {
    const history = new ReplayHistory(rows)
    if (history.empty) return false
    this.replayAlerts = new AlertEngine(this.twin.alertRules, this.twin.assets)
    this.replay = { history, t: history.from, speed: 60, playing: true }
    this.lastRules = 0
    return true
  }

  /** Jumps the replay clock; alert timing restarts from there, as a viewer arriving at that moment. */
  seekReplay(t: number): void {
    if (!this.replay) return
    this.replay.t = Math.min(this.replay.history.to, Math.max(this.replay.history.from, t))
    this.replayAlerts.reset()
    // Re-evaluate on the next frame rather than up to a rules period later.
    this.lastRules = 0
  }

  stopReplay(): void {
    this.replay = null
    this.lastRules = 0
  }

  close(): void {
    for (const off of this.unsubscribe) off()
    this.source?.close()
    this.source = null
  }
}
