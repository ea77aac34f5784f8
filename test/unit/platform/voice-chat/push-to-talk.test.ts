import { describe, expect, it } from 'vitest'
import { PushToTalk, typingInField } from '../../../../src/platform/voice-chat/push-to-talk'

describe('push-to-talk', () => {
  it('talks while any control holds it, and reports only changes', () => {
    const changes: boolean[] = []
    const ptt = new PushToTalk((on) => changes.push(on))
    ptt.hold('key', true)
    ptt.hold('controller', true)
    ptt.hold('key', false)
    expect(ptt.active).toBe(true)
    ptt.hold('controller', false)
    expect(ptt.active).toBe(false)
    expect(changes).toEqual([true, false])
  })

  it('the on-screen button toggles, and stopping it also lets go of a stuck key', () => {
    const ptt = new PushToTalk()
    ptt.toggle()
    expect(ptt.active).toBe(true)
    ptt.hold('key', true)
    ptt.toggle()
    expect(ptt.active).toBe(false)
    ptt.hold('key', true)
    ptt.release()
    expect(ptt.active).toBe(false)
  })

  it('a key typed into a field is not push-to-talk', () => {
    expect(typingInField({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true)
    expect(typingInField({ tagName: 'CANVAS' } as unknown as EventTarget)).toBe(false)
    expect(typingInField(null)).toBe(false)
  })
})
