// The join panel's rules as plain functions: the room code a link carries, the teacher keypad, and which
// status line to show for the session's mode and last message.

/** A room code from a ?room= parameter: upper case letters and digits, at most 8. */
export function roomCodeFrom(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8)
}

export const TEACHER_CODE_MAX_LENGTH = 12
/** The keypad's keys: digits, backspace (退格) and clear. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '退格', '0', 'C'] as const
export type KeypadKey = (typeof KEYPAD_KEYS)[number]

/** The teacher code after pressing `key`. */
export function pressKeypad(code: string, key: KeypadKey): string {
  if (key === '退格') return code.slice(0, -1)
  if (key === 'C') return ''
  return (code + key).slice(0, TEACHER_CODE_MAX_LENGTH)
}

export type JoinStatus =
  | { kind: 'none' }
  | { kind: 'connecting' }
  | { kind: 'kicked' }
  | { kind: 'ended' }
  | { kind: 'offline' }
  | { kind: 'failed'; detail: string }

/** The status line under the join buttons. */
export function joinStatus(mode: string, message: string): JoinStatus {
  if (mode === 'connecting') return { kind: 'connecting' }
  if (message === 'kicked') return { kind: 'kicked' }
  if (message === 'ended') return { kind: 'ended' }
  if (message === 'offline') return { kind: 'offline' }
  if (message.startsWith('error:')) return { kind: 'failed', detail: message.slice('error:'.length) }
  return { kind: 'none' }
}
