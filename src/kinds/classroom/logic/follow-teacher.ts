// "Follow me": a student more than FOLLOW_RADIUS from the teacher is moved to FOLLOW_BEHIND from them,
// on the line from the teacher to where the student stood, so the group gathers without piling up.
export const FOLLOW_RADIUS = 2.5
export const FOLLOW_BEHIND = 1.5

/** Where to move the student, or null when they are close enough. Floor positions (x, z); y is 0. */
export function followTarget(
  student: Readonly<[number, number, number]>,
  teacherX: number,
  teacherZ: number,
): [number, number, number] | null {
  const dx = student[0] - teacherX
  const dz = student[2] - teacherZ
  const d = Math.hypot(dx, dz)
  if (d <= FOLLOW_RADIUS) return null
  return [teacherX + (dx / d) * FOLLOW_BEHIND, 0, teacherZ + (dz / d) * FOLLOW_BEHIND]
}
