// What the tour's guide says: each stop's narration, named `stop-<stop id>` so a venue can record it.
import type { TourContent } from '../../../schema/kinds/tour'
import type { SpokenLine } from '../../../shared/narration-index'

export function tourSpokenLines(content: TourContent): SpokenLine[] {
  return content.stops.map((stop) => ({ id: `stop-${stop.id}`, text: stop.narration.text }))
}
