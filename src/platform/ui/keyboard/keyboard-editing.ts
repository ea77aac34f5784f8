// What one key press on the virtual keyboard does to the text being edited. Plain logic, unit-tested;
// VirtualKeyboard.tsx applies it and reports the result.
import type { KeyboardKey } from './keyboard-layout'

export interface KeyOutcome {
  value: string
  /** "submit" for OK, "cancel" for Cancel; "edit" otherwise (the value may be unchanged). */
  action: 'edit' | 'submit' | 'cancel'
}

export function applyKey(value: string, key: KeyboardKey, maxLength = Number.POSITIVE_INFINITY): KeyOutcome {
  switch (key) {
    case 'enter':
      return { value, action: 'submit' }
    case 'cancel':
      return { value, action: 'cancel' }
    case 'backspace':
      // By code point, so a character typed elsewhere (an IME, a URL) is removed whole.
      return { value: Array.from(value).slice(0, -1).join(''), action: 'edit' }
    case 'clear':
      return { value: '', action: 'edit' }
    default: {
      const full = Array.from(value).length + Array.from(key).length > maxLength
      return { value: full ? value : value + key, action: 'edit' }
    }
  }
}
