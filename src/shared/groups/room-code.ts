// Short codes people read aloud or type on a keypad: the classroom's room codes and the tour groups'
// codes. No 0/O, 1/I to mix up.
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const ROOM_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{5,8}$/

export function randomRoomCode(length = 5): string {
  let code = ''
  for (let i = 0; i < length; i++)
    code += ROOM_CODE_ALPHABET[Math.floor(Math.random() * ROOM_CODE_ALPHABET.length)]
  return code
}

/** A typed or scanned code cleaned: upper case, only the alphabet's characters, at most 8. */
export function cleanRoomCode(raw: string): string {
  return raw
    .toUpperCase()
    .split('')
    .filter((c) => ROOM_CODE_ALPHABET.includes(c))
    .join('')
    .slice(0, 8)
}
