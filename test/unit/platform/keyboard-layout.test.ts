import { describe, expect, it } from 'vitest'
import {
  COLS,
  FIELD_LAYOUT,
  KEY_ROWS,
  keyAt,
  keyCentre,
  keyId,
  layoutKeys,
  QUERY_LAYOUT,
  ROWS,
} from '../../../src/platform/ui/keyboard/keyboard-layout'

const WIDTH = 0.8
const HEIGHT = (WIDTH * ROWS) / COLS

/** uv of a local point on the keyboard plane (origin at its centre). */
const uvOf = ([x, y]: [number, number]): [number, number] => [x / WIDTH + 0.5, y / HEIGHT + 0.5]

describe('keyboard layout', () => {
  it('finds every key at its own centre', () => {
    const keys = [...KEY_ROWS.join(''), 'backspace', ' ', 'enter']
    for (const key of keys) {
      const centre = keyCentre(key, WIDTH)
      expect(centre, key).not.toBeNull()
      expect(keyAt(...uvOf(centre!)), key).toBe(key)
    }
  })

  it('has nothing in the margins of the shorter rows or outside the plane', () => {
    expect(keyAt(0.01, 1 - 2.5 / ROWS)).toBeNull() // left of "a"
    expect(keyAt(0.99, 1 - 3.5 / ROWS)).toBeNull() // right of "m"
    expect(keyAt(-0.1, 0.5)).toBeNull()
    expect(keyAt(0.5, 1.2)).toBeNull()
  })

  it('types "sbk" on the second, third and fourth rows', () => {
    expect(keyCentre('s', WIDTH)![1]).toBeLessThan(keyCentre('w', WIDTH)![1])
    expect(keyCentre('b', WIDTH)![1]).toBeLessThan(keyCentre('s', WIDTH)![1])
    expect(keyCentre('k', WIDTH)![1]).toBe(keyCentre('s', WIDTH)![1])
  })

  it('finds every key of the field layout (Cancel, Clear, Space, Del, OK) at its own centre', () => {
    for (const key of layoutKeys(FIELD_LAYOUT)) {
      const centre = keyCentre(key, WIDTH, FIELD_LAYOUT)
      expect(centre, key).not.toBeNull()
      expect(keyAt(...uvOf(centre!), FIELD_LAYOUT), key).toBe(key)
    }
    expect(layoutKeys(FIELD_LAYOUT).slice(-5)).toEqual(['cancel', 'clear', ' ', 'backspace', 'enter'])
  })

  it('fills the bottom row exactly in every layout', () => {
    for (const layout of [QUERY_LAYOUT, FIELD_LAYOUT]) {
      expect(layout.special.reduce((sum, s) => sum + s.width, 0)).toBe(COLS)
    }
  })

  it('names keys safely for object names', () => {
    expect(keyId(' ')).toBe('space')
    expect(keyId('a')).toBe('a')
    expect(keyId('enter')).toBe('enter')
  })
})
