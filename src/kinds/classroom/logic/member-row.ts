// The layout of a student's row on the teacher's console (views/MemberRow.tsx): five keys packed against the
// console's right edge at the console's one type size, each wide enough for its English label on one line
// (test/unit/kinds/classroom/member-row.test.ts fits every label), and the name in the room left of them; the
// member list's pages, the raised-hands line and the live results' lines.

import type { cutToFit } from '../../../platform/ui'

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
 * The row's text around a name: a dot while heard, the name, "…" while disconnected, and the answers
 * given. The view cuts a name too long for the room left of the keys (platform ui's cutToFit), so it
 * never runs under a key.
 */
export function memberLine(
  m: { connected: boolean; answered: number },
  speaking: boolean,
): (name: string) => string {
  return (name) => `${speaking ? '● ' : ''}${name}${m.connected ? '' : ' …'}  ${m.answered}`
}

/**
 * Students per page of the console's member list. The console keeps one height whatever the class's size:
 * grown a row per student it stepped back from a 1024×640 window until its keys read under 0.9°, and in a
 * headset its lower rows left the comfort field.
 */
export const MEMBERS_PER_PAGE = 2

export interface MemberPage<T> {
  /** The students on the page shown, in the order they joined (a row never moves under the pointer). */
  rows: T[]
  /** The page shown (0-based), clamped to the pages there are, and how many there are (at least 1). */
  page: number
  pages: number
  /** A student with a hand up is on an earlier or a later page: its page key says so. */
  handBefore: boolean
  handAfter: boolean
}

/** Page `page` of the class (clamped: students leave while a page is shown). */
export function memberPage<T extends { hand: boolean }>(students: T[], page: number): MemberPage<T> {
  const pages = Math.max(1, Math.ceil(students.length / MEMBERS_PER_PAGE))
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1)
  const start = shown * MEMBERS_PER_PAGE
  const end = start + MEMBERS_PER_PAGE
  return {
    rows: students.slice(start, end),
    page: shown,
    pages,
    handBefore: students.slice(0, start).some((m) => m.hand),
    handAfter: students.slice(end).some((m) => m.hand),
  }
}

/**
 * The raised-hands line: as many names as fit `maxEm` (in order), then "+k" for the rest; a first name too
 * long even alone is cut by `cut` (platform ui's cutToFit). `fill` puts the names into the language's
 * template; `none` is the line when no hand is up. A 24-character name wrapped it onto the member heading.
 */
export function handsLine(
  names: string[],
  fill: (names: string) => string,
  none: string,
  maxEm: number,
  cut: typeof cutToFit,
  emOf: (text: string) => number,
): string {
  if (names.length === 0) return none
  const line = (shown: string[], rest: number) => fill(shown.join('、')) + (rest > 0 ? ` +${rest}` : '')
  let n = 1
  while (n < names.length && emOf(line(names.slice(0, n + 1), names.length - n - 1)) <= maxEm) n++
  const rest = names.length - n
  return n === 1 ? cut(names[0], (name) => line([name], rest), maxEm) : line(names.slice(0, n), rest)
}

/**
 * The live results board's text: one line per student (name, score, questions answered), names cut to
 * `maxEm` by `cut` (platform ui's cutToFit); past `fits` lines the last says how many more answered.
 */
export function resultLines(
  rows: Array<{ name: string; score: number; answered: number }>,
  maxScore: number,
  fits: number,
  maxEm: number,
  cut: typeof cutToFit,
): string {
  const shown = rows.length > fits ? rows.slice(0, Math.max(0, fits - 1)) : rows
  const lines = shown.map((r) =>
    cut(r.name, (name) => `${name}   ${r.score} / ${maxScore}   (${r.answered})`, maxEm),
  )
  if (shown.length < rows.length) lines.push(`… +${rows.length - shown.length}`)
  return lines.join('\n')
}
