// The teacher's movement lock: a locked student stays where they were when the lock began, whatever
// they try (teleport, walking); only the teacher's own moves (summon, follow me) move them, and those
// become the new place to hold.
export type Position = [number, number, number]

export class MovementLock {
  private anchor: Position | null = null

  /** Where a locked student must stay (null when unlocked); called every frame, so it does not allocate. */
  hold(position: Readonly<Position>, locked: boolean): Readonly<Position> | null {
    if (!locked) {
      this.anchor = null
      return null
    }
    this.anchor ??= [...position]
    return this.anchor
  }

  /** The teacher moved the student: hold them at the new place instead of pulling them back. */
  movedByTeacher(position: Readonly<Position>): void {
    if (this.anchor) this.anchor = [...position]
  }
}
