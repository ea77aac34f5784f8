// A member's display name as the join panel keeps it and as the server accepts it. Plain logic, unit-tested;
// the server parses joins with the same rules (JoinOptions in classroom-messages.ts).
import { cleanDisplayName } from '../display-name'

export const NAME_MAX_LENGTH = 24

/**
 * What a typed name becomes: Unicode-normalised (NFKC, so full-width or styled look-alikes fold to plain
 * letters), without control, format, bidi-override or zero-width characters (they reorder or hide text on
 * name tags and in the CSV), spaces collapsed, at most NAME_MAX_LENGTH characters.
 */
export function normalizeMemberName(raw: string): string {
  return cleanDisplayName(raw, NAME_MAX_LENGTH)
}

/** The form two names are compared in: "Bo", "bo" and "Ｂｏ" are the same member name. */
export function nameKey(name: string): string {
  return normalizeMemberName(name).toLowerCase().replace(/\s+/g, '')
}

const TEACHER_WORDS = ['老师', '教师', '老師', '教師', 'teacher', 'laoshi']

/** True when a name claims the teacher's role, which only a member who gave the teacher code may show. */
export function impersonatesTeacher(name: string): boolean {
  const key = nameKey(name)
  return TEACHER_WORDS.some((w) => key.includes(w))
}

/** A confirmed keyboard draft (or ?name=), normalised; an empty draft keeps `previous`. */
export function confirmedName(draft: string, previous: string): string {
  return normalizeMemberName(draft) || previous
}
