// The twin's spectator mirror: the selected asset and the inspection route the visitor walks (stop,
// results, saved report) reach the big screen; the readings taken at a stop stay on the device.
import { beforeEach, describe, expect, it } from 'vitest'
import { twinMirror } from '../../../../src/kinds/twin/twin-mirror'
import { resetTwinUi, useTwinUi } from '../../../../src/kinds/twin/twin-store'

/** A visitor two stops into an inspection, the first marked failed; returns the view their device sends. */
function visitorInspecting(): Record<string, unknown> {
  resetTwinUi()
  useTwinUi.setState((s) => ({
    selected: 'ahu-2',
    inspection: {
      ...s.inspection,
      active: true,
      index: 1,
      startedAt: 5,
      items: [{ asset: 'ahu-1', result: 'fail', readings: { temp: 31.5 }, anomalies: ['hot'], checkedAt: 9 }],
    },
  }))
  return JSON.parse(JSON.stringify(twinMirror.read()))
}

beforeEach(resetTwinUi)

describe('twin mirror', () => {
  it('shows the visitor’s selected asset and inspection stop and results on the screen, not their readings', () => {
    const view = visitorInspecting()
    expect(JSON.stringify(view)).not.toContain('31.5')
    resetTwinUi()
    twinMirror.apply(view)
    const screen = useTwinUi.getState()
    expect(screen.selected).toBe('ahu-2')
    expect(screen.inspection).toMatchObject({ active: true, index: 1, saving: false, savedId: null })
    expect(screen.inspection.items).toEqual([
      { asset: 'ahu-1', result: 'fail', readings: {}, anomalies: [], checkedAt: 0 },
    ])
  })

  it('follows the route to its saved report and its close, without the device’s LAN address', () => {
    const view = visitorInspecting()
    const inspection = view.inspection as Record<string, unknown>
    resetTwinUi()
    twinMirror.apply({ ...view, inspection: { ...inspection, savedId: 42 } })
    expect(useTwinUi.getState().inspection).toMatchObject({ active: true, savedId: 42, savedLanUrl: null })
    twinMirror.apply({ ...view, inspection: { ...inspection, savedId: 42, active: false } })
    expect(useTwinUi.getState().inspection.active).toBe(false)
  })

  it('sets nothing when sent the same view again, and ignores a malformed one', () => {
    const view = visitorInspecting()
    resetTwinUi()
    twinMirror.apply(view)
    let sets = 0
    const stop = useTwinUi.subscribe(() => sets++)
    twinMirror.apply(JSON.parse(JSON.stringify(view)))
    twinMirror.apply({ ...view, inspection: { active: 'yes' } })
    stop()
    expect(sets).toBe(0)
    expect(useTwinUi.getState().inspection.index).toBe(1)
  })
})
