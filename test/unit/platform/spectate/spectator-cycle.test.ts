import { describe, expect, it } from 'vitest'
import {
  CYCLE_SECONDS,
  cycleSeconds,
  isActiveDevice,
  nextDevice,
} from '../../../../src/platform/spectate/spectator-cycle'
import type { DeviceView } from '../../../../src/shared/venue/http-contracts'

const device = (id: string, over: Partial<DeviceView> = {}): DeviceView => ({
  id,
  name: id,
  scene: 'red-tourism',
  mode: 'vr',
  lang: 'zh',
  idleSeconds: 3,
  fps: 72,
  version: '0.1.0',
  online: true,
  lastSeen: 0,
  ...over,
})

describe('spectator cycle', () => {
  it('counts only online devices in a scene that a visitor touched lately', () => {
    expect(isActiveDevice(device('a'))).toBe(true)
    expect(isActiveDevice(device('a', { online: false }))).toBe(false)
    expect(isActiveDevice(device('a', { scene: null }))).toBe(false)
    expect(isActiveDevice(device('a', { idleSeconds: 600 }))).toBe(false)
  })

  it('keeps the current device while its time runs, then moves round', () => {
    const list = [device('a'), device('b', { scene: null }), device('c')]
    expect(nextDevice(list, null, true)).toBe('a')
    expect(nextDevice(list, 'a', true)).toBe('a')
    expect(nextDevice(list, 'a', false)).toBe('c')
    expect(nextDevice(list, 'c', false)).toBe('a')
  })

  it('leaves a device whose visitor left at once, and shows nobody when no one is active', () => {
    expect(nextDevice([device('a', { idleSeconds: 900 }), device('b')], 'a', true)).toBe('b')
    expect(nextDevice([device('a', { online: false })], 'a', true)).toBeNull()
  })

  it('stays 20 s per device unless a test stored a shorter whole number of seconds', () => {
    expect(cycleSeconds(null)).toBe(CYCLE_SECONDS)
    expect(cycleSeconds('2')).toBe(2)
    for (const odd of ['', '0', '-3', '1.5', 'x', '20', '600']) expect(cycleSeconds(odd)).toBe(CYCLE_SECONDS)
  })
})
