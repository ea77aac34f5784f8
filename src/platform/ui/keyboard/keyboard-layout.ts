// The in-VR keyboard's key grid: which key lies under a point of the keyboard plane, and where each key is.
// Plain maths so it is unit-tested; VirtualKeyboard.tsx draws it.

export const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const

export const COLS = 10
export const ROWS = 5

/** A typed character ("a", "7", " ") or a command: "backspace", "clear", "enter", "cancel". */
export type KeyboardKey = string

export interface SpecialKey {
  key: KeyboardKey
  /** Drawn on the key (Latin, on the canvas texture, so it needs no glyph in the 3D font). */
  label: string
  /** Width in key units; a bottom row's widths add up to COLS. */
  width: number
}

export interface KeyboardLayout {
  rows: readonly string[]
  /** The bottom row, left to right. */
  special: readonly SpecialKey[]
}

/** Free text such as a search query: delete, a wide space bar and OK. */
export const QUERY_LAYOUT: KeyboardLayout = {
  rows: KEY_ROWS,
  special: [
    { key: 'backspace', label: 'DEL', width: 2 },
    { key: ' ', label: 'SPACE', width: 5 },
    { key: 'enter', label: 'OK', width: 3 },
  ],
}

/** Editing one field (a name): also Cancel, which restores the old value, and Clear, which empties it. */
export const FIELD_LAYOUT: KeyboardLayout = {
  rows: KEY_ROWS,
  special: [
    { key: 'cancel', label: 'CANCEL', width: 2 },
    { key: 'clear', label: 'CLEAR', width: 2 },
    { key: ' ', label: 'SPACE', width: 2 },
    { key: 'backspace', label: 'DEL', width: 2 },
    { key: 'enter', label: 'OK', width: 2 },
  ],
}

/** The key under a uv point on the keyboard plane, or null between keys. */
export function keyAt(u: number, v: number, layout: KeyboardLayout = QUERY_LAYOUT): KeyboardKey | null {
  const row = Math.floor((1 - v) * ROWS)
  const col = u * COLS
  if (row < 0 || row >= ROWS || col < 0 || col >= COLS) return null
  if (row < layout.rows.length) {
    const keys = layout.rows[row]
    const start = (COLS - keys.length) / 2
    const i = Math.floor(col - start)
    return i >= 0 && i < keys.length ? keys[i] : null
  }
  let x = 0
  for (const s of layout.special) {
    if (col < x + s.width) return s.key
    x += s.width
  }
  return null
}

/** Where on the keyboard plane (local x, y in metres) a key's centre is; for tests and per-key anchors. */
export function keyCentre(
  key: KeyboardKey,
  width = 0.8,
  layout: KeyboardLayout = QUERY_LAYOUT,
): [number, number] | null {
  const keySize = width / COLS
  const height = keySize * ROWS
  for (let row = 0; row < layout.rows.length; row++) {
    const i = layout.rows[row].indexOf(key)
    if (i >= 0) {
      const start = (COLS - layout.rows[row].length) / 2
      return [(start + i + 0.5) * keySize - width / 2, height / 2 - (row + 0.5) * keySize]
    }
  }
  let x = 0
  for (const s of layout.special) {
    if (s.key === key) return [(x + s.width / 2) * keySize - width / 2, height / 2 - (ROWS - 0.5) * keySize]
    x += s.width
  }
  return null
}

/** Every key of a layout, top-left to bottom-right. */
export function layoutKeys(layout: KeyboardLayout): KeyboardKey[] {
  return [...layout.rows.join(''), ...layout.special.map((s) => s.key)]
}

/** A name for a key that is safe in object names and tests: the character itself, or "space", "enter"… */
export function keyId(key: KeyboardKey): string {
  return key === ' ' ? 'space' : key
}
