// Every venue device the server has seen since it started, and the commands staff sent them: who is
// online, what each last reported, and which command is waiting for whose acknowledgement. Pure of
// Colyseus and HTTP (the room and the routes wire it), clock and timers injected, so it is unit-tested.
import type { AckView, CommandResponse, DeviceView } from '../../shared/venue/http-contracts'
import type { CommandAck, DeviceReport, VenueCommand } from '../../shared/venue/venue-messages'

/** Sends one command to a device's connection. */
export type CommandSink = (id: string, command: VenueCommand) => void

interface DeviceRecord {
  id: string
  report: DeviceReport
  /** The session that speaks for this device now; messages from any other are ignored. */
  sessionId?: string
  send?: CommandSink
  lastSeen: number
  lastAck?: AckView
}

interface PendingCommand {
  id: string
  type: VenueCommand['type']
  results: Map<string, AckView>
  waiting: Set<string>
  finish: () => void
}

export interface DeviceRegistryOptions {
  /** Devices remembered at most; the longest-offline go first. Default 500. */
  maxDevices?: number
  /** Commands waiting for acknowledgements at most; more are refused. Default 200. */
  maxPending?: number
  /** How long a command waits for its acknowledgements. Default 5 s. */
  ackWaitMs?: number
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => { clear(): void }
}

export type CommandTarget = { deviceId: string } | 'all'

export type SendResult =
  | { ok: true; response: Promise<CommandResponse> }
  | { ok: false; status: 404 | 409 | 429; reason: string }

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms)
  return { clear: () => clearTimeout(t) }
}

