// The in-VR keyboard's key grid: which key lies under a point of the keyboard plane, and where each key is.
// Plain maths so it is unit-tested; VirtualKeyboard.tsx draws it.

export const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const
/** Special keys on the bottom row, left to right, with their widths in key units. */
export const SPECIAL = [
  { key: 'backspace', label: 'DEL', width: 2 },
  { key: ' ', label: 'SPACE', width: 5 },
  { key: 'enter', label: 'OK', width: 3 },
] as const

export const COLS = 10
export const ROWS = 5

export type KeyboardKey = string

/** The key under a uv point on the keyboard plane, or null between keys. Exported for tests. */
export function keyAt(u: number, v: number): KeyboardKey | null {
  const row = Math.floor((1 - v) * ROWS)
  const col = u * COLS
  if (row < 0 || row >= ROWS || col < 0 || col >= COLS) return null
  if (row < KEY_ROWS.length) {
    const keys = KEY_ROWS[row]
    const start = (COLS - keys.length) / 2
    const i = Math.floor(col - start)
    return i >= 0 && i < keys.length ? keys[i] : null
  }
  let x = 0
  for (const s of SPECIAL) {
    if (col < x + s.width) return s.key
    x += s.width
  }
  return null
}

/** Where on the keyboard plane (local x, y in metres) a key's centre is; for tests that aim at keys. */
export function keyCentre(key: KeyboardKey, width = 0.8): [number, number] | null {
  const keySize = width / COLS
  const height = keySize * ROWS
  for (let row = 0; row < KEY_ROWS.length; row++) {
    const i = KEY_ROWS[row].indexOf(key)
    if (i >= 0) {
      const start = (COLS - KEY_ROWS[row].length) / 2
      return [(start + i + 0.5) * keySize - width / 2, height / 2 - (row + 0.5) * keySize]
    }
  }
  let x = 0
  for (const s of SPECIAL) {
    if (s.key === key) return [(x + s.width / 2) * keySize - width / 2, height / 2 - (ROWS - 0.5) * keySize]
    x += s.width
  }
  return null
}
