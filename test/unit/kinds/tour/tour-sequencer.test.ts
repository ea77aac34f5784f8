import { describe, expect, it } from 'vitest'
import {
  createTourState,
  isPlaying,
  reduceTour,
  type TourEvent,
  type TourState,
} from '../../../../src/kinds/tour/logic/tour-sequencer'

function run(state: TourState, ...events: TourEvent[]): TourState {
  return events.reduce((s, e) => reduceTour(s, e).state, state)
}

describe('tour sequencer (teleport-with-guide)', () => {
  const start = createTourState(3, 'teleport-with-guide')

  it('play teleports the visitor to stop 1 and walks the guide there quickly', () => {
    const { state, effects } = reduceTour(start, { type: 'play' })
    expect(state.phase).toBe('walking')
    expect(state.stopIndex).toBe(0)
    expect(effects).toEqual([
      { type: 'teleportVisitor', stopIndex: 0 },
      { type: 'walkGuide', stopIndex: 0, quick: true },
    ])
  })

  it('narrates when the guide arrives and waits for "next" after the story', () => {
    const walking = run(start, { type: 'play' })
    const arrived = reduceTour(walking, { type: 'guideArrived' })
    expect(arrived.state.phase).toBe('narrating')
    expect(arrived.effects).toEqual([{ type: 'narrate', stopIndex: 0, token: arrived.state.narrationToken }])
    const told = reduceTour(arrived.state, { type: 'narrationEnded', token: arrived.state.narrationToken })
    expect(told.state.phase).toBe('presented')
    expect(isPlaying(told.state)).toBe(false)
  })

  it('ignores the end of a narration that "next" interrupted', () => {
    const narrating = run(start, { type: 'play' }, { type: 'guideArrived' })
    const oldToken = narrating.narrationToken
    const moved = reduceTour(narrating, { type: 'next' })
    expect(moved.effects[0]).toEqual({ type: 'stopNarration' })
    expect(moved.state.stopIndex).toBe(1)
    const stale = reduceTour(moved.state, { type: 'narrationEnded', token: oldToken })
    expect(stale.state).toBe(moved.state)
  })

  it('pause stops the narration; play tells the stop again', () => {
    const narrating = run(start, { type: 'play' }, { type: 'guideArrived' })
    const paused = reduceTour(narrating, { type: 'pause' })
    expect(paused.state.phase).toBe('paused')
    expect(paused.effects).toEqual([{ type: 'stopNarration' }])
    const resumed = reduceTour(paused.state, { type: 'play' })
    expect(resumed.state.phase).toBe('narrating')
    expect(resumed.effects).toEqual([{ type: 'narrate', stopIndex: 0, token: resumed.state.narrationToken }])
    expect(resumed.state.narrationToken).toBeGreaterThan(narrating.narrationToken)
  })

  it('hold pauses a story due to start without stopping anything; play tells it', () => {
    const narrating = run(start, { type: 'play' }, { type: 'guideArrived' })
    const held = reduceTour(narrating, { type: 'hold' })
    expect(held.state).toMatchObject({ phase: 'paused', pausedFrom: 'narrating' })
    expect(held.effects).toEqual([])
    const resumed = reduceTour(held.state, { type: 'play' })
    expect(resumed.effects).toEqual([{ type: 'narrate', stopIndex: 0, token: resumed.state.narrationToken }])
    // Only a story is held: walking or presented, nothing changes.
    const walking = run(start, { type: 'play' })
    expect(reduceTour(walking, { type: 'hold' }).state).toBe(walking)
  })

  it('pause while walking halts the guide and play resumes the walk', () => {
    const walking = run(start, { type: 'play' })
    const paused = reduceTour(walking, { type: 'pause' })
    expect(paused.effects).toEqual([{ type: 'haltGuide' }])
    const resumed = reduceTour(paused.state, { type: 'play' })
    expect(resumed.state.phase).toBe('walking')
    expect(resumed.effects).toEqual([{ type: 'walkGuide', stopIndex: 0, quick: false }])
  })

  it('prev and next stay inside the tour; the last stop ends in "finished"', () => {
    let s = run(start, { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' })
    expect(s.stopIndex).toBe(2)
    s = run(s, { type: 'prev' })
    expect(s.stopIndex).toBe(1)
    s = run(s, { type: 'prev' }, { type: 'prev' })
    expect(s.stopIndex).toBe(0)
    s = run(s, { type: 'goTo', stopIndex: 2 }, { type: 'guideArrived' })
    s = run(s, { type: 'narrationEnded', token: s.narrationToken })
    expect(s.phase).toBe('finished')
    const restarted = reduceTour(s, { type: 'play' })
    expect(restarted.state.stopIndex).toBe(0)
  })

  it('replay at a stop narrates again without moving; replay while walking re-walks', () => {
    const told = run(start, { type: 'play' }, { type: 'guideArrived' })
    const presented = run(told, { type: 'narrationEnded', token: told.narrationToken })
    const again = reduceTour(presented, { type: 'replay' })
    expect(again.state.phase).toBe('narrating')
    expect(again.effects.map((e) => e.type)).toEqual(['narrate'])
    const walking = run(start, { type: 'play' })
    expect(reduceTour(walking, { type: 'replay' }).effects.map((e) => e.type)).toEqual([
      'teleportVisitor',
      'walkGuide',
    ])
  })

  it('rejects goTo outside the tour and refuses an empty tour', () => {
    expect(reduceTour(start, { type: 'goTo', stopIndex: 7 }).state).toBe(start)
    expect(reduceTour(start, { type: 'goTo', stopIndex: -1 }).state).toBe(start)
    expect(() => createTourState(0, 'free-walk')).toThrow()
  })

  it('stop returns to idle and silences everything', () => {
    const narrating = run(start, { type: 'play' }, { type: 'guideArrived' })
    const stopped = reduceTour(narrating, { type: 'stop' })
    expect(stopped.state.phase).toBe('idle')
    expect(stopped.state.stopIndex).toBe(-1)
    expect(stopped.effects).toEqual([{ type: 'stopNarration' }, { type: 'haltGuide' }])
  })
})

describe('tour sequencer (free walk)', () => {
  const start = createTourState(2, 'free-walk')

  it('does not teleport the visitor and waits for them at the stop', () => {
    const play = reduceTour(start, { type: 'play' })
    expect(play.effects).toEqual([{ type: 'walkGuide', stopIndex: 0, quick: false }])
    const arrived = reduceTour(play.state, { type: 'guideArrived' })
    expect(arrived.state.phase).toBe('waiting')
    expect(arrived.effects).toEqual([])
    const near = reduceTour(arrived.state, { type: 'visitorNear' })
    expect(near.state.phase).toBe('narrating')
    expect(near.effects[0].type).toBe('narrate')
  })

  it('visitorNear means nothing unless the guide is waiting', () => {
    const walking = run(start, { type: 'play' })
    expect(reduceTour(walking, { type: 'visitorNear' }).state).toBe(walking)
  })

  it('switching to teleport mode while the guide waits brings the visitor over and starts the story', () => {
    const waiting = run(start, { type: 'play' }, { type: 'guideArrived' })
    const switched = reduceTour(waiting, { type: 'setMode', mode: 'teleport-with-guide' })
    expect(switched.state.mode).toBe('teleport-with-guide')
    expect(switched.effects.map((e) => e.type)).toEqual(['teleportVisitor', 'narrate'])
  })
})
