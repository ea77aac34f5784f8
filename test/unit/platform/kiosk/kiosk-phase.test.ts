import { describe, expect, it } from 'vitest'
import { type KioskEvent, type KioskPhase, kioskTransition } from '../../../../src/platform/kiosk/kiosk-phase'

/** Runs events from `phase`, collecting the phases passed and every action in order. */
function run(phase: KioskPhase, events: KioskEvent[]) {
  const phases: KioskPhase[] = []
  const actions: string[] = []
  for (const event of events) {
    const next = kioskTransition(phase, event)
    phase = next.phase
    phases.push(phase)
    actions.push(...next.actions)
  }
  return { phases, actions }
}

describe('kiosk states between visitors', () => {
  it('idle → reset → attract → (any input) → a visitor in the lobby with the defaults', () => {
    const { phases, actions } = run('visitor', [{ type: 'idle', headset: false }, { type: 'input' }])
    expect(phases).toEqual(['attract', 'visitor'])
    expect(actions).toEqual(['reset', 'begin-attract', 'end-attract', 'land'])
  })

  it('on a headset the idle reset leaves the lobby waiting (with its 进入 VR), no attract loop', () => {
    expect(kioskTransition('visitor', { type: 'idle', headset: true })).toEqual({
      phase: 'visitor',
      actions: ['reset'],
    })
    expect(kioskTransition('visitor', { type: 'headset-off' })).toEqual({
      phase: 'visitor',
      actions: ['reset'],
    })
  })

  it('input during a visit, or idle time during attract, changes nothing', () => {
    expect(kioskTransition('visitor', { type: 'input' })).toEqual({ phase: 'visitor', actions: [] })
    expect(kioskTransition('attract', { type: 'idle', headset: false })).toEqual({
      phase: 'attract',
      actions: [],
    })
  })

  it('the operator console starts and stops the loop; starting it twice restarts nothing', () => {
    expect(kioskTransition('visitor', { type: 'start-attract' })).toEqual({
      phase: 'attract',
      actions: ['reset', 'begin-attract'],
    })
    expect(kioskTransition('attract', { type: 'start-attract' })).toEqual({ phase: 'attract', actions: [] })
    expect(kioskTransition('attract', { type: 'stop-attract' })).toEqual({
      phase: 'visitor',
      actions: ['end-attract', 'land'],
    })
    expect(kioskTransition('visitor', { type: 'stop-attract' })).toEqual({ phase: 'visitor', actions: [] })
  })

  it('a page someone else opens during attract (an operator command) ends the loop there, without a landing', () => {
    expect(kioskTransition('attract', { type: 'navigated' })).toEqual({
      phase: 'visitor',
      actions: ['end-attract'],
    })
    expect(kioskTransition('visitor', { type: 'navigated' })).toEqual({ phase: 'visitor', actions: [] })
  })
})
