import type { XRControllerGamepadState } from '@pmndrs/xr'
import { describe, expect, it } from 'vitest'
import { whenGamepadChanged } from '../../../src/platform/xr/controller-visuals'

describe('whenGamepadChanged', () => {
  it('moves the parts the first time and then only in a frame where a button, state or stick changed', () => {
    const gamepad: XRControllerGamepadState = {
      'xr-standard-trigger': { state: 'default', button: 0 },
      'xr-standard-thumbstick': { state: 'default', button: 0, xAxis: 0, yAxis: 0 },
    }
    let runs = 0
    const frame = whenGamepadChanged(() => runs++, gamepad)
    frame()
    frame()
    expect(runs).toBe(1)
    gamepad['xr-standard-trigger'] = { state: 'pressed', button: 0.4 }
    frame()
    frame()
    expect(runs).toBe(2)
    gamepad['xr-standard-thumbstick']!.xAxis = 0.2
    frame()
    expect(runs).toBe(3)
    gamepad['xr-standard-thumbstick']!.state = 'touched'
    frame()
    expect(runs).toBe(4)
    // A component the library adds later (it fills in a state for each one in the layout) counts as a change.
    gamepad['a-button'] = { state: 'default', button: 0 }
    frame()
    frame()
    expect(runs).toBe(5)
  })
})
