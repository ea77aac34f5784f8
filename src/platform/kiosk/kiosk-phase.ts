// The kiosk's states between visitors, as one pure transition function: a visitor uses the app; the
// idle time passes and the kiosk resets; on a screen (not in a headset) the attract loop then plays
// until any input lands the next visitor in the lobby. The operator console may start or stop the
// loop by command. use-kiosk-mode.ts and attract-store.ts run the actions it returns.

export type KioskPhase = 'visitor' | 'attract'

export type KioskEvent =
  /**
   * The idle time passed without input. `headset`: the browser presents immersive VR (a headset's
   * browser, or a PC with a VR headset), where the next visitor needs the lobby's "进入 VR", not a loop.
   */
  | { type: 'idle'; headset: boolean }
  /** A headset lay unworn for its time. */
  | { type: 'headset-off' }
  /** Any pointer, touch or key input on the page. */
  | { type: 'input' }
  /** startAttract() / stopAttract(), e.g. from the operator console. */
  | { type: 'start-attract' }
  | { type: 'stop-attract' }
  /** Something else opened a page during attract (an operator's "open scene"): the visit starts there. */
  | { type: 'navigated' }

/**
 * What the kiosk does on a transition, in order. `reset`: everything of the last visitor goes (and a
 * waiting update is applied); `land`: the lobby with the defaults again, after attract opened scenes.
 */
export type KioskAction = 'reset' | 'begin-attract' | 'end-attract' | 'land'

export interface KioskTransition {
  phase: KioskPhase
  actions: KioskAction[]
}

export function kioskTransition(phase: KioskPhase, event: KioskEvent): KioskTransition {
  switch (event.type) {
    case 'idle':
      // Idle during attract is the loop doing its job; on a headset the reset ends any session and
      // the page waits in the lobby (nobody sees a screen's attract loop inside a headset).
      if (phase === 'attract') return { phase, actions: [] }
      return event.headset
        ? { phase: 'visitor', actions: ['reset'] }
        : { phase: 'attract', actions: ['reset', 'begin-attract'] }
    case 'headset-off':
      return { phase: 'visitor', actions: phase === 'attract' ? ['end-attract', 'reset'] : ['reset'] }
    case 'input':
    case 'stop-attract':
      // The loop visited scenes: the visitor lands in the lobby with the defaults again.
      return phase === 'attract'
        ? { phase: 'visitor', actions: ['end-attract', 'land'] }
        : { phase, actions: [] }
    case 'navigated':
      return phase === 'attract' ? { phase: 'visitor', actions: ['end-attract'] } : { phase, actions: [] }
    case 'start-attract':
      return phase === 'attract'
        ? { phase, actions: [] }
        : { phase: 'attract', actions: ['reset', 'begin-attract'] }
  }
}
