// Runs one park's simulation on the server: every second it publishes each asset's readings as
// retained MQTT messages through the embedded broker, answers control commands with an ack and an
// immediate reading, and optionally publishes a batch of field sensors (the scale option).
import type { Aedes, AedesPublishPacket } from 'aedes'
import type { FastifyBaseLogger } from 'fastify'
import type { TwinContent } from '../../schema/kinds/twin'
import { fieldSensorLayout } from '../../shared/twin/field-sensor-layout'
import { ParkFeed } from '../../shared/twin/park-feed'
import { fieldSensorValues } from '../../shared/twin/park-simulation'
import {
  type AckPayload,
  ackTopic,
  commandTopic,
  fieldSensorsTopic,
  parseParkMessage,
  telemetryTopic,
} from '../../shared/twin/telemetry-topics'

export interface ParkSimulatorOptions {
  /** Tick length, ms. Default 1000 (1 Hz). */
  tickMs?: number
  /** Field sensors published per tick in one batch; 0 turns them off. */
  fieldSensors?: number
  seed?: number
}

export class ParkSimulator {
  readonly feed: ParkFeed
  /** Where the field sensors stand (the same layout every viewer draws); empty when they are off. */
  readonly fieldLayout: Float32Array
  /** Time of the last tick (the `ts` of what it published), ms since epoch; 0 before the first. */
  lastTickAt = 0
  private timer: NodeJS.Timeout | null = null
  private readonly onCommand = (packet: AedesPublishPacket, done: () => void) => {
    this.handleCommand(packet.topic, packet.payload as Buffer)
    done()
  }

  constructor(
    private readonly broker: Aedes,
    private readonly twin: TwinContent,
    private readonly log: FastifyBaseLogger,
    private readonly options: ParkSimulatorOptions = {},
  ) {
    this.feed = new ParkFeed(twin, { seed: options.seed })
    this.fieldLayout = fieldSensorLayout(twin, options.fieldSensors ?? 0)
  }

  start(): void {
    this.broker.subscribe(commandTopic(this.twin.parkId, '+'), this.onCommand, () => {})
    this.tick()
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 1000)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.broker.unsubscribe(commandTopic(this.twin.parkId, '+'), this.onCommand, () => {})
  }

  /** Test and drill hook: an energy spike on one asset, raised through the same path as a random fault. */
  injectSpike(assetId: string, seconds = 120, factor = 1.2): boolean {
    return this.feed.simulation.injectSpike(assetId, Date.now(), seconds, factor)
  }

  tick(): void {
    const now = Date.now()
    this.lastTickAt = now
    const { samples, events } = this.feed.step(now)
    for (const s of samples)
      this.publish(
        telemetryTopic(this.twin.parkId, s.assetId, s.metric),
        { v: s.v, ts: now, unit: s.unit || undefined },
        true,
      )
    for (const e of events)
      this.log.info(
        { park: this.twin.parkId, alert: e.alert.key, severity: e.alert.severity },
        `twin: alert ${e.type}`,
      )
    if (this.fieldLayout.length > 0) {
      const outdoor = this.feed.simulation.weather(now).outdoorC
      this.publish(
        fieldSensorsTopic(this.twin.parkId),
        { ts: now, v: fieldSensorValues(now, this.fieldLayout, outdoor) },
        true,
      )
    }
  }

  private handleCommand(topic: string, payload: Buffer): void {
    const parsed = parseParkMessage(this.twin, topic, payload)
    if (!parsed.ok || parsed.message.type !== 'command') return
    const { assetId, payload: cmd } = parsed.message
    const result = this.feed.simulation.applyCommand(assetId, cmd.control, cmd.value)
    const ack: AckPayload = {
      id: cmd.id,
      ok: result.ok,
      ts: Date.now(),
      ...(result.ok ? {} : { reason: result.reason }),
    }
    this.log.info(
      { park: this.twin.parkId, asset: assetId, control: cmd.control, value: cmd.value, ok: result.ok },
      'twin: command',
    )
    this.publish(ackTopic(this.twin.parkId, assetId), ack, false)
    // Publish the effect now rather than on the next tick, so the loop closes within one round trip.
    if (result.ok) this.tick()
  }

  private publish(topic: string, body: unknown, retain: boolean): void {
    this.broker.publish(
      { cmd: 'publish', topic, payload: Buffer.from(JSON.stringify(body)), qos: 0, retain, dup: false },
      (error) => {
        if (error) this.log.warn({ topic, err: error.message }, 'twin: publish failed')
      },
    )
  }
}
