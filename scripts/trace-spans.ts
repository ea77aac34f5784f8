// Main-thread CPU time from a Chrome trace: spans between console.timeStamp markers, measured on the
// thread's own CPU clock (the trace's thread timestamps) and on the wall clock. The bench uses it so a
// busy machine, which deschedules the page or makes it wait on the GPU process, does not count as work.
import type { CDPSession } from 'playwright-core'

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  /** Wall clock, µs. */
  ts: number
  /** The thread's own CPU clock, µs. */
  tts?: number
  args?: { data?: { message?: string } }
}

export interface Span {
  cpuMs: number
  wallMs: number
}

/** Pairs each start marker with the next end marker on the same thread; an unpaired start is dropped. */
export function markedSpans(events: TraceEvent[], start: string, end: string): Span[] {
  const marks = events
    .filter((e) => e.name === 'TimeStamp' && e.tts !== undefined)
    .filter((e) => e.args?.data?.message === start || e.args?.data?.message === end)
    .sort((a, b) => a.ts - b.ts)
  const open = new Map<string, TraceEvent>()
  const spans: Span[] = []
  for (const mark of marks) {
    const thread = `${mark.pid}:${mark.tid}`
    if (mark.args?.data?.message === start) {
      open.set(thread, mark)
      continue
    }
    const from = open.get(thread)
    if (!from) continue
    open.delete(thread)
    spans.push({ cpuMs: (mark.tts! - from.tts!) / 1000, wallMs: (mark.ts - from.ts) / 1000 })
  }
  return spans
}

/** Records a Chrome trace of the timeline markers while `during` runs. */
export async function traceTimeline(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = []
  const collect = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]))
  }
  cdp.on('Tracing.dataCollected', collect)
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()))
  // Only the timeline category: console.timeStamp markers land there with the thread's CPU clock.
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline'] },
  })
  try {
    await during()
  } finally {
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', collect)
  }
  return events
}

/** Names of a frame's parts: `threeUpdate`, each FRAME_SEGMENTS name, `render` and `afterRender`. */
export type FrameParts = Record<string, number>

/**
 * Splits each frame (from `frameStart` to `frameEnd`) into its parts by the markers inside it, in thread
 * CPU ms: `threeUpdate` until the first segment marker (in XR, three's viewer, camera and controller
 * poses), then each segment (`segmentPrefix` + name) until the next marker, `render` from `renderStart`
 * to `renderEnd`, and `afterRender` until the frame ends. Markers on other threads, or outside a frame, are ignored.
 */
export function frameParts(
  events: TraceEvent[],
  marks: {
    frameStart: string
    frameEnd: string
    renderStart: string
    renderEnd: string
    segmentPrefix: string
  },
): FrameParts[] {
  const timestamps = events
    .filter((e) => e.name === 'TimeStamp' && e.tts !== undefined && e.args?.data?.message)
    .sort((a, b) => a.ts - b.ts)
  const frames: FrameParts[] = []
  let thread = ''
  let parts: FrameParts | null = null
  let part = ''
  let since = 0
  const close = (tts: number) => {
    if (parts) parts[part] = (parts[part] ?? 0) + (tts - since) / 1000
  }
  for (const mark of timestamps) {
    const message = mark.args!.data!.message!
    const tts = mark.tts!
    if (message === marks.frameStart) {
      parts = {}
      thread = `${mark.pid}:${mark.tid}`
      part = 'threeUpdate'
      since = tts
      continue
    }
    if (!parts || `${mark.pid}:${mark.tid}` !== thread) continue
    const next = message.startsWith(marks.segmentPrefix)
      ? message.slice(marks.segmentPrefix.length)
      : message === marks.renderStart
        ? 'render'
        : message === marks.renderEnd
          ? 'afterRender'
          : message === marks.frameEnd
            ? null
            : undefined
    if (next === undefined) continue
    close(tts)
    if (next === null) {
      frames.push(parts)
      parts = null
      continue
    }
    part = next
    since = tts
  }
  return frames
}

/**
 * Of several measurements of the same frames, the one the machine disturbed least: the lowest frame-CPU
 * median. On this shared machine the same page's median moves by a quarter from one minute to the next
 * with nothing changed (another tenant's work slows this thread's own clock too), and a disturbance
 * only ever adds time, so the quickest round is the closest to what the frame's code costs.
 */
export function leastDisturbed<T extends { frameCpuMsMedian: number }>(rounds: readonly T[]): T {
  if (rounds.length === 0) throw new Error('no measured rounds to choose from')
  return rounds.reduce((best, round) => (round.frameCpuMsMedian < best.frameCpuMsMedian ? round : best))
}
