// The hall's queue, simulated on explicit time so tests can drive it: tickets per queue letter (A017…),
// each queue calling its next ticket every `callIntervalSeconds` at one of its windows, and a simulated
// crowd that keeps arriving. Nothing here reads a clock; callers pass `now` in milliseconds.
import type { QueueSettings, ServiceWindow } from '../../../schema/kinds/service-hall'

export interface QueueTicket {
  /** As printed and shown on the call screen, e.g. "D020". */
  number: string
  queue: string
  matterId?: string
  issuedAt: number
  mine: boolean
}

export interface QueueCall {
  ticket: QueueTicket
  windowNumber: number
  windowId: string
  at: number
}

interface Lane {
  letter: string
  windows: ServiceWindow[]
  nextSeq: number
  waiting: QueueTicket[]
  nextCallAt: number
  roundRobin: number
}

export function formatTicket(letter: string, seq: number): string {
  return `${letter}${String(seq).padStart(3, '0')}`
}

export class QueueSimulation {
  private readonly lanes = new Map<string, Lane>()
  private readonly intervalMs: number
  private random: number
  /** Every call so far, newest last. */
  readonly calls: QueueCall[] = []

  constructor(
    private readonly settings: QueueSettings,
    windows: readonly ServiceWindow[],
    startMs: number,
    seed = 7,
  ) {
    this.intervalMs = settings.callIntervalSeconds * 1000
    this.random = seed
    const letters = [...new Set(windows.map((w) => w.queue))]
    letters.forEach((letter, i) => {
      const lane: Lane = {
        letter,
        windows: windows.filter((w) => w.queue === letter),
        nextSeq: settings.firstNumber + i * 3,
        waiting: [],
        // Lanes start staggered so the call screen does not flash every queue at once.
        nextCallAt: startMs + this.intervalMs * ((i + 1) / letters.length),
        roundRobin: 0,
      }
      for (let k = 0; k < settings.peopleAhead; k++) lane.waiting.push(this.issue(lane, startMs, false))
      this.lanes.set(letter, lane)
    })
  }

  /** Hands the visitor a ticket in `queue`; it joins behind everybody already waiting there. */
  takeTicket(queue: string, now: number, matterId?: string): QueueTicket {
    this.advance(now)
    const lane = this.lanes.get(queue)
    if (!lane) throw new Error(`no window calls queue ${queue}`)
    const ticket = this.issue(lane, now, true, matterId)
    lane.waiting.push(ticket)
    return ticket
  }

  /**
   * Puts back the visitor's ticket from before a page reload: with its printed number, at the back of
   * its queue (the simulated crowd ahead was re-created), or as already called at its window. Returns
   * null when no window calls that queue any more.
   */
  restoreTicket(
    saved: { number: string; queue: string; matterId?: string },
    now: number,
    calledAt?: { windowId: string; windowNumber: number },
  ): { ticket: QueueTicket; call: QueueCall | null } | null {
    this.advance(now)
    const lane = this.lanes.get(saved.queue)
    if (!lane) return null
    const ticket: QueueTicket = { ...saved, issuedAt: now, mine: true }
    const seq = Number(saved.number.slice(lane.letter.length))
    if (Number.isInteger(seq) && seq > 0) lane.nextSeq = seq >= 999 ? 1 : seq + 1
    if (calledAt) {
      const call: QueueCall = { ticket, ...calledAt, at: now }
      this.calls.push(call)
      return { ticket, call }
    }
    lane.waiting.push(ticket)
    return { ticket, call: null }
  }

  /** Runs every call due up to `now`, in time order, and returns the new ones. */
  advance(now: number): QueueCall[] {
    const made: QueueCall[] = []
    for (;;) {
      let lane: Lane | undefined
      for (const l of this.lanes.values()) if (!lane || l.nextCallAt < lane.nextCallAt) lane = l
      if (!lane || lane.nextCallAt > now) break
      const at = lane.nextCallAt
      lane.nextCallAt += this.intervalMs
      const ticket = lane.waiting.shift()
      // The crowd keeps coming, but never cuts in ahead of the visitor.
      if (this.nextRandom() < 0.6) lane.waiting.push(this.issue(lane, at, false))
      if (!ticket) continue
      const window = lane.windows[lane.roundRobin++ % lane.windows.length]
      const call = { ticket, windowNumber: window.number, windowId: window.id, at }
      this.calls.push(call)
      made.push(call)
    }
    return made
  }

  /** How many tickets are still before this one; 0 when it is next, -1 once it has been called. */
  peopleAhead(ticket: QueueTicket): number {
    const lane = this.lanes.get(ticket.queue)
    const index = lane ? lane.waiting.indexOf(ticket) : -1
    return index
  }

  /** The call that served this ticket, if it has been called. */
  callFor(ticket: QueueTicket): QueueCall | undefined {
    return this.calls.find((c) => c.ticket === ticket)
  }

  /**
   * Estimated wait: `demoMs` until the simulation calls it, and the real-life minutes the hall would
   * expect (people ahead × average service time ÷ windows serving that queue; 0 when next).
   */
  estimatedWait(ticket: QueueTicket, now: number): { demoMs: number; realMinutes: number } {
    const lane = this.lanes.get(ticket.queue)
    const ahead = this.peopleAhead(ticket)
    if (!lane || ahead < 0) return { demoMs: 0, realMinutes: 0 }
    return {
      demoMs: Math.max(0, lane.nextCallAt - now) + ahead * this.intervalMs,
      realMinutes: Math.ceil((ahead * this.settings.averageServiceMinutes) / lane.windows.length),
    }
  }

  /** The newest calls first, for the call screen. */
  recentCalls(count: number): QueueCall[] {
    return this.calls.slice(-count).reverse()
  }

  private issue(lane: Lane, at: number, mine: boolean, matterId?: string): QueueTicket {
    const seq = lane.nextSeq
    lane.nextSeq = seq >= 999 ? 1 : seq + 1
    return { number: formatTicket(lane.letter, seq), queue: lane.letter, matterId, issuedAt: at, mine }
  }

  /** A small deterministic generator (LCG) so the same start gives the same crowd in every test. */
  private nextRandom(): number {
    this.random = (this.random * 1664525 + 1013904223) % 4294967296
    return this.random / 4294967296
  }
}
