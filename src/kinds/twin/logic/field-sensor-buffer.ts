// The field-sensor batch as it lands in the viewer: one mutable Float32Array overwritten per batch
// (never React state), with a batch counter the per-frame code compares to recolour the markers only
// when a new batch has arrived. Also the temperature colour ramp the markers use.

export class FieldSensorBuffer {
  /** Latest reading per sensor (℃), indexed like `fieldSensorLayout`. */
  values = new Float32Array(0)
  /** Sensors in the latest batch. */
  count = 0
  /** Reading time of the latest batch (ms since epoch). */
  ts = 0
  /** Batches accepted so far; per-frame code redraws when this changes. */
  batches = 0

  /** Files one batch; an older batch than the one held (a late retained message) is ignored. */
  write(values: readonly number[], ts: number): boolean {
    if (ts < this.ts) return false
    if (this.values.length < values.length) this.values = new Float32Array(values.length)
    this.values.set(values)
    this.count = values.length
    this.ts = ts
    this.batches++
    return true
  }
}

/** Colour stops of the marker ramp: ℃ → RGB 0–1 (the linear values instanceColor holds). */
const STOPS: Array<[number, number, number, number]> = [
  [15, 0.18, 0.44, 0.87], // cool: blue
  [22, 0.25, 0.7, 0.5], // comfortable: green
  [28, 0.95, 0.66, 0.23], // warm: amber
  [34, 0.88, 0.28, 0.24], // hot: red
]

/** Writes the ramp colour of a temperature into `out` at `offset` (r, g, b). */
export function temperatureColor(celsius: number, out: Float32Array | number[], offset = 0): void {
  let i = 0
  while (i < STOPS.length - 2 && celsius > STOPS[i + 1][0]) i++
  const [t0, r0, g0, b0] = STOPS[i]
  const [t1, r1, g1, b1] = STOPS[i + 1]
  const f = Math.min(1, Math.max(0, (celsius - t0) / (t1 - t0)))
  out[offset] = r0 + (r1 - r0) * f
  out[offset + 1] = g0 + (g1 - g0) * f
  out[offset + 2] = b0 + (b1 - b0) * f
}
