// The desktop rig's drag-to-look and held keys, and that removing them leaves no listener behind: the rig
// mounts once per scene, and a kiosk kept one window `blur` listener per visitor until this was tested.
import { describe, expect, it } from 'vitest'
import {
  createDesktopLookState,
  listenDesktopLook,
} from '../../../src/platform/locomotion/desktop-look-input'

/** An EventTarget that counts the listeners attached to it now, per type. */
function countingTarget() {
  const target = new EventTarget()
  const attached = new Map<string, Set<unknown>>()
  const add = target.addEventListener.bind(target)
  const remove = target.removeEventListener.bind(target)
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    if (!attached.has(type)) attached.set(type, new Set())
    attached.get(type)?.add(listener)
    add(type, listener)
  }
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    attached.get(type)?.delete(listener)
    remove(type, listener)
  }
  const count = () => [...attached.values()].reduce((n, set) => n + set.size, 0)
  return { target, count, types: () => [...attached].filter(([, s]) => s.size > 0).map(([t]) => t) }
}

const pointer = (type: string, pointerId: number, clientX: number, clientY: number) =>
  Object.assign(new Event(type), { pointerId, clientX, clientY })
const key = (type: string, code: string, target: unknown = null) => {
  const event = Object.assign(new Event(type), { code })
  // A key typed into a form field arrives with that field as its target.
  if (target) Object.defineProperty(event, 'target', { value: target })
  return event
}

describe('desktop look input', () => {
  it('gathers a drag from a press on the canvas, and the keys held until released or the window blurs', () => {
    const canvas = countingTarget()
    const win = countingTarget()
    const state = createDesktopLookState()
    let presses = 0
    const stop = listenDesktopLook(state, canvas.target, win.target, () => presses++)
    // A move with no press drags nothing.
    win.target.dispatchEvent(pointer('pointermove', 1, 50, 50))
    expect(state.drag).toEqual({ dx: 0, dy: 0 })
    canvas.target.dispatchEvent(pointer('pointerdown', 1, 10, 20))
    win.target.dispatchEvent(pointer('pointermove', 1, 15, 18))
    win.target.dispatchEvent(pointer('pointermove', 2, 99, 99))
    win.target.dispatchEvent(pointer('pointermove', 1, 25, 10))
    expect(presses).toBe(1)
    expect(state.drag).toEqual({ dx: 15, dy: -10 })
    win.target.dispatchEvent(pointer('pointerup', 1, 25, 10))
    win.target.dispatchEvent(pointer('pointermove', 1, 40, 10))
    expect(state.drag).toEqual({ dx: 15, dy: -10 })

    win.target.dispatchEvent(key('keydown', 'KeyW'))
    win.target.dispatchEvent(key('keydown', 'KeyA'))
    win.target.dispatchEvent(key('keydown', 'KeyS', { tagName: 'INPUT' }))
    win.target.dispatchEvent(key('keyup', 'KeyA'))
    expect([...state.keys]).toEqual(['KeyW'])
    win.target.dispatchEvent(new Event('blur'))
    expect(state.keys.size).toBe(0)
    stop()
  })

  it('removes every listener it added, so a rig mounted per scene keeps none', () => {
    const canvas = countingTarget()
    const win = countingTarget()
    const state = createDesktopLookState()
    for (let mount = 0; mount < 3; mount++) {
      const stop = listenDesktopLook(state, canvas.target, win.target, () => {})
      expect(win.types().sort()).toEqual(
        ['blur', 'keydown', 'keyup', 'pointercancel', 'pointermove', 'pointerup'].sort(),
      )
      stop()
      expect(win.types()).toEqual([])
      expect(win.count()).toBe(0)
      expect(canvas.count()).toBe(0)
    }
    // And once removed, a blur or a key no longer reaches the state.
    state.keys.add('KeyD')
    win.target.dispatchEvent(new Event('blur'))
    win.target.dispatchEvent(key('keydown', 'KeyW'))
    expect([...state.keys]).toEqual(['KeyD'])
  })
})
