import { describe, expect, it } from 'vitest'
import { formatTicket, QueueSimulation } from '../../../../src/kinds/service-hall/logic/queue-simulation'
import { queueWaitText } from '../../../../src/kinds/service-hall/logic/queue-wording'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const settings = { ...hall.queue, peopleAhead: 3, callIntervalSeconds: 5, firstNumber: 17 }

describe('queue simulation', () => {
  it('formats ticket numbers', () => {
    expect(formatTicket('A', 7)).toBe('A007')
    expect(formatTicket('D', 123)).toBe('D123')
  })

  it('gives the visitor a ticket behind the people already waiting and calls it to a window of that queue', () => {
    const sim = new QueueSimulation(settings, hall.layout.windows, 0)
    const ticket = sim.takeTicket('D', 1000, 'social-security-card')
    expect(ticket.number).toMatch(/^D\d{3}$/)
    expect(ticket.mine).toBe(true)
    expect(sim.peopleAhead(ticket)).toBe(3)
    const wait = sim.estimatedWait(ticket, 1000)
    expect(wait.realMinutes).toBe(Math.ceil((3 * settings.averageServiceMinutes) / 1))
    expect(wait.demoMs).toBeGreaterThan(3 * 5000)
    expect(wait.demoMs).toBeLessThanOrEqual(4 * 5000)

    const early = sim.advance(1000 + wait.demoMs - 1)
    expect(early.some((c) => c.ticket === ticket)).toBe(false)
    expect(sim.peopleAhead(ticket)).toBe(0)
    // Next in line: no one's service stands between the visitor and the call, so no minutes either.
    expect(sim.estimatedWait(ticket, 1000 + wait.demoMs - 1).realMinutes).toBe(0)
    expect(queueWaitText(0, 0).zh).toBe('下一位就是您，请留意叫号')
    expect(queueWaitText(2, 8)).toEqual({ zh: '前面还有 2 人，约 8 分钟', en: '2 ahead, about 8 min' })
    const calls = sim.advance(1000 + wait.demoMs)
    const mine = calls.find((c) => c.ticket === ticket)
    expect(mine?.windowNumber).toBe(5)
    expect(sim.callFor(ticket)).toBe(mine)
    expect(sim.peopleAhead(ticket)).toBe(-1)
  })

  it('calls every queue in time order and keeps the crowd coming', () => {
    const sim = new QueueSimulation(settings, hall.layout.windows, 0)
    const calls = sim.advance(60_000)
    const times = calls.map((c) => c.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    const letters = new Set(calls.map((c) => c.ticket.queue))
    expect(letters.size).toBe(new Set(hall.layout.windows.map((w) => w.queue)).size)
    // The business start-up queue has two windows and alternates between them.
    const b = calls.filter((c) => c.ticket.queue === 'B').map((c) => c.windowNumber)
    expect(new Set(b)).toEqual(new Set([2, 3]))
    expect(sim.recentCalls(3)[0]).toBe(calls[calls.length - 1])
    // Tickets in one queue are called in number order.
    const numbers = calls.filter((c) => c.ticket.queue === 'B').map((c) => c.ticket.number)
    expect(numbers).toEqual([...numbers].sort())
  })

  it('is deterministic for the same start', () => {
    const a = new QueueSimulation(settings, hall.layout.windows, 0)
      .advance(30_000)
      .map((c) => c.ticket.number)
    const b = new QueueSimulation(settings, hall.layout.windows, 0)
      .advance(30_000)
      .map((c) => c.ticket.number)
    expect(a).toEqual(b)
  })

  it('refuses a queue no window calls', () => {
    const sim = new QueueSimulation(settings, hall.layout.windows, 0)
    expect(() => sim.takeTicket('Q', 0)).toThrow()
  })

  it("puts back a reloaded visitor's ticket with its number, waiting or already called", () => {
    const sim = new QueueSimulation(settings, hall.layout.windows, 0)
    const waiting = sim.restoreTicket({ number: 'D042', queue: 'D', matterId: 'social-security-card' }, 1000)
    expect(waiting?.ticket.number).toBe('D042')
    expect(waiting?.call).toBeNull()
    expect(sim.peopleAhead(waiting!.ticket)).toBeGreaterThanOrEqual(0)
    // The crowd that arrives later gets later numbers.
    const next = sim.takeTicket('D', 1000)
    expect(next.number).toBe('D043')

    const called = sim.restoreTicket({ number: 'D040', queue: 'D' }, 1000, {
      windowId: 'w5',
      windowNumber: 5,
    })
    expect(called?.call?.windowNumber).toBe(5)
    expect(sim.callFor(called!.ticket)).toBe(called?.call)
    expect(sim.peopleAhead(called!.ticket)).toBe(-1)
    expect(sim.restoreTicket({ number: 'Z001', queue: 'Z' }, 1000)).toBeNull()
  })
})
