import { describe, expect, it } from 'vitest'
import { markedSpans, type TraceEvent } from '../../../scripts/trace-spans'

const mark = (message: string, ts: number, tts: number, tid = 1): TraceEvent => ({
  name: 'TimeStamp',
  ph: 'I',
  pid: 7,
  tid,
  ts,
  tts,
  args: { data: { message } },
})

describe('markedSpans', () => {
  it('reads CPU from the thread clock and wall from the trace clock', () => {
    const spans = markedSpans([mark('start', 1_000, 500), mark('end', 9_000, 2_500)], 'start', 'end')
    expect(spans).toEqual([{ cpuMs: 2, wallMs: 8 }])
  })

  it('pairs per thread, in time order, and drops a start that never ended', () => {
    const events = [
      mark('end', 4_000, 300, 2),
      mark('start', 1_000, 100, 1),
      mark('start', 2_000, 100, 2),
      mark('start', 3_000, 200, 1),
      mark('end', 5_000, 1_200, 1),
      { ...mark('end', 6_000, 0, 1), tts: undefined },
    ]
    expect(markedSpans(events, 'start', 'end')).toEqual([
      { cpuMs: 0.2, wallMs: 2 },
      { cpuMs: 1, wallMs: 2 },
    ])
  })

  it('ignores other markers and other events', () => {
    const events = [
      mark('start', 0, 0),
      mark('other', 1_000, 400),
      { ...mark('end', 1_500, 450), name: 'FunctionCall' },
      mark('end', 2_000, 1_000),
    ]
    expect(markedSpans(events, 'start', 'end')).toEqual([{ cpuMs: 1, wallMs: 2 }])
  })
})
