// The route the floor-plan model shows in AR. A visitor at a table walks nowhere, so the route is not from
// where they stand but from the hall's entrance to the window they need: the window that called their
// ticket, else the first window of the plan's first matter.
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { placeLocal } from './hall-placement'
import type { FloorPoint } from './route-planner'

/** How far inside the doorway the model's route starts (metres of hall). */
const INSIDE = 1

/** A point just inside the entrance: its own frame faces out of the hall along +Z. */
export function entrancePoint(content: ServiceHallContent): FloorPoint {
  const { position, rotationY } = content.layout.entrance
  const [x, , z] = placeLocal(position, rotationY, [0, 0, -INSIDE])
  return [x, z]
}

/** The window the model's route should lead to, or null when there is nowhere to go yet. */
export function arRouteWindow(
  content: ServiceHallContent,
  plan: readonly string[],
  calledWindowId: string | null,
): string | null {
  if (calledWindowId) return calledWindowId
  const first = content.matters.find((m) => m.id === plan[0])
  return first?.windows[0] ?? null
}
