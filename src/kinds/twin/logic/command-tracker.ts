// Closed-loop control bookkeeping: a command is pending until the park acks it (acknowledged or
// refused) or until the timeout passes (timed out). Pure, driven by explicit times.
import type { TwinControlId } from '../../../schema/kinds/twin'

export type CommandState = 'pending' | 'acknowledged' | 'refused' | 'timed-out'

export interface TrackedCommand {
  id: string
  assetId: string
  control: TwinControlId
  value: number
  sentAt: number
  state: CommandState
  reason?: string
}

export const COMMAND_TIMEOUT_MS = 10_000

export class CommandTracker {
  private readonly commands = new Map<string, TrackedCommand>()
  private counter = 0
  version = 0

  constructor(private readonly timeoutMs = COMMAND_TIMEOUT_MS) {}

  create(assetId: string, control: TwinControlId, value: number, now: number): TrackedCommand {
    const id = `${now.toString(36)}-${(this.counter++).toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
    const command: TrackedCommand = { id, assetId, control, value, sentAt: now, state: 'pending' }
    // Only the latest command per control matters to the viewer.
    for (const [key, c] of this.commands)
      if (c.assetId === assetId && c.control === control) this.commands.delete(key)
    this.commands.set(id, command)
    this.version++
    return command
  }

  ack(id: string, ok: boolean, reason?: string): TrackedCommand | undefined {
    const command = this.commands.get(id)
    if (command?.state !== 'pending') return undefined
    command.state = ok ? 'acknowledged' : 'refused'
    command.reason = reason
    this.version++
    return command
  }

  /** Marks overdue pending commands as timed out. */
  tick(now: number): void {
    for (const c of this.commands.values()) {
      if (c.state === 'pending' && now - c.sentAt >= this.timeoutMs) {
        c.state = 'timed-out'
        this.version++
      }
    }
  }

  latest(assetId: string, control: TwinControlId): TrackedCommand | undefined {
    for (const c of this.commands.values()) if (c.assetId === assetId && c.control === control) return c
    return undefined
  }
}
