// The desktop rig's DOM input: drag-to-look from the canvas and the movement keys held, gathered between
// frames for the locomotion stage to read. A kiosk mounts the rig once per scene all day, so every listener
// added here must come off again: one kept per mount (an inline `blur` handler) was the kiosk's one
// listener leaked per visitor, and it held the rig's closures with it.

/** What the listeners gather; the rig's frame reads and zeroes `drag`. */
export interface DesktopLookState {
  /** CSS pixels dragged since the frame last took them. */
  drag: { dx: number; dy: number }
  /** Key codes held now. */
  keys: Set<string>
}

export function createDesktopLookState(): DesktopLookState {
  return { drag: { dx: 0, dy: 0 }, keys: new Set() }
}

const TYPING = /INPUT|TEXTAREA|SELECT/

/**
 * Listens on `canvas` (presses start a drag) and `win` (moves, releases and keys anywhere); `onPress` runs
 * on each press (the rig forgets the last press's claim). Returns the function that removes every listener.
 */
export function listenDesktopLook(
  state: DesktopLookState,
  canvas: EventTarget,
  win: EventTarget,
  onPress: () => void,
): () => void {
  let dragging: { id: number; x: number; y: number } | null = null
  const down = (e: PointerEvent) => {
    onPress()
    state.drag.dx = 0
    state.drag.dy = 0
    dragging = { id: e.pointerId, x: e.clientX, y: e.clientY }
  }
  const move = (e: PointerEvent) => {
    if (!dragging || dragging.id !== e.pointerId) return
    state.drag.dx += e.clientX - dragging.x
    state.drag.dy += e.clientY - dragging.y
    dragging.x = e.clientX
    dragging.y = e.clientY
  }
  const up = (e: PointerEvent) => {
    if (dragging?.id === e.pointerId) dragging = null
  }
  const keyDown = (e: KeyboardEvent) => {
    // Typing in a form field (a name, a code) walks nobody.
    const target = e.target as { tagName?: unknown } | null
    if (typeof target?.tagName === 'string' && TYPING.test(target.tagName)) return
    state.keys.add(e.code)
  }
  const keyUp = (e: KeyboardEvent) => state.keys.delete(e.code)
  // A window that loses focus never hears the key-ups: nothing stays held.
  const blur = () => state.keys.clear()
  const listeners: [EventTarget, string, (e: never) => void][] = [
    [canvas, 'pointerdown', down],
    [win, 'pointermove', move],
    [win, 'pointerup', up],
    [win, 'pointercancel', up],
    [win, 'keydown', keyDown],
    [win, 'keyup', keyUp],
    [win, 'blur', blur],
  ]
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener as EventListener)
  return () => {
    for (const [target, type, listener] of listeners)
      target.removeEventListener(type, listener as EventListener)
  }
}
