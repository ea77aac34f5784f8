import { describe, expect, it } from 'vitest'
import { SpectatorRelay } from '../../../../src/server/venue/spectator-relay'

describe('SpectatorRelay', () => {
  it('starts a device stream with its first watcher and ends it with its last', () => {
    const relay = new SpectatorRelay()
    expect(relay.watch('s1', 'd1')).toEqual({ started: ['d1'], ended: [] })
    expect(relay.watch('s2', 'd1')).toEqual({ started: [], ended: [] })
    expect(relay.watchersOf('d1')).toEqual(['s1', 's2'])
    expect(relay.forget('s1')).toEqual({ started: [], ended: [] })
    expect(relay.isWatched('d1')).toBe(true)
    expect(relay.forget('s2')).toEqual({ started: [], ended: ['d1'] })
    expect(relay.isWatched('d1')).toBe(false)
  })

  it('moves a watcher from one device to another in one change', () => {
    const relay = new SpectatorRelay()
    relay.watch('s1', 'd1')
    expect(relay.watch('s1', 'd2')).toEqual({ started: ['d2'], ended: ['d1'] })
    expect(relay.watchedBy('s1')).toBe('d2')
    expect(relay.watch('s1', 'd2')).toEqual({ started: [], ended: [] })
    expect(relay.watch('s1', null)).toEqual({ started: [], ended: ['d2'] })
    expect(relay.watchedBy('s1')).toBeUndefined()
  })

  it('forgets a spectator that watched nothing without a change', () => {
    const relay = new SpectatorRelay()
    expect(relay.forget('nobody')).toEqual({ started: [], ended: [] })
    expect(relay.watchersOf('d1')).toEqual([])
  })
})
