// Push-to-talk: a member talks while any of its controls holds the talk: a desktop key held down, a
// controller button held down, or the on-screen button (pressed once to talk, again to stop, since a 3D
// button is clicked, not held). Pure: the voice service turns `active` into sending or not.

export type TalkControl = 'key' | 'controller' | 'button'

export class PushToTalk {
  private readonly held = new Set<TalkControl>()

  constructor(private readonly changed: (active: boolean) => void = () => {}) {}

  get active(): boolean {
    return this.held.size > 0
  }

  /** A control starts (`on`) or stops holding the talk. */
  hold(control: TalkControl, on: boolean): void {
    const before = this.active
    if (on) this.held.add(control)
    else this.held.delete(control)
    if (this.active !== before) this.changed(this.active)
  }

  /** The on-screen button: talk, or stop every control's talk (a stuck key is stopped too). */
  toggle(): void {
    if (this.active) this.release()
    else this.hold('button', true)
  }

  /** Stops talking whatever held it (muted, the floor taken back, the room left). */
  release(): void {
    if (!this.active) return
    this.held.clear()
    this.changed(false)
  }
}

/** The desktop key held to talk: T (Space and the arrows walk, and letters type into fields). */
export const TALK_KEY = 'KeyT'

/** True when a key press belongs to a text field, not to push-to-talk. */
export function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? '')))
}
