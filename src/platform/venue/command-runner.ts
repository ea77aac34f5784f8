// Carries out one command staff sent this device and says whether it could: the device's half of the
// acknowledgement. The effects are injected (route, language, the kiosk reset, the notice, the name),
// so the rules are unit-tested without a browser.
import type { VenueCommand } from '../../shared/venue/venue-messages'

export interface CommandEffects {
  /** Whether this device can open the scene (it is in its scene list and valid). */
  hasScene(id: string): boolean
  openScene(id: string): void
  lobby(): void
  setLang(lang: 'zh' | 'en'): void
  /** The kiosk's reset for the next visitor. */
  reset(): void
  /** Starts a kiosk's attract loop; returns why not when this device cannot (not a kiosk, in VR). */
  startAttract(): string | undefined
  stopAttract(): void
  showNotice(text: string, seconds: number): void
  rename(name: string): void
}

export interface CommandOutcome {
  ok: boolean
  detail?: string
}

export function runCommand(command: VenueCommand, effects: CommandEffects): CommandOutcome {
  try {
    switch (command.type) {
      case 'open-scene':
        if (!effects.hasScene(command.scene))
          return { ok: false, detail: `this device has no working scene "${command.scene}"` }
        effects.openScene(command.scene)
        return { ok: true }
      case 'lobby':
        effects.lobby()
        return { ok: true }
      case 'set-lang':
        effects.setLang(command.lang)
        return { ok: true }
      case 'reset':
        effects.reset()
        return { ok: true }
      case 'start-attract': {
        const refusal = effects.startAttract()
        return refusal ? { ok: false, detail: refusal } : { ok: true }
      }
      case 'stop-attract':
        effects.stopAttract()
        return { ok: true }
      case 'message':
        effects.showNotice(command.text, command.seconds)
        return { ok: true }
      case 'rename':
        effects.rename(command.name)
        return { ok: true }
    }
  } catch (error) {
    return { ok: false, detail: String((error as Error).message ?? error).slice(0, 200) }
  }
}
