// The hall's spectator mirror: a visitor's queue ticket, their wait and their call reach the big screen
// as their device has them, and the screen's own simulated queue never calls the ticket by itself.
import { describe, expect, it } from 'vitest'
import { hallMirror } from '../../../../src/kinds/service-hall/hall-mirror'
import {
  advanceQueue,
  initHall,
  takeTicket,
  useHall,
} from '../../../../src/kinds/service-hall/service-hall-store'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()

/** The visitor's device: a ticket in queue B; returns its view as the device sends it. */
function visitorWithTicket() {
  initHall(hall, 0)
  const ticket = takeTicket('B', 'company-setup', 1000)
  if (!ticket) throw new Error('no ticket')
  return { ticket, view: JSON.parse(JSON.stringify(hallMirror.read())) as Record<string, unknown> }
}

describe('hall mirror', () => {
  it('shows the visitor’s ticket and wait on the screen, kept out of the screen’s own queue', () => {
    const { ticket, view } = visitorWithTicket()
    const sent = view.ticket as { number: string; ahead: number; minutes: number }
    expect(sent).toMatchObject({ number: ticket.number, queue: 'B', matterId: 'company-setup' })
    expect(sent.ahead).toBeGreaterThan(0)

    // The screen: the same hall, its own queue.
    initHall(hall, 0)
    hallMirror.apply(view)
    const screen = useHall.getState()
    expect(screen.ticket?.number).toBe(ticket.number)
    expect(screen.mirroredWait).toEqual({ ahead: sent.ahead, minutes: sent.minutes })
    expect(screen.queue?.peopleAhead(screen.ticket as NonNullable<typeof screen.ticket>)).toBe(-1)
    // An hour of the screen's queue calls everybody but the visitor.
    advanceQueue(3_600_000)
    expect(useHall.getState().myCall).toBeNull()
    // What the screen would send on is what it was sent.
    expect(hallMirror.read()).toMatchObject({ ticket: sent, call: null })
  })

  it('shows the call when the visitor’s device calls the ticket, and drops the ticket with theirs', () => {
    const { view } = visitorWithTicket()
    initHall(hall, 0)
    hallMirror.apply(view)
    const ticket = useHall.getState().ticket
    hallMirror.apply({ ...view, call: { windowId: 'w3', windowNumber: 3 } })
    expect(useHall.getState().myCall).toMatchObject({ ticket, windowId: 'w3', windowNumber: 3 })
    hallMirror.apply({ ...view, ticket: null, call: null })
    expect(useHall.getState()).toMatchObject({ ticket: null, myCall: null, mirroredWait: null })
  })

  it('keeps the shown ticket and wait (no re-render) when sent the same view again, and ignores a malformed one', () => {
    const { view } = visitorWithTicket()
    initHall(hall, 0)
    hallMirror.apply(view)
    const before = useHall.getState()
    hallMirror.apply(JSON.parse(JSON.stringify(view)))
    hallMirror.apply({ ...view, ticket: { number: 'X'.repeat(40) } })
    const after = useHall.getState()
    expect(after.ticket).toBe(before.ticket)
    expect(after.mirroredWait).toBe(before.mirroredWait)
    expect(after.myCall).toBeNull()
  })
})
