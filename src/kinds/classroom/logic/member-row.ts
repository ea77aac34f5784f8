// The layout of a student's row on the teacher's console (views/MemberRow.tsx): five keys packed against the
// console's right edge at the console's one type size, each wide enough for its English label on one line
// (test/unit/kinds/classroom/member-row.test.ts fits every label), and the name in the room left of them.

/** The console's type: the member rows used 0.03, which read 0.7° where the console's keys read 0.9°. */
export const MEMBER_TYPE = 0.04
export const MEMBER_KEY_H = 0.07
const KEY_GAP = 0.012

export type MemberKeyId = 'floor' | 'mute' | 'spotlight' | 'grant' | 'kick'

/** Left to right; widths from the longest label ("Give model" at 0.04 needs 0.26 m). */
const KEY_WIDTHS: Array<[MemberKeyId, number]> = [
  ['floor', 0.15],
  ['mute', 0.125],
  ['spotlight', 0.245],
  ['grant', 0.26],
  ['kick', 0.175],
]

export interface MemberKeyPlace {
  id: MemberKeyId
  width: number
  /** The key's centre, in console metres. */
  x: number
}

/** The keys' places, the last one ending at `rightEdge`. */
export function memberKeys(rightEdge: number): MemberKeyPlace[] {
  let x = rightEdge
  const places: MemberKeyPlace[] = []
  for (const [id, width] of [...KEY_WIDTHS].reverse()) {
    places.unshift({ id, width, x: x - width / 2 })
    x -= width + KEY_GAP
  }
  return places
}

/**
 * The row's text: a dot while heard, the name, "…" while disconnected, and the answers given. A name too
 * long for `maxEm` ems (names may be 24 characters) is cut and ends in "…", so it never runs under a key.
 */
export function memberLine(
  m: { name: string; connected: boolean; answered: number },
  speaking: boolean,
  maxEm: number,
  emOf: (text: string) => number,
): string {
  const line = (name: string) => `${speaking ? '● ' : ''}${name}${m.connected ? '' : ' …'}  ${m.answered}`
  if (emOf(line(m.name)) <= maxEm) return line(m.name)
  const chars = Array.from(m.name)
  while (chars.length > 1 && emOf(line(`${chars.join('')}…`)) > maxEm) chars.pop()
  return line(`${chars.join('')}…`)
}
