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