export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceRecord>()
  private readonly pending = new Map<string, PendingCommand>()
  /**
   * Commands whose wait ended with devices still silent, by id, oldest first: a late answer still becomes
   * the device's last acknowledgement, so the console shows what the device did rather than "no answer".
   */
  private readonly unanswered = new Map<string, { type: VenueCommand['type']; devices: Set<string> }>()
  /** Device id by the session that speaks for it. */
  private readonly sessions = new Map<string, string>()
  private nextCommand = 1
  private readonly o: Required<DeviceRegistryOptions>

  constructor(options: DeviceRegistryOptions = {}) {
    this.o = {
      maxDevices: options.maxDevices ?? 500,
      maxPending: options.maxPending ?? 200,
      ackWaitMs: options.ackWaitMs ?? 5000,
      now: options.now ?? Date.now,
      setTimer: options.setTimer ?? defaultTimer,
    }
  }

  /**
   * A device's connection arrived (first join, reconnect, or a second tab taking over the id). Without a
   * report (a reconnect) the device keeps its last one.
   */
  connect(deviceId: string, sessionId: string, report: DeviceReport | undefined, send: CommandSink): boolean {
    const existing = this.devices.get(deviceId)
    const first = report ?? existing?.report
    if (!first) return false
    const record: DeviceRecord = existing ?? { id: deviceId, report: first, lastSeen: 0 }
    if (record.sessionId) this.sessions.delete(record.sessionId)
    this.sessions.set(sessionId, deviceId)
    Object.assign(record, { report: first, sessionId, send, lastSeen: this.o.now() })
    this.devices.delete(deviceId)
    this.devices.set(deviceId, record)
    this.prune()
    return true
  }

  /** A fresh report from the session that speaks for a device; false if it does not (stale session). */
  report(sessionId: string, report: DeviceReport): boolean {
    const record = this.bySession(sessionId)
    if (!record) return false
    record.report = report
    record.lastSeen = this.o.now()
    return true
  }

  /** The session's connection is gone: its device is offline, and its waiting commands will not be answered. */
  disconnect(sessionId: string): void {
    const record = this.bySession(sessionId)
    if (!record) return
    this.sessions.delete(sessionId)
    record.sessionId = undefined
    record.send = undefined
    record.lastSeen = this.o.now()
    for (const command of this.pending.values())
      if (command.waiting.has(record.id)) this.settle(command, record, 'offline', 'the device went offline')
  }

  /** A device answered a command. False when nothing waits for this answer from this session. */
  acknowledge(sessionId: string, ack: CommandAck): boolean {
    const record = this.bySession(sessionId)
    if (!record) return false
    const command = this.pending.get(ack.id)
    const status = ack.ok ? 'acknowledged' : 'refused'
    if (command?.waiting.has(record.id)) {
      record.lastSeen = this.o.now()
      this.settle(command, record, status, ack.detail)
      return true
    }
    const expired = this.unanswered.get(ack.id)
    if (!expired?.devices.delete(record.id)) return false
    if (expired.devices.size === 0) this.unanswered.delete(ack.id)
    record.lastSeen = this.o.now()
    record.lastAck = { commandId: ack.id, type: expired.type, status, late: true, at: record.lastSeen }
    if (ack.detail) record.lastAck.detail = ack.detail
    return true
  }

  /**
   * Sends `command` to one device or to every online one. The response resolves once every target
   * answered or after the wait, with each device's acknowledgement, refusal or silence.
   */
  send(target: CommandTarget, command: VenueCommand): SendResult {
    const targets: DeviceRecord[] = []
    if (target === 'all') {
      for (const record of this.devices.values()) if (record.send) targets.push(record)
    } else {
      const record = this.devices.get(target.deviceId)
      if (!record) return { ok: false, status: 404, reason: `no device "${target.deviceId}"` }
      if (!record.send) return { ok: false, status: 409, reason: `device "${record.report.name}" is offline` }
      targets.push(record)
    }
    if (this.pending.size >= this.o.maxPending)
      return { ok: false, status: 429, reason: 'too many commands waiting for devices: try again shortly' }
    const id = `c${this.nextCommand++}`
    let done!: (response: CommandResponse) => void
    const response = new Promise<CommandResponse>((resolve) => {
      done = resolve
    })
    const pending: PendingCommand = {
      id,
      type: command.type,
      results: new Map(),
      waiting: new Set(targets.map((t) => t.id)),
      finish: () => {
        timer.clear()
        this.pending.delete(id)
        done({
          commandId: id,
          results: [...pending.results].map(([deviceId, ack]) => ({ deviceId, ...ack })),
        })
      },
    }
    const timer = this.o.setTimer(() => {
      const silent = [...pending.waiting]
      if (silent.length > 0) this.rememberUnanswered(id, command.type, silent)
      for (const deviceId of silent) {
        const record = this.devices.get(deviceId)
        if (record) this.settle(pending, record, 'no-answer', 'no answer in time')
      }
      if (this.pending.has(id)) pending.finish()
    }, this.o.ackWaitMs)
    this.pending.set(id, pending)
    for (const record of targets) record.send?.(id, command)
    if (targets.length === 0) pending.finish()
    return { ok: true, response }
  }

  /** Every remembered device, online first, then by name. */
  list(): DeviceView[] {
    return [...this.devices.values()]
      .map(
        (d): DeviceView => ({
          id: d.id,
          ...d.report,
          online: Boolean(d.send),
          lastSeen: d.lastSeen,
          ...(d.lastAck ? { lastAck: d.lastAck } : {}),
        }),
      )
      .sort(
        (a, b) =>
          Number(b.online) - Number(a.online) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
      )
  }

  /** The device the session speaks for now, if it does (a stale session does not). */
  deviceOf(sessionId: string): string | undefined {
    return this.bySession(sessionId)?.id
  }

  /** A device's last report and whether it is online; undefined for a device never seen. */
  status(deviceId: string): { report: DeviceReport; online: boolean } | undefined {
    const record = this.devices.get(deviceId)
    return record && { report: record.report, online: Boolean(record.send) }
  }

  /** Stops every wait (the server is closing): waiting commands answer with what they have. */
  close(): void {
    for (const command of [...this.pending.values()]) command.finish()
  }

  private settle(command: PendingCommand, record: DeviceRecord, status: AckView['status'], detail?: string) {
    const ack: AckView = { commandId: command.id, type: command.type, status, at: this.o.now() }
    if (detail) ack.detail = detail
    command.results.set(record.id, ack)
    command.waiting.delete(record.id)
    record.lastAck = ack
    if (command.waiting.size === 0) command.finish()
  }

  private rememberUnanswered(id: string, type: VenueCommand['type'], deviceIds: string[]) {
    this.unanswered.set(id, { type, devices: new Set(deviceIds) })
    // Bounded like the waiting commands: the oldest silence is forgotten first.
    for (const oldest of this.unanswered.keys()) {
      if (this.unanswered.size <= this.o.maxPending) break
      this.unanswered.delete(oldest)
    }
  }

  private bySession(sessionId: string): DeviceRecord | undefined {
    const deviceId = this.sessions.get(sessionId)
    return deviceId === undefined ? undefined : this.devices.get(deviceId)
  }

  private prune() {
    if (this.devices.size <= this.o.maxDevices) return
    const offline = [...this.devices.values()].filter((d) => !d.send).sort((a, b) => a.lastSeen - b.lastSeen)
    for (const record of offline) {
      if (this.devices.size <= this.o.maxDevices) break
      this.devices.delete(record.id)
    }
  }
}
