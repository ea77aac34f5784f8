import { describe, expect, it } from 'vitest'
import { frameParts, leastDisturbed, markedSpans, type TraceEvent } from '../../../scripts/trace-spans'

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

describe('frameParts', () => {
  const marks = {
    frameStart: 'start',
    frameEnd: 'end',
    renderStart: 'render-start',
    renderEnd: 'render-end',
    segmentPrefix: 'segment:',
  }

  it('splits a frame at its markers, in thread CPU ms, and adds up a part that comes back', () => {
    const events = [
      mark('start', 0, 1_000),
      mark('segment:pointers', 10, 1_200),
      mark('segment:kindLogic', 20, 1_700),
      mark('segment:pointers', 30, 1_800),
      mark('render-start', 40, 2_000),
      mark('render-end', 50, 3_500),
      mark('end', 60, 3_600),
    ]
    expect(frameParts(events, marks)).toEqual([
      { threeUpdate: 0.2, pointers: 0.7, kindLogic: 0.1, render: 1.5, afterRender: 0.1 },
    ])
  })

  it("keeps to the frame's thread, skips markers outside a frame and drops a frame that never ended", () => {
    const events = [
      mark('segment:pointers', 0, 0),
      mark('start', 10, 1_000),
      mark('segment:pointers', 15, 1_100, 2),
      mark('render-start', 20, 1_500),
      mark('other', 25, 1_600),
      mark('end', 30, 2_500),
      mark('start', 40, 3_000),
      mark('render-start', 50, 3_100),
    ]
    expect(frameParts(events, marks)).toEqual([{ threeUpdate: 0.5, render: 1 }])
  })
})

describe('leastDisturbed', () => {
  it('picks the round with the lowest frame-CPU median, the first of equals', () => {
    const rounds = [
      { frameCpuMsMedian: 2.1, round: 1 },
      { frameCpuMsMedian: 1.4, round: 2 },
      { frameCpuMsMedian: 1.9, round: 3 },
      { frameCpuMsMedian: 1.4, round: 4 },
    ]
    expect(leastDisturbed(rounds).round).toBe(2)
  })

  it('refuses to choose from nothing', () => {
    expect(() => leastDisturbed([])).toThrow(/no measured rounds/)
  })
})
