// The 24 h power chart's data as plain numbers: which recorded and live points fall in the window,
// thinned evenly to what the line can hold, and the y scale (the contract line always in view).
// Written into preallocated arrays, so a redraw allocates nothing. The x axis spans the part of the
// window that has data (at least MIN_SPAN_MS): a server started minutes ago has minutes of record, and
// drawn across a full day they would be a sliver at the right edge, i.e. no visible curve at all.

/** One point per minute of the day. */
export const CHART_POINTS = 24 * 60
/** The shortest span the x axis shows, so a few minutes of data still read as a line. */
export const MIN_SPAN_MS = 2 * 60_000
const HOUR_MS = 3_600_000

export type Series = ReadonlyArray<readonly [number, number]>

export interface ChartPlot {
  /** Timestamps (ms) and values of the points drawn, `count` of them. */
  readonly ts: Float64Array
  readonly v: Float64Array
  count: number
  /** Top of the y axis: at least `floorY` (e.g. 1.3 × the contract), else the highest point. */
  maxY: number
  /** The x axis: from the first point in the window (or `end - MIN_SPAN_MS`, if earlier) to the window's end. */
  start: number
  end: number
}

export function createChartPlot(capacity = CHART_POINTS): ChartPlot {
  return {
    ts: new Float64Array(capacity),
    v: new Float64Array(capacity),
    count: 0,
    maxY: 1,
    start: 0,
    end: 1,
  }
}

/**
 * Fills `plot` with the points of `a` then `b` (each sorted by time) that lie in [start, end], taking
 * every n-th so at most the plot's capacity remain.
 */
export function plotSeries(
  plot: ChartPlot,
  a: Series,
  b: Series,
  start: number,
  end: number,
  floorY: number,
) {
  let inWindow = 0
  let maxY = floorY
  let first = end
  for (const series of [a, b])
    for (const [ts, v] of series)
      if (ts >= start && ts <= end) {
        inWindow++
        if (v > maxY) maxY = v
        if (ts < first) first = ts
      }
  const capacity = plot.ts.length
  const stride = Math.max(1, Math.ceil(inWindow / capacity))
  let seen = 0
  let n = 0
  for (const series of [a, b])
    for (const [ts, v] of series) {
      if (ts < start || ts > end) continue
      if (seen++ % stride !== 0 || n >= capacity) continue
      plot.ts[n] = ts
      plot.v[n] = v
      n++
    }
  plot.count = n
  plot.maxY = maxY
  plot.start = Math.max(start, Math.min(first, end - MIN_SPAN_MS))
  plot.end = end
}

/** Where a time falls on the plot's x axis, 0 (left) to 1 (right). */
export function chartX(plot: ChartPlot, ts: number): number {
  return (ts - plot.start) / Math.max(1, plot.end - plot.start)
}

/**
 * What the chart's title says about its x axis: the full day, or the hours or minutes it shows while
 * the record is shorter (rounded up, so "last 12 minutes" never hides a point).
 */
export function chartSpan(plot: ChartPlot): { unit: 'day' | 'hours' | 'minutes'; n: number } {
  const span = plot.end - plot.start
  if (span >= 23.5 * HOUR_MS) return { unit: 'day', n: 24 }
  if (span >= 2 * HOUR_MS) return { unit: 'hours', n: Math.ceil(span / HOUR_MS) }
  return { unit: 'minutes', n: Math.ceil(span / 60_000) }
}
