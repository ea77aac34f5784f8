// Which panels are in each view slot right now, so panels sharing a slot (the XR menu and a kind's side
// panel in 'left') stack by stackInSlot instead of drawing over each other. No React: ViewSlot joins on
// mount, says when it is shown or hidden, and reads its place in the stack each frame.
import type { SlotOccupant, ViewSlotName } from './view-slots'

interface Occupant extends SlotOccupant {
  id: number
  order: number
  shown: boolean
}

const occupants = new Map<ViewSlotName, Occupant[]>()
let nextId = 1
let version = 0

/** Bumped on every change, so a panel knows to place itself again. */
export function slotOccupancyVersion(): number {
  return version
}

/** One panel's seat in a slot. */
export interface SlotSeat {
  readonly id: number
  /** Sets the panel's design size and scale limit; a change moves every panel in the slot. */
  resize(size: SlotOccupant): void
  /** Hidden panels give their room to the others. */
  setShown(shown: boolean): void
  leave(): void
}

/** Joins `slot` at `order` (lower is higher in the stack; equal orders keep the order they joined in). */
export function joinSlot(slot: ViewSlotName, order: number, size: SlotOccupant): SlotSeat {
  const me: Occupant = { ...size, id: nextId++, order, shown: true }
  const list = occupants.get(slot) ?? []
  list.push(me)
  list.sort((a, b) => a.order - b.order || a.id - b.id)
  occupants.set(slot, list)
  version++
  return {
    id: me.id,
    resize(next) {
      if (next.width === me.width && next.height === me.height && next.maxScale === me.maxScale) return
      Object.assign(me, next)
      version++
    },
    setShown(shown) {
      if (me.shown === shown) return
      me.shown = shown
      version++
    },
    leave() {
      const at = list.indexOf(me)
      if (at >= 0) list.splice(at, 1)
      version++
    },
  }
}

/** The shown panels in `slot`, top of the stack first. */
export function slotStack(slot: ViewSlotName): readonly (SlotOccupant & { id: number })[] {
  return (occupants.get(slot) ?? []).filter((o) => o.shown)
}
