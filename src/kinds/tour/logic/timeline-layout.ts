// Orders timeline events by date and spaces their markers along the wall, keeping close dates apart
// (three 1927 events would otherwise overlap) while years still read left to right.
import type { TimelineEvent } from '../../../schema/kinds/tour'

export function eventSortKey(e: Pick<TimelineEvent, 'year' | 'month' | 'day'>): number {
  return e.year * 10000 + (e.month ?? 0) * 100 + (e.day ?? 0)
}

export function sortEvents<T extends Pick<TimelineEvent, 'year' | 'month' | 'day'>>(
  events: readonly T[],
): T[] {
  return events.slice().sort((a, b) => eventSortKey(a) - eventSortKey(b))
}

/** The x of a year on a ruler `width` metres wide, centred on 0. */
export function yearToX(year: number, startYear: number, endYear: number, width: number): number {
  return ((year - startYear) / (endYear - startYear) - 0.5) * width
}

/**
 * Marker x positions (centred on 0) for events already sorted by date: at least `minGap` apart, as close to
 * their true date on the ruler as that allows, and never beyond the ruler's ends.
 */
export function layoutMarkers(
  sorted: readonly Pick<TimelineEvent, 'year' | 'month' | 'day'>[],
  startYear: number,
  endYear: number,
  width: number,
  minGap: number,
): number[] {
  const n = sorted.length
  if (n === 0) return []
  const gap = Math.min(minGap, n > 1 ? width / (n - 1) : minGap)
  const ideal = sorted.map((e) => yearToX(e.year + ((e.month ?? 1) - 1) / 12, startYear, endYear, width))
  const xs = ideal.slice()
  // Forward pass pushes crowded markers right, backward pass pulls them back inside the right end.
  xs[0] = Math.max(xs[0], -width / 2)
  for (let i = 1; i < n; i++) xs[i] = Math.max(xs[i], xs[i - 1] + gap)
  xs[n - 1] = Math.min(xs[n - 1], width / 2)
  for (let i = n - 2; i >= 0; i--) xs[i] = Math.min(xs[i], xs[i + 1] - gap)
  return xs
}

/** Steps the selection left or right, staying on the ends; with nothing selected, starts at an end. */
export function stepSelection(
  sortedIds: readonly string[],
  selected: string | null,
  step: 1 | -1,
): string | null {
  if (sortedIds.length === 0) return null
  const i = selected === null ? -1 : sortedIds.indexOf(selected)
  if (i < 0) return step > 0 ? sortedIds[0] : sortedIds[sortedIds.length - 1]
  return sortedIds[Math.min(Math.max(i + step, 0), sortedIds.length - 1)]
}
