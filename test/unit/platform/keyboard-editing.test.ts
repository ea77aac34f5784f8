import { describe, expect, it } from 'vitest'
import { applyKey } from '../../../src/platform/ui/keyboard/keyboard-editing'

describe('keyboard editing', () => {
  it('appends characters and spaces', () => {
    expect(applyKey('li', 'n')).toEqual({ value: 'lin', action: 'edit' })
    expect(applyKey('lin', ' ')).toEqual({ value: 'lin ', action: 'edit' })
  })

  it('stops at maxLength', () => {
    expect(applyKey('abc', 'd', 3).value).toBe('abc')
    expect(applyKey('ab', 'c', 3).value).toBe('abc')
  })

  it('deletes one whole character, clears, and leaves an empty value alone', () => {
    expect(applyKey('学生42', 'backspace').value).toBe('学生4')
    expect(applyKey('a😀', 'backspace').value).toBe('a')
    expect(applyKey('', 'backspace').value).toBe('')
    expect(applyKey('学生42', 'clear').value).toBe('')
  })

  it('reports OK and Cancel without changing the value', () => {
    expect(applyKey('lin', 'enter')).toEqual({ value: 'lin', action: 'submit' })
    expect(applyKey('lin', 'cancel')).toEqual({ value: 'lin', action: 'cancel' })
  })
})
