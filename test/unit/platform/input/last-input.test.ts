// The one last-input time the kiosk's idle timer and the venue's presence report both read: one set of
// window listeners however many watch, presses told to press listeners, a worn headset counted as use.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  lastVisitorInput,
  visitorIdleSeconds,
  watchVisitorInput,
} from '../../../../src/platform/input/last-input'
import { useXRSession } from '../../../../src/platform/xr/xr-session'

let clock = 0
let target: EventTarget
let added: string[]

beforeEach(() => {
  clock = 1000
  vi.spyOn(performance, 'now').mockImplementation(() => clock)
  target = new EventTarget()
  added = []
  const add = target.addEventListener.bind(target)
  target.addEventListener = (
    type: string,
    ...rest: [EventListenerOrEventListenerObject | null, unknown?]
  ) => {
    added.push(type)
    add(type, ...(rest as [EventListenerOrEventListenerObject | null]))
  }
  vi.stubGlobal('window', target)
  useXRSession.setState({ mode: null, visibility: null })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('last visitor input', () => {
  it('is one time for every reader: a move or a press sets it, idle seconds count from it', () => {
    const stop = watchVisitorInput()
    clock = 5000
    expect(visitorIdleSeconds()).toBe(4)
    target.dispatchEvent(new Event('pointermove'))
    clock = 7600
    expect(lastVisitorInput()).toBe(5000)
    expect(visitorIdleSeconds()).toBe(2)
    target.dispatchEvent(new Event('keydown'))
    expect(visitorIdleSeconds()).toBe(0)
    stop()
  })

  it('adds its listeners once however many watch, tells presses (not moves) to press listeners, and stops with the last watcher', () => {
    const presses: string[] = []
    const stopKiosk = watchVisitorInput(() => presses.push('kiosk'))
    const stopVenue = watchVisitorInput()
    expect(added.filter((t) => t === 'pointerdown')).toHaveLength(1)
    expect(added.filter((t) => t === 'pointermove')).toHaveLength(1)
    target.dispatchEvent(new Event('pointermove'))
    target.dispatchEvent(new Event('pointerdown'))
    expect(presses).toEqual(['kiosk'])
    stopKiosk()
    stopKiosk()
    target.dispatchEvent(new Event('touchstart'))
    expect(presses).toEqual(['kiosk'])
    clock = 3000
    target.dispatchEvent(new Event('wheel'))
    expect(lastVisitorInput()).toBe(3000)
    stopVenue()
    clock = 9000
    target.dispatchEvent(new Event('pointerdown'))
    expect(lastVisitorInput()).toBe(3000)
  })

  it('counts a worn headset (its session visible) as use, and not one taken off', () => {
    const stop = watchVisitorInput()
    useXRSession.setState({ mode: 'immersive-vr', visibility: 'visible' })
    clock = 60_000
    expect(visitorIdleSeconds()).toBe(0)
    useXRSession.setState({ visibility: 'hidden' })
    clock = 75_000
    expect(visitorIdleSeconds()).toBe(15)
    stop()
  })
})
