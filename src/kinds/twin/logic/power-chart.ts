// The 24 h power chart's data as plain numbers: which recorded and live points fall in the window,
// thinned evenly to what the line can hold, and the y scale (the contract line always in view).
// Written into preallocated arrays, so a redraw allocates nothing.

/** One point per minute of the day. */
export const CHART_POINTS = 24 * 60

export type Series = ReadonlyArray<readonly [number, number]>

export interface ChartPlot {
  /** Timestamps (ms) and values of the points drawn, `count` of them. */
  readonly ts: Float64Array
  readonly v: Float64Array
  count: number
  /** Top of the y axis: at least `floorY` (e.g. 1.3 × the contract), else the highest point. */
  maxY: number
}

export function createChartPlot(capacity = CHART_POINTS): ChartPlot {
  return { ts: new Float64Array(capacity), v: new Float64Array(capacity), count: 0, maxY: 1 }
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
  for (const series of [a, b])
    for (const [ts, v] of series)
      if (ts >= start && ts <= end) {
        inWindow++
        if (v > maxY) maxY = v
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
}
