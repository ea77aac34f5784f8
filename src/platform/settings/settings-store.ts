// Comfort and display settings, persisted per device in localStorage. Defaults are the comfortable
// ones: teleport plus 30° snap turn, standing mode, normal text.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export interface TurnSettings {
  mode: 'snap' | 'smooth'
  /** Snap angle in degrees: 30 (default) or 45. */
  degrees: 30 | 45
}

export interface Settings {
  turn: TurnSettings
  /** Thumbstick walking (off by default), shown with a comfort vignette. */
  smoothLocomotion: boolean
  /** Lifts the view to standing eye height for seated visitors. */
  seated: boolean
  /** Narration volume 0..1. */
  volume: number
  /** Subtitle size multiplier. */
  subtitleScale: number
  /** Larger text and higher contrast for older visitors. */
  largeText: boolean
  /** Narration speed multiplier: slower for older visitors and learners, faster for repeat visitors. */
  narrationRate: NarrationRate
}

export const NARRATION_RATES = [0.75, 1, 1.25] as const
export type NarrationRate = (typeof NARRATION_RATES)[number]

export const defaultSettings: Settings = {
  turn: { mode: 'snap', degrees: 30 },
  smoothLocomotion: false,
  seated: false,
  volume: 0.9,
  subtitleScale: 1,
  largeText: false,
  narrationRate: 1,
}

interface SettingsState extends Settings {
  update(change: Partial<Settings>): void
  reset(): void
}

export const SETTINGS_STORAGE_KEY = 'xr-showcase:settings'

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      ...defaultSettings,
      update: (change) => set(change),
      reset: () => set(defaultSettings),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      version: 1,
      // A damaged or older entry falls back to defaults field by field instead of breaking the app.
      merge: (persisted, current) => ({ ...current, ...sanitizeSettings(persisted) }),
    },
  ),
)

export function sanitizeSettings(value: unknown): Partial<Settings> {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  const out: Partial<Settings> = {}
  const turn = v.turn as Partial<TurnSettings> | undefined
  if (
    turn &&
    (turn.mode === 'snap' || turn.mode === 'smooth') &&
    (turn.degrees === 30 || turn.degrees === 45)
  ) {
    out.turn = { mode: turn.mode, degrees: turn.degrees }
  }
  if (typeof v.smoothLocomotion === 'boolean') out.smoothLocomotion = v.smoothLocomotion
  if (typeof v.seated === 'boolean') out.seated = v.seated
  if (typeof v.volume === 'number' && v.volume >= 0 && v.volume <= 1) out.volume = v.volume
  if (typeof v.subtitleScale === 'number' && v.subtitleScale >= 0.75 && v.subtitleScale <= 2) {
    out.subtitleScale = v.subtitleScale
  }
  if (typeof v.largeText === 'boolean') out.largeText = v.largeText
  if (NARRATION_RATES.includes(v.narrationRate as NarrationRate))
    out.narrationRate = v.narrationRate as NarrationRate
  return out
}
