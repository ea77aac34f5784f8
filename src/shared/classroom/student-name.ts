// A member's display name as the join panel keeps it: what a confirmed keyboard draft (or ?name=) becomes.
// Plain logic, unit-tested; the server checks joins against the same NAME_MAX_LENGTH (JoinOptions in classroom-messages.ts).

export const NAME_MAX_LENGTH = 24

/** Spaces collapsed and trimmed, at most NAME_MAX_LENGTH characters; an empty draft keeps `previous`. */
export function confirmedName(draft: string, previous: string): string {
  const name = Array.from(draft.replace(/\s+/g, ' ').trim()).slice(0, NAME_MAX_LENGTH).join('').trim()
  return name || previous
}
