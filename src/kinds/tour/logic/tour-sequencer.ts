// The guided tour as a pure state machine: events in (buttons, guide arrival, narration end), a new state
// and a list of effects out (walk the guide, teleport the visitor, narrate). React and three.js only run effects.
import type { VisitorMode } from '../../../schema/kinds/tour'

/**
 * idle: not started · walking: guide heading to the stop · waiting: guide at the stop, waiting for a
 * free-walking visitor · narrating: telling the stop · presented: told, waiting for "next" ·
 * paused: halted mid-walk, mid-wait or mid-story · finished: the last stop has been told.
 */
export type TourPhase = 'idle' | 'walking' | 'waiting' | 'narrating' | 'presented' | 'paused' | 'finished'

export interface TourState {
  phase: TourPhase
  /** The current stop; -1 before the tour starts. */
  stopIndex: number
  mode: VisitorMode
  /** Where a pause came from, so "play" resumes the right thing. */
  pausedFrom: 'walking' | 'waiting' | 'narrating' | null
  /** Bumped for every narration, so the end of an interrupted narration is ignored. */
  narrationToken: number
  stopCount: number
}

export type TourEvent =
  | { type: 'play' }
  | { type: 'pause' }
  /**
   * The story was due to start but the visitor is listening to something they opened: paused before a
   * word of it, so nothing of the guide's is stopped (what plays is the visitor's own).
   */
  | { type: 'hold' }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'replay' }
  | { type: 'goTo'; stopIndex: number }
  | { type: 'stop' }
  | { type: 'setMode'; mode: VisitorMode }
  | { type: 'guideArrived' }
  | { type: 'visitorNear' }
  | { type: 'narrationEnded'; token: number }

export type TourEffect =
  /** Move the guide to the stop; `quick` lets the guide skip most of a long walk (teleport mode). */
  | { type: 'walkGuide'; stopIndex: number; quick: boolean }
  | { type: 'haltGuide' }
  | { type: 'teleportVisitor'; stopIndex: number }
  | { type: 'narrate'; stopIndex: number; token: number }
  | { type: 'stopNarration' }

export interface TourTransition {
  state: TourState
  effects: TourEffect[]
}

export function createTourState(stopCount: number, mode: VisitorMode): TourState {
  if (!Number.isInteger(stopCount) || stopCount < 1) throw new Error('a tour needs at least one stop')
  return { phase: 'idle', stopIndex: -1, mode, pausedFrom: null, narrationToken: 0, stopCount }
}

export function isPlaying(state: TourState): boolean {
  return state.phase === 'walking' || state.phase === 'waiting' || state.phase === 'narrating'
}

export function reduceTour(state: TourState, event: TourEvent): TourTransition {
  switch (event.type) {
    case 'play':
      if (state.phase === 'idle' || state.phase === 'finished') return goTo(state, 0)
      if (state.phase === 'paused') return resume(state)
      if (state.phase === 'presented')
        return state.stopIndex < state.stopCount - 1 ? goTo(state, state.stopIndex + 1) : same(state)
      return same(state)
    case 'pause':
      if (!isPlaying(state)) return same(state)
      return {
        state: { ...state, phase: 'paused', pausedFrom: state.phase as 'walking' | 'waiting' | 'narrating' },
        effects:
          state.phase === 'narrating'
            ? [{ type: 'stopNarration' }]
            : state.phase === 'walking'
              ? [{ type: 'haltGuide' }]
              : [],
      }
    case 'hold':
      return state.phase === 'narrating'
        ? same({ ...state, phase: 'paused', pausedFrom: 'narrating' })
        : same(state)
    case 'next':
      if (state.stopIndex < 0) return goTo(state, 0)
      if (state.stopIndex >= state.stopCount - 1) return same(state)
      return goTo(state, state.stopIndex + 1)
    case 'prev':
      if (state.stopIndex <= 0) return goTo(state, 0)
      return goTo(state, state.stopIndex - 1)
    case 'replay':
      if (state.stopIndex < 0) return goTo(state, 0)
      // The guide is already standing at the stop unless it was still on its way.
      if (state.phase === 'walking' || (state.phase === 'paused' && state.pausedFrom === 'walking')) {
        return goTo(state, state.stopIndex)
      }
      return narrate(state, state.phase === 'narrating' ? [{ type: 'stopNarration' }] : [])
    case 'goTo':
      if (!Number.isInteger(event.stopIndex) || event.stopIndex < 0 || event.stopIndex >= state.stopCount)
        return same(state)
      return goTo(state, event.stopIndex)
    case 'stop':
      return {
        state: {
          ...state,
          phase: 'idle',
          stopIndex: -1,
          pausedFrom: null,
          narrationToken: state.narrationToken + 1,
        },
        effects: [{ type: 'stopNarration' }, { type: 'haltGuide' }],
      }
    case 'setMode': {
      const next = { ...state, mode: event.mode }
      // A visitor who switches to teleporting while the guide waits is brought over and the story starts.
      if (state.phase === 'waiting' && event.mode === 'teleport-with-guide') {
        return narrate(next, [{ type: 'teleportVisitor', stopIndex: state.stopIndex }])
      }
      return same(next)
    }
    case 'guideArrived':
      if (state.phase !== 'walking') return same(state)
      if (state.mode === 'free-walk') return same({ ...state, phase: 'waiting' })
      return narrate(state, [])
    case 'visitorNear':
      if (state.phase !== 'waiting') return same(state)
      return narrate(state, [])
    case 'narrationEnded':
      if (state.phase !== 'narrating' || event.token !== state.narrationToken) return same(state)
      return same({ ...state, phase: state.stopIndex >= state.stopCount - 1 ? 'finished' : 'presented' })
  }
}

function same(state: TourState): TourTransition {
  return { state, effects: [] }
}

function goTo(state: TourState, stopIndex: number): TourTransition {
  const teleport = state.mode === 'teleport-with-guide'
  const effects: TourEffect[] = []
  const wasNarrating = state.phase === 'narrating'
  if (wasNarrating) effects.push({ type: 'stopNarration' })
  if (teleport) effects.push({ type: 'teleportVisitor', stopIndex })
  effects.push({ type: 'walkGuide', stopIndex, quick: teleport })
  return {
    state: {
      ...state,
      phase: 'walking',
      stopIndex,
      pausedFrom: null,
      // Invalidate any narration still in flight from the stop we are leaving.
      narrationToken: state.narrationToken + 1,
    },
    effects,
  }
}

function narrate(state: TourState, before: TourEffect[]): TourTransition {
  const token = state.narrationToken + 1
  return {
    state: { ...state, phase: 'narrating', pausedFrom: null, narrationToken: token },
    effects: [...before, { type: 'narrate', stopIndex: state.stopIndex, token }],
  }
}

function resume(state: TourState): TourTransition {
  switch (state.pausedFrom) {
    case 'walking':
      return {
        state: { ...state, phase: 'walking', pausedFrom: null },
        effects: [{ type: 'walkGuide', stopIndex: state.stopIndex, quick: false }],
      }
    case 'waiting':
      return same({ ...state, phase: 'waiting', pausedFrom: null })
    default:
      // Narration cannot resume mid-sentence on every backend (Web Speech, timed subtitles): tell the stop again.
      return narrate(state, [])
  }
}
