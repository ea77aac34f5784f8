// The analytics' "VR entered" follows sessions, not the mode mirror: a CI run once counted one VR entry
// twice when the mirror was set again while the session ran.
import { beforeEach, describe, expect, it } from 'vitest'
import { onVRSessionStarted, useXRSession } from '../../../src/platform/xr/xr-session'

describe('onVRSessionStarted', () => {
  beforeEach(() => useXRSession.setState({ mode: null, sessionNumber: 0 }))

  it('counts one entry per VR session however often the mode is set while it runs', () => {
    let entries = 0
    const stop = onVRSessionStarted(() => entries++)
    useXRSession.setState({ mode: 'immersive-vr', sessionNumber: 1 })
    useXRSession.setState({ mode: null })
    useXRSession.setState({ mode: 'immersive-vr' })
    expect(entries).toBe(1)
    useXRSession.setState({ mode: null })
    useXRSession.setState({ mode: 'immersive-vr', sessionNumber: 2 })
    expect(entries).toBe(2)
    stop()
  })

  it('does not count an AR session, nor a session already running when it starts listening', () => {
    useXRSession.setState({ mode: 'immersive-vr', sessionNumber: 1 })
    let entries = 0
    const stop = onVRSessionStarted(() => entries++)
    useXRSession.setState({ mode: 'immersive-vr', visibility: 'visible' })
    useXRSession.setState({ mode: 'immersive-ar', sessionNumber: 2 })
    expect(entries).toBe(0)
    useXRSession.setState({ mode: 'immersive-vr', sessionNumber: 3 })
    expect(entries).toBe(1)
    stop()
  })
})
