// A 3D control that is dragged (a slider's knob) claims the press it started on, so the desktop rig's
// drag-to-look leaves the view alone until the next press; otherwise scrubbing a slider also turned the view.
let claimed = false

/** Called by a dragging control from its 3D pointer-down. */
export function claimPress(): void {
  claimed = true
}

/** Whether the current press belongs to a 3D control. */
export function pressClaimed(): boolean {
  return claimed
}

/** Called by the desktop rig on every new DOM press, before the 3D events for it arrive. */
export function resetPressClaim(): void {
  claimed = false
}
